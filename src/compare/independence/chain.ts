/**
 * Heaviest monotone chain over candidate pairs (x, y): a subset strictly increasing in both x and y
 * with the largest total weight. Used to align similar sentences of two sources in order.
 *
 * The plain dynamic programme compares every candidate with every earlier one, which is quadratic in
 * the candidates; and candidates can be every sentence pair (two long texts in one small vocabulary
 * make every pair similar), so two 65 KB pages took minutes. Here a Fenwick tree over y keeps, for each
 * prefix of y, the best chain ending there among candidates of smaller x: O(c log n) for c candidates.
 *
 * Ties are broken as the quadratic version did, so the chain is the same: each candidate extends the
 * earliest (in x, then y order) of the best chains before it, and the chain returned ends at the earliest
 * candidate of the best total.
 */

interface Best {
  value: number;
  index: number;
}

const NONE: Best = { value: -1, index: -1 };

/** Larger total first; on equal totals the earlier candidate. */
function better(p: Best, q: Best): Best {
  if (p.value !== q.value) return p.value > q.value ? p : q;
  return p.index <= q.index ? p : q;
}

/** Prefix-best tree over positions 0..size-1. */
class PrefixBest {
  private readonly tree: Best[];
  constructor(size: number) {
    this.tree = Array.from({ length: size + 1 }, () => NONE);
  }
  /** Best over positions < pos. */
  before(pos: number): Best {
    let out = NONE;
    for (let i = pos; i > 0; i -= i & -i) out = better(out, this.tree[i] ?? NONE);
    return out;
  }
  set(pos: number, b: Best): void {
    for (let i = pos + 1; i < this.tree.length; i += i & -i) this.tree[i] = better(this.tree[i] ?? NONE, b);
  }
}

/**
 * Indices of the heaviest chain, in order, over candidates k = (xs[k], ys[k]) sorted by x, then y; each
 * y in 0..ySize-1. Flat coordinate lists, not pairs: there can be a million candidates. `weight` must be
 * positive.
 */
export function heaviestChain(xs: ArrayLike<number>, ys: ArrayLike<number>, ySize: number, weight: (k: number) => number): number[] {
  const n = xs.length;
  const best = new Float64Array(n);
  const prev = new Int32Array(n).fill(-1);
  const tree = new PrefixBest(ySize);
  let groupStart = 0;
  for (let k = 0; k <= n; k++) {
    // a new x: the candidates of the previous x become available to later ones
    if (k === n || (k > groupStart && xs[k] !== xs[groupStart])) {
      for (let m = groupStart; m < k; m++) tree.set(ys[m] ?? 0, { value: best[m] ?? 0, index: m });
      groupStart = k;
    }
    if (k === n) break;
    const from = tree.before(ys[k] ?? 0);
    best[k] = weight(k) + (from.index >= 0 ? from.value : 0);
    prev[k] = from.index;
  }
  let end = -1;
  for (let k = 0; k < n; k++) if (end < 0 || (best[k] ?? 0) > (best[end] ?? 0)) end = k;
  const chain: number[] = [];
  for (let k = end; k >= 0; k = prev[k] ?? -1) chain.push(k);
  return chain.reverse();
}
