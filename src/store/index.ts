import type { ArticleStore } from './types.js';
import { MemoryStore } from './memory.js';
import { SqliteStore } from './sqlite.js';

export * from './types.js';
export { Corpus, type IngestOutcome } from './corpus.js';
export { MemoryStore } from './memory.js';
export { SqliteStore } from './sqlite.js';
export { contentId, urlKey, normaliseBody } from './identity.js';

import { DEFAULT_DB } from './default-db.js';
export { DEFAULT_DB };

/** Opens a store: `:memory:` for an in-process one, else a SQLite file (created and migrated if needed). */
export function openStore(path: string = DEFAULT_DB): ArticleStore {
  return path === ':memory:' ? new MemoryStore() : new SqliteStore(path);
}
