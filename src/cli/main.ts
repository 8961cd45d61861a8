import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { UserError, EXIT } from './errors.js';
import { COMMANDS, registrationsFor } from './commands/index.js';
import { tuneForCommand } from './v8-flags.js';

/**
 * The crosscheck command line: one sub-command per pipeline stage, plus corpus mode. Given the
 * arguments, only the command they name is registered (its module alone is loaded).
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command();
  program
    .name('crosscheck')
    .description(
      "Compare several outlets' reports of one news story: what is established, what is contested, " +
        'who changed the quotes, and who copied whom, every finding backed by evidence in each source.',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of await registrationsFor(argv)) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  const command = argv[2];
  if (command !== undefined && COMMANDS.some((c) => c.names.includes(command))) tuneForCommand();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UserError) {
      process.stderr.write(`crosscheck: ${err.message}\n`);
      return err.exitCode;
    }
    const e = err as Error;
    process.stderr.write(`crosscheck: internal error: ${e.message}\n${process.env['CROSSCHECK_DEBUG'] ? (e.stack ?? '') + '\n' : ''}`);
    return 70;
  }
}

/**
 * Runs the command line on this process's arguments and sets its exit code. The installed
 * `crosscheck` command (src/cli/bin.ts) calls this; so does `node dist/src/cli/main.js`.
 */
export function runCli(): void {
  // `crosscheck ... | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw e;
  });
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`crosscheck: internal error: ${String(err)}\n`);
      process.exitCode = 70;
    },
  );
}

/**
 * True when node was started on this very file (`node dist/src/cli/main.js`, `tsx src/cli/main.ts`).
 * Compared by real path, so a symlink to this file counts and a file merely named main.js does not.
 */
function startedOnThisFile(): boolean {
  const started = process.argv[1];
  if (started === undefined) return false;
  try {
    return realpathSync(started) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (startedOnThisFile()) runCli();
