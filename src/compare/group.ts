/**
 * Greedy average-link grouping of passages across sources, shared by quote clustering and claim
 * grouping. Candidate pairs (sharing a content key) scoring at least `link` are taken strongest
 * first; two groups merge when their average pairwise score is still at least `average` and no
 * source would exceed `perSource` members. Deterministic: ties break by item order.
 */
export interface Groupable {
  source: number;
  keys: readonly string[];
}

export interface GroupOptions<T> {
  score: (a: T, b: T) => number;
  link: number;
  average: number;
  perSource: number;
  /** Pairs that must never be linked directly (e.g. two parts of one quotation). */
  skip?: (a: T, b: T) => boolean;
}

/**
 * Keys shared by more items than this (and than a tenth of all items) do not propose candidate
 * pairs: a pair sharing only such common words scores low anyway, and this keeps large stories
 * from comparing every passage with every other.
 */
const COMMON_KEY_MIN = 40;
/** Members of each group compared when checking an average link (the first ones, for determinism). */
const AVERAGE_LINK_SAMPLE = 24;

export function groupItems<T extends Groupable>(items: T[], o: GroupOptions<T>): T[][] {
  const links: { a: number; b: number; s: number }[] = [];
  const byKey = new Map<string, number[]>();
  items.forEach((u, i) => {
    for (const k of new Set(u.keys)) {
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  });
  const scores = new Map<number, number>();
  const pairScore = (i: number, j: number): number => {
    const key = i < j ? i * items.length + j : j * items.length + i;
    let s = scores.get(key);
    if (s === undefined) {
      const a = items[i] as T;
      const b = items[j] as T;
      s = o.skip?.(a, b) ? 0 : o.score(a, b);
      scores.set(key, s);
    }
    return s;
  };
  const commonKey = Math.max(COMMON_KEY_MIN, items.length / 10);
  // seen[j] === i + 1 marks j as already a candidate of i (cheaper than a Set per item)
  const seen = new Int32Array(items.length);
  items.forEach((_, i) => {
    const candidates: number[] = [];
    for (const k of new Set(items[i]?.keys ?? [])) {
      const list = byKey.get(k) ?? [];
      if (list.length > commonKey) continue;
      for (const j of list) {
        if (j > i && seen[j] !== i + 1) {
          seen[j] = i + 1;
          candidates.push(j);
        }
      }
    }
    for (const j of candidates.sort((x, y) => x - y)) {
      const s = pairScore(i, j);
      if (s >= o.link) links.push({ a: i, b: j, s });
    }
  });
  links.sort((x, y) => y.s - x.s || x.a - y.a || x.b - y.b);
  const groupOf = items.map((_, i) => i);
  const members = new Map<number, number[]>(items.map((_, i) => [i, [i]]));
  for (const { a, b } of links) {
    const ga = groupOf[a] as number;
    const gb = groupOf[b] as number;
    if (ga === gb) continue;
    const A = members.get(ga) as number[];
    const B = members.get(gb) as number[];
    if (overPerSource(items, A, B, o.perSource)) continue;
    let total = 0;
    const sa = A.slice(0, AVERAGE_LINK_SAMPLE);
    const sb = B.slice(0, AVERAGE_LINK_SAMPLE);
    for (const i of sa) for (const j of sb) total += pairScore(i, j);
    if (total / (sa.length * sb.length) < o.average) continue;
    const merged = mergeSorted(A, B);
    const keep = Math.min(ga, gb);
    members.set(keep, merged);
    members.delete(Math.max(ga, gb));
    for (const i of merged) groupOf[i] = keep;
  }
  return [...members.keys()].sort((x, y) => x - y).map((k) => (members.get(k) as number[]).map((i) => items[i] as T));
}

/** Whether groups A and B together would give some source more than `limit` members. */
function overPerSource(items: readonly Groupable[], A: readonly number[], B: readonly number[], limit: number): boolean {
  // A group of n members cannot give any source more than n: most merges are decided without counting.
  if (A.length + B.length <= limit) return false;
  const perSource = new Map<number, number>();
  for (const list of [A, B]) {
    for (const i of list) {
      const s = (items[i] as Groupable).source;
      const n = (perSource.get(s) ?? 0) + 1;
      if (n > limit) return true;
      perSource.set(s, n);
    }
  }
  return false;
}

/** Two ascending index lists as one ascending list (both are kept sorted; no sort needed). */
function mergeSorted(A: readonly number[], B: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < A.length && j < B.length) out.push((A[i] as number) <= (B[j] as number) ? (A[i++] as number) : (B[j++] as number));
  while (i < A.length) out.push(A[i++] as number);
  while (j < B.length) out.push(B[j++] as number);
  return out;
}
