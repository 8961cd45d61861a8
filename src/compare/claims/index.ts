import type { Claim } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { groupItems } from '../group.js';
import { LexicalMatcher, type Matcher } from '../matcher.js';
import type { QuoteStage } from '../quotes/index.js';
import { quotedShare, type SourceDoc } from '../source-doc.js';
import { contentKey, words, type Word } from '../text/tokens.js';

/** A fact-bearing sentence of one source. */
export interface ClaimUnit extends Span {
  source: number;
  words: Word[];
  keys: string[];
}

export interface ClaimGroup {
  units: ClaimUnit[];
  claim: Claim;
}

export interface ClaimStage {
  units: ClaimUnit[];
  groups: ClaimGroup[];
  matcher: Matcher;
}

/** Sentences mostly inside quotation marks are quotes, handled by the quote stage. */
const MAX_QUOTED_SHARE = 0.7;
/** Shorter sentences are captions, datelines or fragments. */
const MIN_CLAIM_WORDS = 6;
/** Evidence stays sentence-sized: a longer sentence is cut to its unquoted part. */
const MAX_EVIDENCE_CHARS = 320;
/** Sentences at least this similar state the same fact. */
export const CLAIM_LINK_THRESHOLD = 0.3;
/** A sentence may stand for a claim in one source at most this often. */
const MAX_EVIDENCE_PER_SOURCE = 2;

export function claimUnits(doc: SourceDoc): ClaimUnit[] {
  const out: ClaimUnit[] = [];
  for (const s of doc.sentences) {
    const body = doc.text.slice(s.start, s.end);
    if (/\?["”’']?$/.test(body)) continue;
    if (quotedShare(doc, s) > MAX_QUOTED_SHARE) continue;
    let span: Span = s;
    if (s.end - s.start > MAX_EVIDENCE_CHARS) {
      const cut = unquotedStretch(doc, s);
      if (!cut) continue;
      span = cut;
    }
    const ws = words(doc.text, span.start, span.end);
    if (ws.length < MIN_CLAIM_WORDS) continue;
    const keys = [...new Set(ws.map(contentKey).filter((k): k is string => k !== null))];
    if (keys.length < 3) continue;
    out.push({ source: doc.index, start: span.start, end: span.end, words: ws, keys });
  }
  return out;
}

/** The longest stretch of a sentence outside quotation marks, if it is sentence-sized. */
function unquotedStretch(doc: SourceDoc, s: Span): Span | null {
  let best: Span | null = null;
  let start = -1;
  for (let i = s.start; i <= s.end; i++) {
    const q = i === s.end || doc.quoted[i] === 1;
    if (!q && start < 0) start = i;
    if (q && start >= 0) {
      if (!best || i - start > best.end - best.start) best = { start, end: i };
      start = -1;
    }
  }
  if (!best) return null;
  let { start: a, end: b } = best;
  while (a < b && /[\s,;:—–-]/.test(doc.text[a] as string)) a++;
  while (b > a && /[\s,;:—–-]/.test(doc.text[b - 1] as string)) b--;
  return b - a >= 40 && b - a <= MAX_EVIDENCE_CHARS ? { start: a, end: b } : null;
}

/**
 * Claims: fact-bearing sentences grouped across sources by weighted content overlap. A group with
 * two or more sources is corroborated, one source alone is single-source; conflicts later mark
 * the groups they touch as contested.
 */
export function compareClaims(docs: SourceDoc[], _quotes: QuoteStage): ClaimStage {
  const units = docs.flatMap(claimUnits);
  const matcher = new LexicalMatcher(units, false);
  const groups = groupItems(units, {
    score: (a, b) => (a.source === b.source ? 0 : matcher.similarity(a, b)),
    link: CLAIM_LINK_THRESHOLD,
    average: CLAIM_LINK_THRESHOLD * 0.8,
    perSource: MAX_EVIDENCE_PER_SOURCE,
  });
  const out: ClaimGroup[] = groups.map((g) => ({ units: g, claim: toClaim(g, docs, matcher) }));
  return { units, groups: out, matcher };
}

function toClaim(g: ClaimUnit[], docs: SourceDoc[], m: Matcher): Claim {
  const sources = [...new Set(g.map((u) => u.source))].sort((a, b) => a - b);
  // The claim reads as its most central sentence.
  let central = g[0] as ClaimUnit;
  let bestScore = -1;
  for (const u of g) {
    let s = 0;
    for (const v of g) if (v !== u) s += m.similarity(u, v);
    if (s > bestScore) {
      bestScore = s;
      central = u;
    }
  }
  const doc = (u: ClaimUnit): SourceDoc => docs[u.source] as SourceDoc;
  return {
    id: '',
    text: doc(central).text.slice(central.start, central.end),
    status: sources.length >= 2 ? 'corroborated' : 'single-source',
    independentSources: sources.length,
    evidence: g.map((u) => ({ source: doc(u).id, start: u.start, end: u.end, text: doc(u).text.slice(u.start, u.end) })),
    sources: sources.map((i) => `s${i}`),
  };
}
