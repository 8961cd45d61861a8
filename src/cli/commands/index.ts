import type { Command } from 'commander';
import { registerExtract } from './extract-command.js';
import { registerQuotes } from './quotes.js';
import { registerAnalyze } from './analyze.js';
import { registerCorpus } from './corpus.js';

/** Every sub-command, in the order `--help` lists them. Each lives in its own module. */
export const COMMANDS: ((program: Command) => void)[] = [registerAnalyze, registerExtract, registerQuotes, registerCorpus];
