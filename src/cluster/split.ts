import { dot, type SparseVector } from './vectorize.js';

/**
 * Second stage for batches: splits a story whose articles form two groups that share the topic's
 * vocabulary but are much closer within each group than across. Similar events (two rehab stays, two
 * quakes) are told with the same words, so the single pass can chain them into one story; yet each
 * event's reports repeat its own who/when/where, so the two groups' cross similarity stays well below
 * their inner similarity. A story is cut in two (2-means with average-link similarity, seeded by its
 * least similar pair) and kept cut when the cross similarity is a small enough share of the inner
 * one. Similarity is over the name/date/number features only: the topic words are what the two events
 * share, who/when/where is what they do not. One cut per story: cutting the parts again split true
 * stories on ECB+ DEV (a story's reports drift in detail) more than it separated events.
 */
export interface SplitItem {
  vector: SparseVector;
  story: string;
}

export interface SplitParams {
  /** Cross/inner average similarity ratio below which the two parts are different events. */
  ratio: number;
  /** Least articles in each part for a split: one or two odd articles are not a second event. */
  minPart: number;
  /** Feature key prefixes compared (empty: all features). */
  prefixes: string[];
  /** Stories above this size are left alone (the split is quadratic in story size). */
  maxStory: number;
}

/**
 * Tuned on ECB+ DEV: ratios 0.675 to 0.725 give B3F1 >= 0.90 there both for a batch (`cluster`) and
 * for the store's incremental clustering with its revisions (0.7 sits in the middle of that plateau);
 * parts of at least 4 articles, since smaller ones were as often a true story's odd reports as a
 * second event.
 */
export const DEFAULT_SPLIT: SplitParams = { ratio: 0.7, minPart: 4, prefixes: ['n:', 'd:', '#:'], maxStory: 500 };

/** 2-means iterations: assignments settle within a few. */
const ROUNDS = 10;

function restrict(v: SparseVector, prefixes: string[]): SparseVector {
  if (prefixes.length === 0) return v;
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

/**
 * Returns each item's story after splitting; a split-off part is named by `nameOf(first item index)`.
 * `only`, when given, names the stories to examine (the store looks again only at stories that changed).
 */
export function splitStories(items: SplitItem[], nameOf: (firstItem: number) => string, params: SplitParams = DEFAULT_SPLIT, only?: Set<string>): string[] {
  const assign = items.map((i) => i.story);
  const members = new Map<string, number[]>();
  items.forEach((it, i) => {
    let m = members.get(it.story);
    if (!m) members.set(it.story, (m = []));
    m.push(i);
  });
  for (const [story, idx] of members) {
    if (only && !only.has(story)) continue;
    if (idx.length < 2 * params.minPart || idx.length > params.maxStory) continue;
    const vecs = idx.map((i) => restrict(items[i]!.vector, params.prefixes));
    const sim = vecs.map((a) => vecs.map((b) => dot(a, b)));
    const cut = bisect(
      idx.map((_, j) => j),
      sim,
      params,
    );
    if (!cut) continue;
    const parts = [cut[0], cut[1]];
    // The part holding the story's first article keeps the story id, so ids users have seen stay valid.
    parts.sort((x, y) => x[0]! - y[0]!);
    parts.forEach((p, n) => {
      if (n === 0) return;
      const name = nameOf(idx[p[0]!]!);
      for (const j of p) assign[idx[j]!] = name;
    });
  }
  return assign;
}

function avgLink(a: number[], b: number[], sim: number[][]): number {
  let s = 0;
  let n = 0;
  for (const i of a) {
    for (const j of b) {
      if (i === j) continue;
      s += sim[i]![j]!;
      n++;
    }
  }
  return n ? s / n : 0;
}

function bisect(group: number[], sim: number[][], params: SplitParams): [number[], number[]] | null {
  if (group.length < 2 * params.minPart) return null;
  // Seeds: the least similar pair (first in order on ties), the two most distinct articles.
  let sa = group[0]!;
  let sb = group[1]!;
  let low = Infinity;
  for (let x = 0; x < group.length; x++) {
    for (let y = x + 1; y < group.length; y++) {
      const s = sim[group[x]!]![group[y]!]!;
      if (s < low) [low, sa, sb] = [s, group[x]!, group[y]!];
    }
  }
  let a = [sa];
  let b = [sb];
  for (let round = 0; round < ROUNDS; round++) {
    const na: number[] = [];
    const nb: number[] = [];
    for (const i of group) {
      const toA = avgLink([i], a, sim);
      const toB = avgLink([i], b, sim);
      (toA >= toB ? na : nb).push(i);
    }
    if (na.length === 0 || nb.length === 0) return null;
    const same = na.length === a.length && na.every((v, k) => v === a[k]);
    a = na;
    b = nb;
    if (same) break;
  }
  if (a.length < params.minPart || b.length < params.minPart) return null;
  const inner = Math.min(avgLink(a, a, sim), avgLink(b, b, sim));
  const cross = avgLink(a, b, sim);
  return inner > 0 && cross < params.ratio * inner ? [a, b] : null;
}
