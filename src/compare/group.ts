import { PairScores } from './pair-scores.js';
import { postingLists } from './text/postings.js';

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
  /**
   * Set when `score` is at most a weighted Dice of the items' distinct keys with these weights (the
   * lexical matcher without fuzzy matching): candidate pairs that cannot reach `link` are then not
   * scored. The groups are the same either way.
   */
  dice?: { weight: (key: string) => number };
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
  const scores = new PairScores(items.length);
  // Candidates the dice bound left unscored: scored later in candidate order (lower item first), as
  // they always were, since a score may differ in its last bits with its arguments swapped.
  const deferred = new DeferredPairs(items.length);
  const pairScore = (i: number, j: number): number => {
    const lo = i < j ? i : j;
    const hi = i < j ? j : i;
    let s = scores.get(lo, hi);
    if (s === undefined) {
      // Deferred pairs are scored lower item first (no array built: this runs millions of times).
      const swap = i > j && deferred.has(j, i);
      const a = items[swap ? j : i] as T;
      const b = items[swap ? i : j] as T;
      s = o.skip?.(a, b) ? 0 : o.score(a, b);
      scores.set(lo, hi, s);
    }
    return s;
  };
  const links = strongestFirst(candidateLinks(items, o, pairScore, (i, j) => deferred.add(i, j)));
  return mergeLinks(items, links, o, pairScore).map((g) => g.map((i) => items[i] as T));
}

/**
 * Links by score, highest first, ties in item order (a, then b). The links come in item order, so
 * this is a stable sort on the score alone: done by bucketing the links by score and sorting the
 * distinct scores, since a big story has hundreds of thousands of links and few distinct scores
 * (copies and repeated sentences score alike), where a comparator sort spent seconds.
 */
function strongestFirst(links: Link[]): Link[] {
  const byScore = new Map<number, Link[]>();
  for (const l of links) {
    const bucket = byScore.get(l.s);
    if (bucket) bucket.push(l);
    else byScore.set(l.s, [l]);
  }
  const scores = Float64Array.from(byScore.keys()).sort().reverse();
  return [...scores].flatMap((s) => byScore.get(s) as Link[]);
}

/**
 * The deferred pairs (i < j), one ascending row of j per i: they are added in that order, and a big
 * story defers hundreds of thousands, which a Set of pair numbers held at a cost in memory and
 * collection.
 */
class DeferredPairs {
  private readonly rows: number[][];

  constructor(n: number) {
    this.rows = Array.from({ length: n }, () => []);
  }

  add(i: number, j: number): void {
    this.rows[i]?.push(j);
  }

  has(i: number, j: number): boolean {
    const row = this.rows[i] ?? [];
    let lo = 0;
    let hi = row.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((row[mid] as number) < j) lo = mid + 1;
      else hi = mid;
    }
    return row[lo] === j;
  }
}

interface Link {
  a: number;
  b: number;
  s: number;
}

/** Pairs sharing a key that is not too common, scoring at least `link`, in item order. */
function candidateLinks<T extends Groupable>(items: T[], o: GroupOptions<T>, pairScore: (i: number, j: number) => number, defer: (i: number, j: number) => void): Link[] {
  const links: Link[] = [];
  const byKey = postingLists(items, (u) => u.keys);
  const commonKey = Math.max(COMMON_KEY_MIN, items.length / 10);
  const bound = o.dice ? diceBound(items, o.dice, o.link) : undefined;
  // seen[j] === i + 1 marks j as already a candidate of i (cheaper than a Set per item)
  const seen = new Int32Array(items.length);
  const isCommon = (k: string): boolean => (byKey.get(k)?.length ?? 0) > commonKey;
  items.forEach((_, i) => {
    const candidates: number[] = [];
    const keys = [...new Set(items[i]?.keys ?? [])];
    for (const k of bound ? bound.start(i, keys, isCommon) : keys.filter((x) => !isCommon(x))) {
      const list = byKey.get(k) ?? [];
      // The key's weight looked up once, not once per item holding it.
      const w = bound ? o.dice?.weight(k) ?? 0 : 0;
      // Posting lists ascend: the items after i start where a binary search puts i.
      for (let x = firstAfter(list, i); x < list.length; x++) {
        const j = list[x] as number;
        bound?.shared(j, w);
        if (seen[j] !== i + 1) {
          seen[j] = i + 1;
          candidates.push(j);
        }
      }
    }
    for (const j of Int32Array.from(candidates).sort()) {
      if (bound && !bound.reachable(j)) {
        defer(i, j);
        continue;
      }
      const s = pairScore(i, j);
      if (s >= o.link) links.push({ a: i, b: j, s });
    }
  });
  return links;
}

/** The position of the first entry above `i` in an ascending list. */
function firstAfter(list: readonly number[], i: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Links taken strongest first: two groups merge when the average score between their first members
 * is still at least `average` and no source would exceed `perSource` members. Returns the groups'
 * member lists in order of their first member.
 */
function mergeLinks<T extends Groupable>(items: T[], links: readonly Link[], o: GroupOptions<T>, pairScore: (i: number, j: number) => number): number[][] {
  const groupOf = items.map((_, i) => i);
  const members = new Map<number, number[]>(items.map((_, i) => [i, [i]]));
  const samples = new SampleIds();
  const perSource = new SourceCounts(items);
  for (const { a, b } of links) {
    const ga = groupOf[a] as number;
    const gb = groupOf[b] as number;
    if (ga === gb) continue;
    const A = members.get(ga) as number[];
    const B = members.get(gb) as number[];
    if (samples.refused(A, B) || (A.length + B.length > o.perSource && perSource.over(ga, gb, o.perSource))) continue;
    let total = 0;
    const sa = A.slice(0, AVERAGE_LINK_SAMPLE);
    const sb = B.slice(0, AVERAGE_LINK_SAMPLE);
    for (const i of sa) for (const j of sb) total += pairScore(i, j);
    const average = total / (sa.length * sb.length);
    if (average < o.average) {
      // Refused in the other order too when clearly below: the same terms summed in another order
      // differ by far less than REFUSAL_MARGIN.
      samples.refuse(A, B, average < o.average * (1 - REFUSAL_MARGIN));
      continue;
    }
    const merged = mergeSorted(A, B);
    samples.merged(merged, A, B);
    const keep = Math.min(ga, gb);
    members.set(keep, merged);
    members.delete(Math.max(ga, gb));
    perSource.merge(keep, Math.max(ga, gb));
    for (const i of merged) groupOf[i] = keep;
  }
  return [...members.keys()].sort((x, y) => x - y).map((k) => members.get(k) as number[]);
}

/**
 * Relative margin under the average link below which a refusal also holds with the groups swapped:
 * the swapped sum adds the same at most AVERAGE_LINK_SAMPLE² scores in another order, which moves it
 * by a few hundred units in the last place at most (about 1e-13), far inside this.
 */
const REFUSAL_MARGIN = 1e-9;

/**
 * The average link of two groups reads only their first AVERAGE_LINK_SAMPLE members, so a merge
 * refused on it is refused again while both samples stay the same (a big group that gains members
 * after its first ones keeps its sample). Samples are numbered; a refusal is remembered per ordered
 * pair of sample numbers (ordered: the average is summed in A-then-B order; see REFUSAL_MARGIN).
 */
class SampleIds {
  private readonly ids = new Map<readonly number[], number>();
  private readonly refusals = new Map<number, Set<number>>();
  private next = 0;

  private idOf(list: readonly number[]): number {
    let id = this.ids.get(list);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(list, id);
    }
    return id;
  }

  refused(A: readonly number[], B: readonly number[]): boolean {
    return this.refusals.get(this.idOf(A))?.has(this.idOf(B)) ?? false;
  }

  refuse(A: readonly number[], B: readonly number[], bothWays: boolean): void {
    this.add(this.idOf(A), this.idOf(B));
    if (bothWays) this.add(this.idOf(B), this.idOf(A));
  }

  private add(a: number, b: number): void {
    const set = this.refusals.get(a) ?? new Set<number>();
    this.refusals.set(a, set.add(b));
  }

  /** A merged group keeps the sample number of a part whose full sample it starts with. */
  merged(merged: readonly number[], A: readonly number[], B: readonly number[]): void {
    for (const part of [A, B]) {
      if (part.length < AVERAGE_LINK_SAMPLE) continue;
      let same = true;
      for (let k = 0; k < AVERAGE_LINK_SAMPLE && same; k++) same = merged[k] === part[k];
      if (same) {
        this.ids.set(merged, this.idOf(part));
        return;
      }
    }
  }
}

/**
 * Relative margin on the weighted-Dice bound: the bound sums the same weights as the score in
 * another order, so the two can differ in the last bits; a pair is skipped only when its bound is
 * below the link threshold by more than this.
 */
const DICE_BOUND_MARGIN = 1e-9;

/**
 * For a score that is at most a weighted Dice of the keys (2 * weight shared / (weight of a + weight
 * of b), each distinct key counted once), an upper bound per candidate pair. A pair reaching the
 * link shares at least link * weight(a) / (2 - link) of a's weight (the shared weight is at most
 * b's), so the seed's posting lists are walked rarest key first only while the keys not yet walked
 * (and the too-common ones, never walked) could still make up that much: a pair sharing none of the
 * walked keys cannot reach the link. The bound of a candidate is the weight found shared on the
 * walk plus all the seed's unwalked and too-common keys, as if shared.
 */
function diceBound(items: readonly Groupable[], dice: { weight: (key: string) => number }, link: number) {
  const total = items.map((u) => [...new Set(u.keys)].reduce((n, k) => n + dice.weight(k), 0));
  const shared = new Float64Array(items.length);
  const stamp = new Int32Array(items.length);
  let seed = 0;
  let unwalked = 0;
  return {
    /** The keys of item i whose posting lists are walked, given its distinct keys. */
    start(i: number, keys: string[], isCommon: (k: string) => boolean): string[] {
      seed = i;
      unwalked = 0;
      const need = ((link * (total[i] as number)) / (2 - link)) * (1 - DICE_BOUND_MARGIN);
      // Each key's weight looked up once (the sort would look it up at every comparison); stable, as before.
      const walkable = keys
        .filter((k) => !isCommon(k))
        .map((k) => ({ k, w: dice.weight(k) }))
        .sort((a, b) => b.w - a.w);
      for (const k of keys) unwalked += dice.weight(k);
      const walked = new Set<string>();
      for (const { k, w } of walkable) {
        if (unwalked < need) break;
        walked.add(k);
        unwalked -= w;
      }
      // Subtraction can round below the true remainder: the remainder is summed again, upwards.
      unwalked = keys.filter((k) => !walked.has(k)).reduce((n, k) => n + dice.weight(k), 0);
      return [...walked];
    },
    /** Item j shares with the seed a walked key of weight w. */
    shared(j: number, w: number): void {
      if (stamp[j] !== seed + 1) {
        stamp[j] = seed + 1;
        shared[j] = 0;
      }
      shared[j] = (shared[j] as number) + w;
    },
    reachable(j: number): boolean {
      const most = (2 * ((shared[j] as number) + unwalked)) / ((total[seed] as number) + (total[j] as number));
      return most >= link * (1 - DICE_BOUND_MARGIN);
    },
  };
}

/**
 * Each group's members per source, kept as groups merge: overPerSource without recounting both
 * groups' members at every link (a big story's groups of copies are refused tens of thousands of
 * times). Groups are numbered as in mergeLinks (by a member's index).
 */
class SourceCounts {
  private readonly counts: Map<number, number>[];

  constructor(items: readonly Groupable[]) {
    this.counts = items.map((u) => new Map([[u.source, 1]]));
  }

  /** overPerSource for groups a and b, each within the limit: only a source both hold can exceed it. */
  over(a: number, b: number, limit: number): boolean {
    const [small, big] = this.pair(a, b);
    for (const [s, n] of small) if (n + (big.get(s) ?? 0) > limit) return true;
    return false;
  }

  /** Group `gone` joins group `keep`. */
  merge(keep: number, gone: number): void {
    const [small, big] = this.pair(keep, gone);
    for (const [s, n] of small) big.set(s, (big.get(s) ?? 0) + n);
    this.counts[keep] = big;
  }

  private pair(a: number, b: number): [Map<number, number>, Map<number, number>] {
    const x = this.counts[a] as Map<number, number>;
    const y = this.counts[b] as Map<number, number>;
    return x.size <= y.size ? [x, y] : [y, x];
  }
}

/** Whether groups A and B together would give some source more than `limit` members. */
export function overPerSource(items: readonly Groupable[], A: readonly number[], B: readonly number[], limit: number): boolean {
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
export function mergeSorted(A: readonly number[], B: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < A.length && j < B.length) out.push((A[i] as number) <= (B[j] as number) ? (A[i++] as number) : (B[j++] as number));
  while (i < A.length) out.push(A[i++] as number);
  while (j < B.length) out.push(B[j++] as number);
  return out;
}
