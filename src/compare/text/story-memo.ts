// Results of pure per-text functions, kept for one dossier (src/compare/dossier.ts): copies of one
// page (issue 16 item 3) and sentences repeated across sources are then read once. Like the words
// cache (./tokens.ts), the memo lives only while a dossier is built, so it never outgrows one story.

let tables: Map<string, Map<string, unknown>> | null = null;

/** Runs `f` with a fresh memo (or inside the one already running). */
export function withStoryMemo<T>(f: () => T): T {
  if (tables) return f();
  tables = new Map();
  try {
    return f();
  } finally {
    tables = null;
  }
}

/**
 * `compute()`, remembered under `key` in `table` while a dossier is built (computed every time
 * outside one). `compute` must be a pure function of `key`, and callers must not mutate the result.
 */
export function memoInStory<V>(table: string, key: string, compute: () => V): V {
  if (!tables) return compute();
  let memo = tables.get(table);
  if (!memo) tables.set(table, (memo = new Map<string, unknown>()));
  if (memo.has(key)) return memo.get(key) as V;
  const value = compute();
  memo.set(key, value);
  return value;
}
