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
const DAY_MS = 86_400_000;

export function refineAssignments(items: RefineItem[], joinThreshold: number, windowDays: number, rounds = REFINE_ROUNDS): string[] {
  const assign = items.map((i) => i.story);
  const sums = new Map<string, Map<string, number>>();
  const sizes = new Map<string, number>();
  // Each story's time span as the single pass left it (moves do not stretch it: a revision should not
  // let a story drift in time).
  const span = new Map<string, [number, number]>();
  const add = (story: string, v: SparseVector, sign: 1 | -1): void => {
    let c = sums.get(story);
    if (!c) sums.set(story, (c = new Map<string, number>()));
    for (const [k, w] of v) c.set(k, (c.get(k) ?? 0) + sign * w);
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

/**
 * Least average link between the two halves of a story for it to stay whole. Two events of one kind
 * told with one vocabulary can chain into one story during the single pass; their halves then link
 * more weakly to each other than each half does inside. Tuned on ECB+ DEV.
 */
export const SPLIT_LINK = Number(process.env['SPLIT_LINK'] ?? 0.12);
/** Smallest story worth trying to split, and smallest half kept. */
const SPLIT_MIN = 4;
const SPLIT_HALF_MIN = 2;

function sumOf(vs: SparseVector[]): Map<string, number> {
  const c = new Map<string, number>();
  for (const v of vs) for (const [k, w] of v) c.set(k, (c.get(k) ?? 0) + w);
  return c;
}

/**
 * Tries to split each story in two (2-means with average-link similarity, seeded by the member least
 * like the rest and the member least like that one); keeps a split when the halves link below
 * SPLIT_LINK. Returns the new assignment and the splits made (`into` is the new story's id: the id
 * the clusterer gives a story started by that half's first article).
 */
export function splitStories(items: RefineItem[], idFor: (index: number) => string): { assign: string[]; splits: { from: string; into: string }[] } {
  const assign = items.map((i) => i.story);
  const byStory = new Map<string, number[]>();
  assign.forEach((s, i) => (byStory.get(s) ?? byStory.set(s, []).get(s)!).push(i));
  const splits: { from: string; into: string }[] = [];
  for (const [story, members] of byStory) {
    if (members.length < SPLIT_MIN) continue;
    const vec = (i: number): SparseVector => items[i]!.vector;
    const all = sumOf(members.map(vec));
    const simToRest = (i: number): number => (dot(vec(i), all) - dot(vec(i), vec(i))) / (members.length - 1);
    const seedA = members.reduce((m, i) => (simToRest(i) < simToRest(m) ? i : m), members[0]!);
    const seedB = members.filter((i) => i !== seedA).reduce((m, i) => (dot(vec(i), vec(seedA)) < dot(vec(m), vec(seedA)) ? i : m), members.find((i) => i !== seedA)!);
    let a = [seedA];
    let b = [seedB];
    for (let iter = 0; iter < 5; iter++) {
      const ca = sumOf(a.map(vec));
      const cb = sumOf(b.map(vec));
      const na = a.length;
      const nb = b.length;
      const nextA: number[] = [];
      const nextB: number[] = [];
      for (const i of members) {
        const sa = (dot(vec(i), ca) - (a.includes(i) ? dot(vec(i), vec(i)) : 0)) / Math.max(1, na - (a.includes(i) ? 1 : 0));
        const sb = (dot(vec(i), cb) - (b.includes(i) ? dot(vec(i), vec(i)) : 0)) / Math.max(1, nb - (b.includes(i) ? 1 : 0));
        (sa >= sb ? nextA : nextB).push(i);
      }
      if (nextA.length === 0 || nextB.length === 0) break;
      a = nextA;
      b = nextB;
    }
    if (a.length < SPLIT_HALF_MIN || b.length < SPLIT_HALF_MIN) continue;
    const link = dot(sumOf(a.map(vec)), sumOf(b.map(vec))) / (a.length * b.length);
    if (link >= SPLIT_LINK) continue;
    // The half holding the story's first article keeps the id.
    const first = Math.min(...members);
    const moved = a.includes(first) ? b : a;
    const into = idFor(Math.min(...moved));
    for (const i of moved) assign[i] = into;
    splits.push({ from: story, into });
  }
  return { assign, splits };
}
