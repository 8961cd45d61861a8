import type { Command } from 'commander';

// Corpus-mode commands (ingest, watch, cluster, stories, story, serve) are registered here.
export function registerCorpus(_program: Command): void {}
