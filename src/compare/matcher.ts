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
  /** The passage's distinct keys as numbers (see LexicalMatcher.idOf), in first-occurrence order. */
  ids: Int32Array;
  /** The same keys as strings, for fuzzy matching. */
  keys: string[];
  total: number;
  /** Its key sequence's number: passages with the same keys in the same order share it. */
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
  /** Each distinct key sequence's number. */
  private readonly sequenceIds = new Map<string, number>();
  /**
   * Each key met so far numbered, with its weight by number: overlaps walk small integer lists and
   * typed arrays instead of hashing strings (issue 15: overlap was a tenth of a 100-source story).
   */
  private readonly keyIds = new Map<string, number>();
  private weights = new Float64Array(64);
  /** marks[id] === stamp: key `id` is in the passage last marked (a fresh stamp per overlap). */
  private marks = new Int32Array(64);
  private otherMarks = new Int32Array(64);
  private stamp = 0;
  /**
   * Fuzzy overlaps already computed, by the two passages' sequence numbers (first passage's, then the
   * second's): an overlap reads nothing but the two key sequences, so a story's copies and repeated
   * sentences are compared once, with the same bits. Exact overlaps are cheaper to redo than to look up.
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

  private idOf(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyIds.size;
      this.keyIds.set(key, id);
      if (id >= this.weights.length) {
        const grown = new Float64Array(this.weights.length * 2);
        grown.set(this.weights);
        this.weights = grown;
        this.marks = new Int32Array(grown.length);
        this.otherMarks = new Int32Array(grown.length);
        this.stamp = 0;
      }
      this.weights[id] = this.weight(key);
    }
    return id;
  }

  /**
   * The passages last prepared as first and as second argument, with their preparations: grouping
   * compares one passage with many in a row, and the WeakMap lookup was a tenth of each comparison.
   */
  private readonly recent: [Passage | null, Prepared | null, Passage | null, Prepared | null] = [null, null, null, null];

  private prepare(p: Passage, second = false): Prepared {
    const at = second ? 2 : 0;
    if (p === this.recent[at]) return this.recent[at + 1] as Prepared;
    const got = this.preparedOf(p);
    this.recent[at] = p;
    this.recent[at + 1] = got;
    return got;
  }

  private preparedOf(p: Passage): Prepared {
    let got = this.prepared.get(p);
    if (!got) {
      const keys = [...new Set(p.keys)];
      const ids = Int32Array.from(keys, (k) => this.idOf(k));
      let total = 0;
      for (const k of keys) total += this.weight(k);
      const sequence = p.keys.join('\u0000');
      let id = this.sequenceIds.get(sequence);
      if (id === undefined) this.sequenceIds.set(sequence, (id = this.sequenceIds.size));
      got = { ids, keys, total, id };
      this.prepared.set(p, got);
    }
    return got;
  }

  /** The last pair's overlap: quote clustering asks for the similarity and then the containment of one pair. */
  private last: { a: Passage; b: Passage; overlap: Overlap } | null = null;

  private overlap(a: Passage, b: Passage): Overlap {
    if (this.last?.a === a && this.last.b === b) return this.last.overlap;
    const A = this.prepare(a);
    const B = this.prepare(b, true);
    let overlap: Overlap | undefined;
    if (this.fuzzy) {
      const byB = (this.overlaps[A.id] ??= new Map<number, Overlap>());
      overlap = byB.get(B.id);
      if (!overlap) byB.set(B.id, (overlap = this.fuzzyOverlap(A, B)));
    } else overlap = { common: this.common(A, B), wa: A.total, wb: B.total };
    this.last = { a, b, overlap };
    return overlap;
  }

  /** A fresh stamp, and B's keys marked with it. */
  private mark(B: Prepared): number {
    if (this.stamp === 0x7fffffff) {
      this.marks.fill(0);
      this.otherMarks.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    for (let x = 0; x < B.ids.length; x++) this.marks[B.ids[x] as number] = stamp;
    return stamp;
  }

  /** The weight of A's keys that B holds, summed in A's key order. */
  private common(A: Prepared, B: Prepared): number {
    const stamp = this.mark(B);
    let common = 0;
    for (let x = 0; x < A.ids.length; x++) {
      const k = A.ids[x] as number;
      if (this.marks[k] === stamp) common += this.weights[k] as number;
    }
    return common;
  }

  /** common(), and each of A's keys B lacks meeting B's first near-same key that A lacks. */
  private fuzzyOverlap(A: Prepared, B: Prepared): Overlap {
    const stamp = this.mark(B);
    for (let x = 0; x < A.ids.length; x++) this.otherMarks[A.ids[x] as number] = stamp;
    let common = 0;
    for (let x = 0; x < A.ids.length; x++) {
      const k = A.ids[x] as number;
      if (this.marks[k] === stamp) {
        common += this.weights[k] as number;
        continue;
      }
      for (let y = 0; y < B.ids.length; y++) {
        const j = B.ids[y] as number;
        if (this.otherMarks[j] !== stamp && nearSameKey(A.keys[x] as string, B.keys[y] as string)) {
          common += Math.min(this.weights[k] as number, this.weights[j] as number);
          break;
        }
      }
    }
    return { common, wa: A.total, wb: B.total };
  }

  similarity(a: Passage, b: Passage): number {
    if (!this.fuzzy) {
      // No overlap object: claim grouping asks this hundreds of thousands of times.
      const A = this.prepare(a);
      const B = this.prepare(b, true);
      const sum = A.total + B.total;
      return sum === 0 ? 0 : (2 * this.common(A, B)) / sum;
    }
    const { common, wa, wb } = this.overlap(a, b);
    return wa + wb === 0 ? 0 : (2 * common) / (wa + wb);
  }

  containment(a: Passage, b: Passage): number {
    const { common, wa, wb } = this.overlap(a, b);
    const m = Math.min(wa, wb);
    return m === 0 ? 0 : Math.min(1, common / m);
  }
}
