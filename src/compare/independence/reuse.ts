import type { Reuse, ReusePassage } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { evidence } from '../../model/span.js';
import type { SourceText, Token } from './text.js';
import { byId } from './text.js';
import { alignSentences, sentenceIndex, sentenceInfos, type SentenceIndex, type SentenceInfo } from './paraphrase.js';

export { PARAPHRASE_MIN_CONTENT_WORDS, PARAPHRASE_SENTENCE_SIMILARITY } from './paraphrase.js';

/**
 * Pairwise text reuse between sources.
 *
 * 1. Every source's words (outside boilerplate) are cut into overlapping word n-grams (shingles); an
 *    inverted index from shingle to positions finds every pair of sources sharing one. This is exact, so
 *    it needs no MinHash sketch and no random seed: scores are deterministic and symmetric.
 * 2. For each such pair, shared shingles are chained into aligned passages; a short gap (an inserted,
 *    dropped or replaced word) does not break a passage, which is what tells a light rewrite from
 *    two texts that merely share phrases.
 * 3. Words inside quotation marks are counted apart: two outlets quoting the same speaker share the
 *    quote, not each other's prose (`quoteShare`).
 * 4. Pairs whose prose shares few n-grams are checked for machine paraphrase: sentences in the same
 *    order with most content words in common.
 */

/** Words per shingle. Four is long enough that independent reports rarely share one by chance outside
 *  quotations and set phrases, short enough that a light rewrite keeps many between its edits. */
export const SHINGLE_WORDS = 4;
/** Unmatched words allowed between two matched runs of one passage (a substituted or inserted phrase). */
export const MAX_GAP_WORDS = 4;
/** Matched words a passage needs to be reported: below that it is a set phrase, not reuse. */
export const MIN_PASSAGE_WORDS = 7;
/** Passage word identity at or above which a pair is a copy rather than a light rewrite: a copy may
 *  differ by a typo or a spelling; the example story's light rewrite (a dozen words changed) is at 0.97. */
export const COPY_IDENTITY = 0.99;
/**
 * Score from which a pair's prose counts as reused: above it, the two sources are one source for
 * independence. Chosen on the example story (a light rewrite scores about 0.6-0.9) and BASIL, where
 * independent outlets reporting the same event score below 0.1 (see `npm run eval -- independence`).
 */
export const REUSE_LINK_THRESHOLD = 0.3;
/**
 * Share of both sources' words in aligned, similar sentences from which a pair is a paraphrase. Higher
 * than the n-gram threshold: independent reports of one event state the same facts in the same order
 * for a third of their sentences (the example story's own-reporting outlets align at about 0.3), while a
 * machine paraphrase keeps nearly every sentence.
 */
export const PARAPHRASE_LINK_THRESHOLD = 0.5;
/** Fewest matched prose words for a link, so a two-sentence brief cannot join a group by one sentence. */
export const MIN_LINK_WORDS = 30;
/**
 * Shared content words (outside quotation marks, not capitalised, not function words) from which one
 * passage is copied text. Names are left out of the count: two reports of one event share a minister's
 * title and name without copying. On the example story, an outlet's passage on a document another outlet
 * first obtained shares about a dozen such words with the original; passages of names around a set
 * phrase or a short factual clause share three to eight.
 */
export const MIN_COPIED_PASSAGE_WORDS = 9;
/** ...unless nearly all of the shorter text's prose is in the other: a short text copied whole. */
export const NEAR_TOTAL_COVERAGE = 0.8;

export type ReuseKind = NonNullable<Reuse['kind']>;

export interface ReuseResult extends Reuse {
  /** Absent when the pair shares only a few prose phrases, below the link threshold. */
  kind?: ReuseKind;
  derivedFrom: string | null;
  quoteShare: number;
  /** True when the pair counts as one source for independence. */
  linked: boolean;
  /** Share of the words inside aligned passages that match exactly (1 for a verbatim copy). */
  identity: number;
  /** Passages of shared prose long enough to be copied text (not names or set phrases), for claims. */
  copiedProse: ReusePassage[];
}

interface Passage {
  a: Span; // token index range in a, end exclusive
  b: Span; // token index range in b
  matched: number;
  matchedQuoted: number;
  matchedChars: number;
  matchedQuotedChars: number;
  /** Matched content words outside quotations that are not capitalised: the prose around the names. */
  matchedPlain: number;
  /** Token indices in a and b that are matched. */
  ia: number[];
  ib: number[];
}

export interface ReuseOptions {
  /** Publication dates by source id (ISO 8601), for `derivedFrom`. */
  published?: Map<string, string | null>;
  /** Function words, left out of paraphrase comparison. */
  stopWords?: Set<string>;
}

/** FNV-1a over the words of one shingle: a 32-bit key. Equality is re-checked on the words. */
function shingleKey(tokens: Token[], i: number): number {
  let h = 0x811c9dc5;
  for (let k = i; k < i + SHINGLE_WORDS; k++) {
    const w = tokens[k]?.norm ?? '';
    for (let c = 0; c < w.length; c++) {
      h ^= w.charCodeAt(c);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x20;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Every pair of sources (by index, a < b) with the positions of their shared shingles, flat: i, j, i, j... */
function sharedShingles(sources: SourceText[]): Map<number, number[]> {
  const index = new Map<number, number[]>(); // key -> flat [source, position, source, position, ...]
  for (let s = 0; s < sources.length; s++) {
    const toks = sources[s]?.tokens ?? [];
    for (let i = 0; i + SHINGLE_WORDS <= toks.length; i++) {
      const key = shingleKey(toks, i);
      const list = index.get(key);
      if (list) list.push(s, i);
      else index.set(key, [s, i]);
    }
  }
  const pairs = new Map<number, number[]>();
  const n = sources.length;
  for (const list of index.values()) {
    if (list.length < 4) continue;
    for (let x = 0; x < list.length; x += 2) {
      for (let y = x + 2; y < list.length; y += 2) {
        const sa = list[x] ?? 0;
        const sb = list[y] ?? 0;
        if (sa === sb) continue;
        const swap = sa > sb;
        const pk = swap ? sb * n + sa : sa * n + sb;
        let seeds = pairs.get(pk);
        if (!seeds) pairs.set(pk, (seeds = []));
        if (swap) seeds.push(list[y + 1] ?? 0, list[x + 1] ?? 0);
        else seeds.push(list[x + 1] ?? 0, list[y + 1] ?? 0);
      }
    }
  }
  return pairs;
}

/**
 * Chains shared shingles into passages: from each uncovered seed, extend the exact run, then look for
 * the next seed a few words further on both sides and continue from there.
 */
function alignPassages(a: Token[], b: Token[], flat: number[]): Passage[] {
  const exact: { i: number; j: number }[] = [];
  for (let s = 0; s < flat.length; s += 2) {
    const i = flat[s] ?? 0;
    const j = flat[s + 1] ?? 0;
    let same = true;
    for (let k = 0; k < SHINGLE_WORDS && same; k++) same = a[i + k]?.norm === b[j + k]?.norm;
    if (same) exact.push({ i, j });
  }
  exact.sort((x, y) => x.i - y.i || x.j - y.j);
  const byI = new Map<number, number[]>();
  for (const { i, j } of exact) {
    let l = byI.get(i);
    if (!l) byI.set(i, (l = []));
    l.push(j);
  }
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  const passages: Passage[] = [];
  for (const seed of exact) {
    if (usedA[seed.i] || usedB[seed.j]) continue;
    const p: Passage = { a: { start: seed.i, end: seed.i }, b: { start: seed.j, end: seed.j }, matched: 0, matchedQuoted: 0, matchedChars: 0, matchedQuotedChars: 0, matchedPlain: 0, ia: [], ib: [] };
    let i = seed.i;
    let j = seed.j;
    for (;;) {
      // exact run
      while (i < a.length && j < b.length && !usedA[i] && !usedB[j] && a[i]?.norm === b[j]?.norm) {
        usedA[i] = 1;
        usedB[j] = 1;
        p.ia.push(i);
        p.ib.push(j);
        i++;
        j++;
      }
      p.a.end = i;
      p.b.end = j;
      // bridge a short gap to the nearest next seed
      let next: { i: number; j: number } | null = null;
      for (let di = 0; di <= MAX_GAP_WORDS && !next; di++) {
        const cands = byI.get(i + di);
        if (!cands) continue;
        let best = -1;
        for (const cj of cands) {
          if (cj >= j && cj <= j + MAX_GAP_WORDS && !usedB[cj] && !usedA[i + di] && (best < 0 || cj < best)) best = cj;
        }
        if (best >= 0) next = { i: i + di, j: best };
      }
      if (!next) break;
      i = next.i;
      j = next.j;
    }
    if (p.ia.length === 0) continue;
    passages.push(p);
  }
  return passages;
}

/** A matched word counts as quoted when either source puts it inside quotation marks: one outlet may set
 *  a statement as a block paragraph that another marks as a quote, and neither wrote it. */
function measure(p: Passage, a: Token[], b: Token[], textA: string, stop: Set<string>): void {
  p.matched = p.ia.length;
  for (let k = 0; k < p.ia.length; k++) {
    const t = a[p.ia[k] ?? -1];
    if (!t) continue;
    const chars = t.end - t.start;
    p.matchedChars += chars;
    const quoted = t.quoted || b[p.ib[k] ?? -1]?.quoted;
    if (!quoted && !stop.has(t.norm) && !/^\p{Lu}/u.test(textA[t.start] ?? '')) p.matchedPlain++;
    if (quoted) {
      p.matchedQuoted++;
      p.matchedQuotedChars += chars;
    }
  }
}

function toEvidence(src: SourceText, range: Span): { start: number; end: number } {
  const first = src.tokens[range.start];
  const last = src.tokens[range.end - 1];
  return { start: first?.start ?? 0, end: last?.end ?? 0 };
}

/** Which of two sources is the earlier, when both dates are known and differ. */
export function earlierOf(a: string, b: string, published: Map<string, string | null>): string | null {
  const da = published.get(a);
  const db = published.get(b);
  if (!da || !db) return null;
  const ta = Date.parse(da);
  const tb = Date.parse(db);
  if (Number.isNaN(ta) || Number.isNaN(tb) || ta === tb) return null;
  return ta < tb ? a : b;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Reuse between every pair of sources that share anything worth reporting; pairs sorted by (a, b). */
export function computeReuse(input: SourceText[], options: ReuseOptions = {}): ReuseResult[] {
  // Work in id order, so the first of each pair is `a` and the result does not depend on input order.
  const sources = [...input].sort((x, y) => byId(x.id, y.id));
  const stop = options.stopWords ?? new Set<string>();
  const published = options.published ?? new Map<string, string | null>();
  const n = sources.length;
  const seedsByPair = sharedShingles(sources);
  const out: ReuseResult[] = [];
  const proseCounts = sources.map((src) => src.tokens.reduce((k, t) => k + (t.quoted ? 0 : 1), 0));
  const proseCount = (k: number): number => proseCounts[k] ?? 0;
  const sentenceCache = new Map<number, SentenceIndex>();
  const sentencesOf = (k: number): SentenceIndex => {
    let s = sentenceCache.get(k);
    if (!s) sentenceCache.set(k, (s = sentenceIndex(sentenceInfos(sources[k] as SourceText, stop))));
    return s;
  };
  for (const [pk, seeds] of [...seedsByPair.entries()].sort((x, y) => x[0] - y[0])) {
    const ia = Math.floor(pk / n);
    const ib = pk % n;
    const A = sources[ia];
    const B = sources[ib];
    if (!A || !B) continue;
    const passages = alignPassages(A.tokens, B.tokens, seeds).filter((p) => p.ia.length >= MIN_PASSAGE_WORDS);
    for (const p of passages) measure(p, A.tokens, B.tokens, A.text, stop);
    const proseA = proseCount(ia);
    const proseB = proseCount(ib);
    const matchedProse = passages.reduce((s, p) => s + p.matched - p.matchedQuoted, 0);
    const ngramScore = Math.min(1, matchedProse / Math.max(1, Math.min(proseA, proseB)));
    const spanWords = passages.reduce((s, p) => s + (p.a.end - p.a.start + p.b.end - p.b.start) / 2, 0);
    const identity = spanWords ? passages.reduce((s, p) => s + p.matched, 0) / spanWords : 0;
    const chars = passages.reduce((s, p) => s + p.matchedChars, 0);
    const quotedChars = passages.reduce((s, p) => s + p.matchedQuotedChars, 0);

    // paraphrase: only worth looking for when n-gram reuse alone does not already link the pair
    let paraphraseScore = 0;
    let paraphrased: [SentenceInfo, SentenceInfo][] = [];
    if (ngramScore < REUSE_LINK_THRESHOLD) {
      paraphrased = alignSentences(sentencesOf(ia).sentences, sentencesOf(ib));
      const wa = paraphrased.reduce((s, [x]) => s + x.tokens, 0);
      const wb = paraphrased.reduce((s, [, y]) => s + y.tokens, 0);
      paraphraseScore = Math.min(1, Math.min(wa / Math.max(1, A.tokens.length), wb / Math.max(1, B.tokens.length)));
    }

    let kind: ReuseKind | undefined;
    let score: number;
    if (ngramScore >= REUSE_LINK_THRESHOLD && (matchedProse >= MIN_LINK_WORDS || ngramScore >= NEAR_TOTAL_COVERAGE)) {
      kind = identity >= COPY_IDENTITY ? 'copy' : 'light-rewrite';
      score = ngramScore;
    } else if (paraphraseScore >= PARAPHRASE_LINK_THRESHOLD) {
      kind = 'paraphrase';
      score = paraphraseScore;
    } else {
      // Below the link threshold a pair is reported by what it shares: mostly quotations, or (kind left
      // out) a few phrases, which independent reports of one event often have in common.
      score = ngramScore;
      kind = quotedChars * 2 >= chars ? 'shared-quotes' : undefined;
    }
    const linked = kind === 'copy' || kind === 'light-rewrite' || kind === 'paraphrase';

    const reportPassages: ReusePassage[] = passages
      .sort((x, y) => x.a.start - y.a.start)
      .map((p) => ({ a: evidence(A.id, A.text, toEvidence(A, p.a)), b: evidence(B.id, B.text, toEvidence(B, p.b)) }));
    if (kind === 'paraphrase') {
      for (const [x, y] of paraphrased) {
        const overlapsNgram = reportPassages.some((rp) => rp.a.start < x.span.end && x.span.start < rp.a.end);
        if (!overlapsNgram) reportPassages.push({ a: evidence(A.id, A.text, x.span), b: evidence(B.id, B.text, y.span) });
      }
      reportPassages.sort((x, y) => x.a.start - y.a.start);
    }
    if (reportPassages.length === 0) continue;
    // long stretches of shared prose: evidence that the two copied each other there, even when the pair
    // as a whole shares too little to be one source (two outlets running the same wire paragraphs)
    const copiedProse = passages
      .filter((p) => p.matchedPlain >= MIN_COPIED_PASSAGE_WORDS && p.matchedQuotedChars * 2 < p.matchedChars)
      .map((p) => ({ a: evidence(A.id, A.text, toEvidence(A, p.a)), b: evidence(B.id, B.text, toEvidence(B, p.b)) }));
    out.push({
      a: A.id,
      b: B.id,
      score: round(score),
      passages: reportPassages,
      ...(kind ? { kind } : {}),
      derivedFrom: linked ? earlierOf(A.id, B.id, published) : null,
      quoteShare: round(chars ? quotedChars / chars : 0),
      linked,
      identity: round(identity),
      copiedProse,
    });
  }
  return out; // pairs in (a, b) id order, a < b
}
