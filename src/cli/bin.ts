#!/usr/bin/env node
// The installed `crosscheck` command (package.json "bin"). npm links it as a symlink (npm link,
// npm install -g, npx) or a shim, so this file cannot tell from its own path how it was started:
// it always runs the command line.
import { runCli } from './main.js';

runCli();
