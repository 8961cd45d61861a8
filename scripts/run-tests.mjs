#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with Node's own test runner (tsx strips the types;
// `npm test` type-checks them first with tsc). Node 20's --test does not expand globs, so we list files.
// Results go through scripts/test-reporter.mjs (progress as tests finish, a summary counting skips).
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const roots = ['src', 'test'];
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.ts')) files.push(p);
  }
};
for (const r of roots) {
  try { walk(r); } catch { /* folder may not exist yet */ }
}
const only = process.argv.slice(2);
const chosen = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
const CONCURRENCY = 2;
// Say what runs before the first result arrives: the slowest files take a minute or more.
console.log(`crosscheck: running ${chosen.length} test file${chosen.length === 1 ? '' : 's'}, ${CONCURRENCY} at a time; each line below is a finished test`);
const reporter = join(dirname(fileURLToPath(import.meta.url)), 'test-reporter.mjs');
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${CONCURRENCY}`, `--test-reporter=${pathToFileURL(reporter).href}`, ...chosen], { stdio: 'inherit' });
process.exit(r.status ?? 1);
