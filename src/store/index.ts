import type { ArticleStore } from './types.js';
import { MemoryStore } from './memory.js';
import { SqliteStore } from './sqlite.js';

export * from './types.js';
export { Corpus, type IngestOutcome } from './corpus.js';
export { MemoryStore } from './memory.js';
export { SqliteStore } from './sqlite.js';
export { contentId, urlKey, normaliseBody } from './identity.js';

/** The default store file, in the working directory (gitignored as *.db). */
export const DEFAULT_DB = 'crosscheck.db';

/** True for a PostgreSQL connection URL (postgres:// or postgresql://), as opposed to a SQLite file path. */
export const isPostgresUrl = (location: string): boolean => /^postgres(?:ql)?:\/\//i.test(location);

/**
 * Opens a store: a postgres:// URL for PostgreSQL (migrated on open; the driver is loaded only then, so
 * commands that never use it never load it), `:memory:` for an in-process one, else a SQLite file.
 */
export async function openStore(location: string = DEFAULT_DB): Promise<ArticleStore> {
  if (isPostgresUrl(location)) {
    const { PgStore } = await import('./postgres/store.js');
    return PgStore.open(location);
  }
  return location === ':memory:' ? new MemoryStore() : new SqliteStore(location);
}
