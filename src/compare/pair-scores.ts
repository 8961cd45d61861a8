/**
 * Scores of unordered item pairs, as a Map keyed by pair would keep them. Up to DENSE_MAX_PAIRS
 * possible pairs they sit in one triangular typed array: a big story's grouping stores hundreds of
 * thousands of scores, and a Map boxes each one, rehashes as it grows and leaves all of it to the
 * garbage collector (issue 15). Beyond that (a story of thousands of sources) a Map, as before.
 */
export class PairScores {
  private readonly values: Float64Array | null;
  private readonly known: Uint8Array | null;
  private readonly map: Map<number, number> | null;

  constructor(private readonly n: number) {
    const pairs = (n * (n - 1)) / 2;
    const dense = pairs <= DENSE_MAX_PAIRS;
    this.values = dense ? new Float64Array(pairs) : null;
    this.known = dense ? new Uint8Array(pairs) : null;
    this.map = dense ? null : new Map();
  }

  /** The score stored for items i < j, or undefined. */
  get(i: number, j: number): number | undefined {
    if (this.map) return this.map.get(i * this.n + j);
    const at = this.slot(i, j);
    return this.known?.[at] ? this.values?.[at] : undefined;
  }

  /** Stores the score of items i < j. */
  set(i: number, j: number, score: number): void {
    if (this.map) {
      this.map.set(i * this.n + j, score);
      return;
    }
    const at = this.slot(i, j);
    (this.values as Float64Array)[at] = score;
    (this.known as Uint8Array)[at] = 1;
  }

  /** Row i of the upper triangle starts after the rows above it: (n-1) + (n-2) + ... + (n-i). */
  private slot(i: number, j: number): number {
    return (i * (2 * this.n - i - 1)) / 2 + (j - i - 1);
  }
}

/**
 * Possible pairs up to which the scores are kept dense: 9 bytes a pair, about 108 MB at this size (a
 * story of some 4,900 claim sentences; the 200-source bench story has 4,191, 8.8 million pairs). The
 * table is filled a few per cent at most, so a Map would hold less, but at more cost in time and
 * garbage than the whole table: the process's peak memory at 200 sources stays below what it was
 * with the Map and the matcher's overlap cache.
 */
const DENSE_MAX_PAIRS = 12_000_000;
