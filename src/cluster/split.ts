import { dot, type SparseVector } from './vectorize.js';

/**
 * Second stage for batches: splits a story whose articles form two groups that share the topic's
 * vocabulary but little of who/when/where. Similar events (two rehab stays, two quakes) are told with
 * the same words, so the single pass can chain them into one story; within a story, the articles
 * are regrouped by average link over their name/date/number features only, and groups that end up
 * well apart become stories of their own.
 */
export interface SplitItem {
  vector: SparseVector;
  story: string;
}

export interface SplitParams {
  /** Average entity similarity below which two groups inside a story are kept apart. */
  threshold: number;
  /** Least articles in each part for a split: one odd article is not a second event. */
  minPart: number;
  /** Feature key prefixes that tell similar events apart (names, dates, numbers). */
  prefixes: string[];
  /** Stories above this size are left alone (the regrouping is cubic in story size). */
  maxStory: number;
}

export const DEFAULT_SPLIT: SplitParams = { threshold: 0.05, minPart: 2, prefixes: ['n:', 'd:', '#:'], maxStory: 300 };

function restrict(v: SparseVector, prefixes: string[]): SparseVector {
  const out: SparseVector = new Map();
  let norm = 0;
  for (const [k, w] of v) {
    if (prefixes.some((p) => k.startsWith(p))) {
      out.set(k, w);
      norm += w * w;
    }
  }
  norm = Math.sqrt(norm) || 1;
  for (const [k, w] of out) out.set(k, w / norm);
  return out;
}

/** Returns each item's story after splitting; new stories are named `<story>/<n>` by the caller's choice of `nameOf`. */
export function splitStories(items: SplitItem[], nameOf: (story: string, part: number, firstItem: number) => string, params: SplitParams = DEFAULT_SPLIT): string[] {
  const assign = items.map((i) => i.story);
  const members = new Map<string, number[]>();
  items.forEach((it, i) => {
    let m = members.get(it.story);
    if (!m) members.set(it.story, (m = []));
    m.push(i);
  });
  for (const [story, idx] of members) {
    if (idx.length < 2 * params.minPart || idx.length > params.maxStory) continue;
    const vecs = idx.map((i) => restrict(items[i]!.vector, params.prefixes));
    const groups = regroup(vecs, params.threshold);
    const big = groups.filter((g) => g.length >= params.minPart);
    if (big.length < 2) continue;
    // Small leftovers join the big group they are on average closest to.
    for (const g of groups) {
      if (g.length >= params.minPart) continue;
      for (const a of g) {
        let best = big[0]!;
        let bestSim = -Infinity;
        for (const b of big) {
          const sim = b.reduce((s, j) => s + dot(vecs[a]!, vecs[j]!), 0) / b.length;
          if (sim > bestSim) [best, bestSim] = [b, sim];
        }
        best.push(a);
      }
    }
    // The group holding the story's first article keeps the story id, so ids users have seen stay valid.
    big.sort((x, y) => Math.min(...x) - Math.min(...y));
    big.forEach((g, part) => {
      if (part === 0) return;
      const first = Math.min(...g.map((j) => idx[j]!));
      const name = nameOf(story, part, first);
      for (const j of g) assign[idx[j]!] = name;
    });
  }
  return assign;
}

/** Average-link agglomeration of a story's articles until no two groups reach `threshold`. */
function regroup(vecs: SparseVector[], threshold: number): number[][] {
  const n = vecs.length;
  const sim: number[][] = vecs.map((a) => vecs.map((b) => dot(a, b)));
  let groups: number[][] = vecs.map((_, i) => [i]);
  // link[i][j] = sum of pairwise similarities between groups i and j.
  let link: number[][] = sim.map((row) => [...row]);
  for (;;) {
    let bi = -1;
    let bj = -1;
    let best = -Infinity;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const avg = link[i]![j]! / (groups[i]!.length * groups[j]!.length);
        if (avg > best) [best, bi, bj] = [avg, i, j];
      }
    }
    if (bi < 0 || best < threshold) break;
    const merged = [...groups[bi]!, ...groups[bj]!];
    const keep = groups.map((_, k) => k).filter((k) => k !== bi && k !== bj);
    const newLink = keep.map((a) => keep.map((b) => link[a]![b]!));
    const row = keep.map((k) => link[bi]![k]! + link[bj]![k]!);
    newLink.forEach((r, x) => r.push(row[x]!));
    newLink.push([...row, 0]);
    link = newLink;
    groups = [...keep.map((k) => groups[k]!), merged];
    if (groups.length === 1) break;
  }
  void n;
  return groups;
}
