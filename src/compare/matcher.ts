import { nearSameKey } from './quotes/align.js';

/**
 * How passages are compared across sources. The default is lexical (content words after
 * normalisation, synonym sets, stems, weighted by rarity within the story); a semantic model
 * (sentence embeddings, NLI) could implement the same interface later without touching the stages.
 */
export interface Matcher {
  /** 0..1: how much two passages say the same thing. Symmetric. */
  similarity(a: Passage, b: Passage): number;
  /** 0..1: how much of the smaller passage the larger one contains. */
  containment(a: Passage, b: Passage): number;
}

/** A passage as the matcher sees it: its content keys (see contentKey in text/tokens.ts). */
export interface Passage {
  keys: readonly string[];
}

/**
 * Weighted overlap of content keys. A key's weight is its inverse document frequency over the
 * passages of the story, so words every source repeats (the main actor's name) count for little
 * and a rare name or number counts for much.
 */
export class LexicalMatcher implements Matcher {
  private readonly idf = new Map<string, number>();
  private readonly fallback: number;
  private readonly prepared = new WeakMap<Passage, { set: Set<string>; total: number }>();

  /**
   * @param fuzzy also let inflections and one-letter misspellings meet ("throw"/"thrown"): worth it
   *   for short quotations, too slow (and unneeded after stemming) for every sentence of a story.
   */
  constructor(
    corpus: readonly Passage[],
    private readonly fuzzy = true,
  ) {
    const df = new Map<string, number>();
    for (const p of corpus) for (const k of new Set(p.keys)) df.set(k, (df.get(k) ?? 0) + 1);
    const n = Math.max(1, corpus.length);
    for (const [k, d] of df) this.idf.set(k, Math.log(1 + n / d));
    this.fallback = Math.log(1 + n);
  }

  weight(key: string): number {
    return this.idf.get(key) ?? this.fallback;
  }

  private prepare(p: Passage): { set: Set<string>; total: number } {
    let got = this.prepared.get(p);
    if (!got) {
      const set = new Set(p.keys);
      let total = 0;
      for (const k of set) total += this.weight(k);
      got = { set, total };
      this.prepared.set(p, got);
    }
    return got;
  }

  /** The last pair's overlap: quote clustering asks for the similarity and then the containment of one pair. */
  private last: { a: Passage; b: Passage; overlap: { common: number; wa: number; wb: number } } | null = null;

  private overlap(a: Passage, b: Passage): { common: number; wa: number; wb: number } {
    if (this.last?.a === a && this.last.b === b) return this.last.overlap;
    const overlap = this.computeOverlap(a, b);
    this.last = { a, b, overlap };
    return overlap;
  }

  private computeOverlap(a: Passage, b: Passage): { common: number; wa: number; wb: number } {
    const A = this.prepare(a);
    const B = this.prepare(b);
    let common = 0;
    for (const k of A.set) {
      if (B.set.has(k)) common += this.weight(k);
      else if (this.fuzzy) {
        for (const j of B.set) {
          if (!A.set.has(j) && nearSameKey(k, j)) {
            common += Math.min(this.weight(k), this.weight(j));
            break;
          }
        }
      }
    }
    return { common, wa: A.total, wb: B.total };
  }
  similarity(a: Passage, b: Passage): number {
    const { common, wa, wb } = this.overlap(a, b);
    return wa + wb === 0 ? 0 : (2 * common) / (wa + wb);
  }

  containment(a: Passage, b: Passage): number {
    const { common, wa, wb } = this.overlap(a, b);
    const m = Math.min(wa, wb);
    return m === 0 ? 0 : Math.min(1, common / m);
  }
}
