/**
 * Scores by pair number (a non-negative integer below 2^53), as a Map<number, number> would keep
 * them, in open-addressed typed arrays: a big story's grouping stores hundreds of thousands of pair
 * scores, and a Map boxes each score and rehashes as it grows (issue 15: a tenth of a 100-source
 * story went to that map and its garbage).
 */
export class PairScores {
  /** Pair number + 1 at each slot; 0 marks an empty slot. */
  private keys: Float64Array;
  private values: Float64Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Float64Array(size);
    this.values = new Float64Array(size);
    this.mask = size - 1;
  }

  /** The score stored for `pair`, or undefined. */
  get(pair: number): number | undefined {
    const want = pair + 1;
    for (let i = slotOf(pair) & this.mask; ; i = (i + 1) & this.mask) {
      const k = this.keys[i] as number;
      if (k === want) return this.values[i];
      if (k === 0) return undefined;
    }
  }

  set(pair: number, score: number): void {
    // Kept at most half full, so probes stay short.
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    this.put(pair, score);
  }

  private put(pair: number, score: number): void {
    const want = pair + 1;
    for (let i = slotOf(pair) & this.mask; ; i = (i + 1) & this.mask) {
      const k = this.keys[i] as number;
      if (k === 0 || k === want) {
        if (k === 0) this.count++;
        this.keys[i] = want;
        this.values[i] = score;
        return;
      }
    }
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Float64Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.put((keys[i] as number) - 1, values[i] as number);
  }
}

/** A well-mixed 32-bit hash of a pair number (its low and high 32 bits). */
function slotOf(pair: number): number {
  const low = pair >>> 0;
  const high = Math.floor(pair / 4294967296);
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
