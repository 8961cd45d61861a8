import type { CandidateLookup, CandidateStory, SparseVector } from '../cluster/index.js';

/**
 * Where Corpus looks up candidate stories for a decision:
 * - `memory`: the clusterer's own index (the default; SQLite, the memory store, the evals);
 * - `store`: the store's window tables (PostgreSQL, migration 007), when they follow the log;
 * - `checked`: both, failing the decision if they differ (tests and `CROSSCHECK_WINDOW_LOOKUP=checked`
 *   evals use it to show the tables decide exactly as memory does).
 * The process still holds the window in memory in every mode: it applies each decision to it and
 * writes the changes to the tables from it (docs/scale.md says what is left to move).
 */
export type LookupMode = 'memory' | 'store' | 'checked';

export function lookupModeFromEnv(env: NodeJS.ProcessEnv = process.env): LookupMode {
  const v = env.CROSSCHECK_WINDOW_LOOKUP;
  if (v === undefined || v === '' || v === 'memory') return 'memory';
  if (v === 'store' || v === 'checked') return v;
  throw new Error(`CROSSCHECK_WINDOW_LOOKUP must be memory, store or checked, not ${v}`);
}

/** The candidates of both lookups, compared in full (ids, order, sizes, spans, creation order, centroids in order). */
export function checkedLookup(memory: CandidateLookup, store: CandidateLookup): CandidateLookup {
  return {
    async candidates(vector: SparseVector, time: number | null): Promise<CandidateStory[]> {
      const [a, b] = [await memory.candidates(vector, time), await store.candidates(vector, time)];
      const diff = candidatesDiffer(a, b);
      if (diff) throw new Error(`window tables and memory disagree: ${diff}`);
      return a;
    },
  };
}

/** How two candidate lists differ (null: identical). */
export function candidatesDiffer(a: readonly CandidateStory[], b: readonly CandidateStory[]): string | null {
  if (a.length !== b.length) return `${a.length} candidates in memory, ${b.length} in the store (${a.map((s) => s.id).join(',')} / ${b.map((s) => s.id).join(',')})`;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.id !== y.id) return `candidate ${i}: ${x.id} in memory, ${y.id} in the store`;
    if (x.size !== y.size || x.minTime !== y.minTime || x.maxTime !== y.maxTime || x.createdSeq !== y.createdSeq) return `story ${x.id}: size, times or creation order differ (${x.size} ${x.minTime} ${x.maxTime} ${x.createdSeq} in memory, ${y.size} ${y.minTime} ${y.maxTime} ${y.createdSeq} in the store)`;
    const cx = [...x.centroid];
    const cy = [...y.centroid];
    if (cx.length !== cy.length || cx.some(([k, v], j) => cy[j]![0] !== k || cy[j]![1] !== v)) return `story ${x.id}: centroids differ`;
  }
  return null;
}
