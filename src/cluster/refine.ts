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
export const REFINE_MARGIN = 0.02;
/** Passes over the batch; the second catches articles whose best story changed after the first moves. */
export const REFINE_ROUNDS = 2;
/** Strongest terms of an article used to find the stories it may move to (as the clusterer's queryTerms). */
export const REFINE_QUERY_TERMS = 25;
/**
 * Stories scored exactly per article: the ones sharing the most weight of its strongest terms. The
 * story an article belongs in is among the first few; on ECB+ DEV and BASIL 5, 10, 20 and 40 give the
 * same clustering, and the store's revisions cost half as much at 10 as at 40.
 */
export const REFINE_MAX_CANDIDATES = 10;
const DAY_MS = 86_400_000;

/** `movable`, when given, says which items may move (the store revises only stories that changed); the others still count in their stories. */
export function refineAssignments(items: RefineItem[], joinThreshold: number, windowDays: number, rounds = REFINE_ROUNDS, movable?: (index: number) => boolean): string[] {
  const assign = items.map((i) => i.story);
  const sums = new Map<string, Map<string, number>>();
  const sizes = new Map<string, number>();
  // Each story's time span as the single pass left it (moves do not stretch it: a revision should not
  // let a story drift in time).
  const span = new Map<string, [number, number]>();
  // term -> stories whose sum ever held it, and each story's first-seen rank: an article is compared
  // only with stories sharing one of its strongest terms (a story sharing none of them cannot reach the
  // join threshold in practice), in the order a full scan would visit them, so ties resolve as a scan
  // would; comparing with every story made revision quadratic (36 s for 5,000 generated articles).
  const byTerm = new Map<string, Set<string>>();
  const rank = new Map<string, number>();
  const add = (story: string, v: SparseVector, sign: 1 | -1): void => {
    let c = sums.get(story);
    if (!c) {
      sums.set(story, (c = new Map<string, number>()));
      rank.set(story, rank.size);
    }
    let n = 0;
    for (const [k, w] of v) {
      c.set(k, (c.get(k) ?? 0) + sign * w);
      // Stories are found by their members' strongest terms (vectors are strongest-first), as the
      // clusterer's index does: a story listed under every word it holds would be a candidate for
      // every article sharing a common word.
      if (sign > 0 && n++ < REFINE_QUERY_TERMS) {
        let set = byTerm.get(k);
        if (!set) byTerm.set(k, (set = new Set()));
        set.add(story);
      }
    }
    sizes.set(story, (sizes.get(story) ?? 0) + sign);
  };
  items.forEach((it, i) => {
    add(assign[i]!, it.vector, 1);
    if (it.time !== null) {
      const sp = span.get(assign[i]!);
      span.set(assign[i]!, sp ? [Math.min(sp[0], it.time), Math.max(sp[1], it.time)] : [it.time, it.time]);
    }
  });
  const inWindow = (story: string, t: number | null): boolean => {
    const sp = span.get(story);
    if (t === null || !sp) return true;
    return t >= sp[0] - windowDays * DAY_MS && t <= sp[1] + windowDays * DAY_MS;
  };
  for (let round = 0; round < rounds; round++) {
    let moved = 0;
    items.forEach((it, i) => {
      if (movable && !movable(i)) return;
      const own = assign[i]!;
      const n = sizes.get(own) ?? 1;
      const ownSim = n > 1 ? (dot(it.vector, sums.get(own)!) - dot(it.vector, it.vector)) / (n - 1) : -Infinity;
      let best = own;
      let bestSim = ownSim;
      const near = new Map<string, number>();
      let seen = 0;
      for (const [k, w] of it.vector) {
        // Vectors are built strongest-first (vectorize sorts).
        if (seen++ >= REFINE_QUERY_TERMS) break;
        for (const story of byTerm.get(k) ?? []) near.set(story, (near.get(story) ?? 0) + w);
      }
      // Stories out of the article's time window cannot take it: leave them out before ranking, or
      // in a long batch the best-sharing stories are other months' stories of the same places.
      const candidates = [...near]
        .filter(([story]) => story !== own && (sizes.get(story) ?? 0) > 0 && inWindow(story, it.time))
        .sort((a, b) => b[1] - a[1] || rank.get(a[0])! - rank.get(b[0])!)
        .slice(0, REFINE_MAX_CANDIDATES)
        .map(([story]) => story);
      for (const story of candidates) {
        const c = sums.get(story)!;
        const m = sizes.get(story) ?? 0;
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

