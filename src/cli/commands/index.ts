import type { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * Every sub-command's module, in the order `--help` lists them, with the names it registers. Each
 * lives in its own module, imported only when needed: a run of one command (`crosscheck analyze ...`)
 * loads that command's module alone; `--help`, an unknown command and everything else load all.
 */
export const COMMANDS: { names: readonly string[]; load: () => Promise<Register> }[] = [
  { names: ['analyze'], load: async () => (await import('./analyze.js')).registerAnalyze },
  { names: ['extract'], load: async () => (await import('./extract-command.js')).registerExtract },
  { names: ['quotes'], load: async () => (await import('./quotes.js')).registerQuotes },
  { names: ['ingest', 'watch', 'cluster', 'stories', 'story', 'serve', 'store', 'worker', 'queue'], load: async () => (await import('./corpus.js')).registerCorpus },
];

/** The registrations a command line needs: its command's alone when it starts with a command name. */
export async function registrationsFor(argv: readonly string[]): Promise<Register[]> {
  const name = argv[2];
  const one = COMMANDS.find((c) => name !== undefined && c.names.includes(name));
  return Promise.all((one ? [one] : COMMANDS).map((c) => c.load()));
}
