import type { ArticleFeatures } from './features.js';

/** A sparse, L2-normalised feature vector: feature key ("w:quake", "n:ann marlow", "d:2008") -> weight. */
export type SparseVector = Map<string, number>;

/** How much each feature group counts next to content words. Tuned on ECB+ DEV (scripts/eval/clusters.ts). */
export interface FeatureWeights {
  words: number;
  names: number;
  dates: number;
  numbers: number;
  pairs: number;
}

export const DEFAULT_WEIGHTS: FeatureWeights = { words: 1, names: 2.2, dates: 1.5, numbers: 1.2, pairs: 0.4 };

/**
 * Kept terms per article vector: the strongest terms carry the similarity, and a bounded vector keeps
 * the store's per-article state and the story centroids small at 100k articles.
 */
export const VECTOR_TERMS = 120;

/** All feature keys of an article, for document frequencies. */
export function featureKeys(f: ArticleFeatures): string[] {
  return [...[...f.words.keys()].map((k) => 'w:' + k), ...[...f.names.keys()].map((k) => 'n:' + k), ...[...f.dates.keys()].map((k) => 'd:' + k), ...[...f.numbers.keys()].map((k) => '#:' + k), ...[...f.pairs.keys()].map((k) => 'p:' + k)];
}

/**
 * Document frequencies, grown as articles arrive (corpus mode) or seeded with a whole batch first
 * (`cluster`), so idf reflects the collection being clustered, as the TF-IDF baseline does.
 */
export class DocumentFrequencies {
  private readonly df = new Map<string, number>();
  private docs = 0;

  get size(): number {
    return this.docs;
  }

  add(keys: Iterable<string>): void {
    this.docs++;
    for (const k of keys) this.df.set(k, (this.df.get(k) ?? 0) + 1);
  }

  /** [documents, [key, count] pairs]: what a checkpoint keeps. */
  exportState(): [number, [string, number][]] {
    return [this.docs, [...this.df]];
  }

  static fromState([docs, entries]: [number, [string, number][]]): DocumentFrequencies {
    const d = new DocumentFrequencies();
    d.docs = docs;
    for (const [k, n] of entries) d.df.set(k, n);
    return d;
  }

  /** Smoothed idf, as scikit-learn's: ln((1+N)/(1+df)) + 1. */
  idf(key: string): number {
    return Math.log((1 + this.docs) / (1 + (this.df.get(key) ?? 0))) + 1;
  }
}

export function vectorize(f: ArticleFeatures, df: DocumentFrequencies, weights: FeatureWeights = DEFAULT_WEIGHTS, keep = VECTOR_TERMS): SparseVector {
  const raw: [string, number][] = [];
  const addGroup = (prefix: string, counts: Map<string, number>, w: number): void => {
    if (w <= 0) return;
    for (const [k, c] of counts) {
      if (c <= 0) continue;
      const key = prefix + k;
      // Sublinear tf: the tenth mention of a word says less than the second.
      raw.push([key, w * (1 + Math.log(c)) * df.idf(key)]);
    }
  };
  addGroup('w:', f.words, weights.words);
  addGroup('n:', f.names, weights.names);
  addGroup('d:', f.dates, weights.dates);
  addGroup('#:', f.numbers, weights.numbers);
  addGroup('p:', f.pairs, weights.pairs);
  raw.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = raw.slice(0, keep);
  const norm = Math.sqrt(kept.reduce((s, [, v]) => s + v * v, 0)) || 1;
  return new Map(kept.map(([k, v]) => [k, v / norm]));
}

export function dot(a: SparseVector, b: SparseVector): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, v] of small) {
    const w = big.get(k);
    if (w !== undefined) s += v * w;
  }
  return s;
}
