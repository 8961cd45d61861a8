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

interface Prepared {
  set: Set<string>;
  total: number;
  id: number;
}

interface Overlap {
  common: number;
  wa: number;
  wb: number;
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
  private readonly prepared = new WeakMap<Passage, Prepared>();
  /** Each distinct key sequence's number: passages with the same keys in the same order share it. */
  private readonly sequenceIds = new Map<string, number>();
  /**
   * Overlaps already computed, by the two passages' sequence numbers (first passage's, then the
   * second's): an overlap reads nothing but the two key sequences, so a story's copies and repeated
   * sentences (wire copy, syndicated paragraphs) are compared once, with the same bits.
   */
  private readonly overlaps: Map<number, Overlap>[] = [];

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

  private prepare(p: Passage): Prepared {
    let got = this.prepared.get(p);
    if (!got) {
      const set = new Set(p.keys);
      let total = 0;
      for (const k of set) total += this.weight(k);
      const sequence = p.keys.join('\u0000');
      let id = this.sequenceIds.get(sequence);
      if (id === undefined) this.sequenceIds.set(sequence, (id = this.sequenceIds.size));
      got = { set, total, id };
      this.prepared.set(p, got);
    }
    return got;
  }

  /** The last pair's overlap: quote clustering asks for the similarity and then the containment of one pair. */
  private last: { a: Passage; b: Passage; overlap: Overlap } | null = null;

  private overlap(a: Passage, b: Passage): Overlap {
    if (this.last?.a === a && this.last.b === b) return this.last.overlap;
    const A = this.prepare(a);
    const B = this.prepare(b);
    const byB = (this.overlaps[A.id] ??= new Map<number, Overlap>());
    let overlap = byB.get(B.id);
    if (!overlap) byB.set(B.id, (overlap = this.computeOverlap(A, B)));
    this.last = { a, b, overlap };
    return overlap;
  }

  private computeOverlap(A: Prepared, B: Prepared): Overlap {
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
