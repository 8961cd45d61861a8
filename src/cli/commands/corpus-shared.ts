import { existsSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { UserError } from '../errors.js';
import { DEFAULT_DB, isPostgresUrl } from '../../store/default-db.js';
import type { ArticleStore } from '../../store/index.js';

// The store is loaded by the commands that open one, when they run: `--help` and the commands without
// a store never load it.

/** `--db PATH|URL`, shared by every command that uses the store; $DATABASE_URL when not given. */
export function addDbOption(command: Command): Command {
  return command.option('--db <path|url>', 'the store: a SQLite file, or a postgres:// URL (default: $DATABASE_URL, else crosscheck.db)', process.env['DATABASE_URL'] || DEFAULT_DB);
}

/** The store location as safe to print: a URL's password is masked. */
export function displayDb(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const u = new URL(location);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** Opens the store for writing, creating it if needed. */
export async function openForWrite(path: string): Promise<ArticleStore> {
  const [{ openStore }, { StoreHealthError }] = await Promise.all([import('../../store/index.js'), import('../../store/sqlite-health.js')]);
  try {
    return await openStore(path);
  } catch (e) {
    if (e instanceof StoreHealthError) throw new UserError(e.message, 1);
    throw new UserError(`${displayDb(path)}: cannot open the store: ${(e as Error).message}`);
  }
}

/** Opens an existing store; a missing file is a user error, not an empty store. */
export async function openExisting(path: string): Promise<ArticleStore> {
  if (path !== ':memory:' && !isPostgresUrl(path) && !existsSync(path)) throw new UserError(`${path}: no store here (run crosscheck ingest first, or pass --db)`, 1);
  return openForWrite(path);
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return n;
}

/** Removes terminal control characters from untrusted text printed to a terminal. */
export function safeLine(text: string): string {
  // \p{Cc}: C0 and C1 controls (escape sequences start with one); then the bidi overrides.
  return text.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ' ');
}
