import type { ArticleStore } from './types.js';
import { MemoryStore } from './memory.js';
import { SqliteStore } from './sqlite.js';

export * from './types.js';
export { Corpus, type IngestOutcome } from './corpus.js';
export { MemoryStore } from './memory.js';
export { SqliteStore } from './sqlite.js';
export { contentId, urlKey, normaliseBody } from './identity.js';

import { DEFAULT_DB, isPostgresUrl } from './default-db.js';
export { DEFAULT_DB, isPostgresUrl };

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
