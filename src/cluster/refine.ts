import { dot, type SparseVector } from './vectorize.js';

/**
 * A batch-only revision of single-pass clustering: each article, in turn, moves to the story its
 * members are on average most similar to, when that beats its own story (itself excluded) by a
 * margin. Early arrivals are placed knowing little; once every article is in, some fit another story
 * better. This is one k-means-style pass with average-link similarity; stories keep their ids.
 */
export interface RefineItem {
  vector: SparseVector;
  time: number | null;
  story: string;
}

/** A move must gain this much average similarity: small wobbles are not worth a changed story. */
export const REFINE_MARGIN = Number(process.env.RM ?? 0.02);
const DAY_MS = 86_400_000;

export function refineAssignments(items: RefineItem[], joinThreshold: number, windowDays: number, rounds = Number(process.env.RR ?? 2)): string[] {
  const assign = items.map((i) => i.story);
  const sums = new Map<string, Map<string, number>>();
  const sizes = new Map<string, number>();
  const times = new Map<string, number[]>();
  const add = (story: string, v: SparseVector, sign: 1 | -1): void => {
    let c = sums.get(story);
    if (!c) sums.set(story, (c = new Map()));
    for (const [k, w] of v) c.set(k, (c.get(k) ?? 0) + sign * w);
    sizes.set(story, (sizes.get(story) ?? 0) + sign);
  };
  items.forEach((it, i) => {
    add(assign[i]!, it.vector, 1);
    if (it.time !== null) (times.get(assign[i]!) ?? times.set(assign[i]!, []).get(assign[i]!)!).push(it.time);
  });
  const inWindow = (story: string, t: number | null): boolean => {
    const ts = times.get(story);
    if (t === null || !ts || ts.length === 0) return true;
    return t >= Math.min(...ts) - windowDays * DAY_MS && t <= Math.max(...ts) + windowDays * DAY_MS;
  };
  for (let round = 0; round < rounds; round++) {
    let moved = 0;
    items.forEach((it, i) => {
      const own = assign[i]!;
      const n = sizes.get(own) ?? 1;
      const ownSim = n > 1 ? (dot(it.vector, sums.get(own)!) - dot(it.vector, it.vector)) / (n - 1) : -Infinity;
      let best = own;
      let bestSim = ownSim;
      for (const [story, c] of sums) {
        const m = sizes.get(story) ?? 0;
        if (story === own || m <= 0 || !inWindow(story, it.time)) continue;
        const sim = dot(it.vector, c) / m;
        if (sim > bestSim + REFINE_MARGIN && sim >= joinThreshold) {
          best = story;
          bestSim = sim;
        }
      }
      if (best !== own) {
        add(own, it.vector, -1);
        add(best, it.vector, 1);
        assign[i] = best;
        moved++;
      }
    });
    if (moved === 0) break;
  }
  return assign;
}
