import type { Claim } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { groupItems } from '../group.js';
import { LexicalMatcher, type Matcher } from '../matcher.js';
import type { QuoteStage } from '../quotes/index.js';
import { quotedShare, type SourceDoc } from '../source-doc.js';
import { contentKey, words, type Word } from '../text/tokens.js';
import { clausesOf } from './clauses.js';

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
    let span: Span = s;
    // A sentence that is mostly a quotation is the quote stage's; what the outlet says around it
    // ("the 79-year-old can be heard saying") is still a claim when it is long enough.
    if (quotedShare(doc, s) > MAX_QUOTED_SHARE || s.end - s.start > MAX_EVIDENCE_CHARS) {
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
 * Claims, in two layers. Sentences are grouped across sources by weighted content overlap; a group
 * with two or more sources is corroborated. A sentence often carries several facts, so clauses are
 * grouped too: a clause shared across sources that no sentence group already covers is a
 * corroborated claim of its own, and a clause of a matched sentence that nothing else says is a
 * single-source claim. A sentence no other source matches, whole or in part, is single-source.
 * Conflicts later mark as contested the claims whose sources take different sides.
 */
export function compareClaims(docs: SourceDoc[], _quotes: QuoteStage): ClaimStage {
  const units = docs.flatMap(claimUnits);
  const matcher = new LexicalMatcher(units, false);
  const sentenceGroups = groupItems(units, {
    score: (a, b) => (a.source === b.source ? 0 : matcher.similarity(a, b)),
    link: CLAIM_LINK_THRESHOLD,
    average: CLAIM_LINK_THRESHOLD * 0.8,
    perSource: MAX_EVIDENCE_PER_SOURCE,
  });
  const clausesBySentence = new Map<ClaimUnit, ClaimUnit[]>(units.map((u) => [u, clausesOf(docs[u.source] as SourceDoc, u)]));
  const clauses = [...clausesBySentence.values()].flat();
  const parentOf = new Map<ClaimUnit, ClaimUnit>();
  for (const [s, cs] of clausesBySentence) for (const c of cs) parentOf.set(c, s);
  const clauseMatcher = new LexicalMatcher(clauses, false);
  const clauseGroups = groupItems(clauses, {
    score: (a, b) => (a.source === b.source ? 0 : clauseMatcher.similarity(a, b)),
    link: CLAUSE_LINK_THRESHOLD,
    average: CLAUSE_LINK_THRESHOLD * 0.8,
    perSource: 1,
  }).filter((g) => new Set(g.map((c) => c.source)).size >= 2);

  const groupOfSentence = new Map<ClaimUnit, ClaimUnit[]>();
  for (const g of sentenceGroups) for (const u of g) groupOfSentence.set(u, g);
  const multi = (g: ClaimUnit[]): boolean => new Set(g.map((u) => u.source)).size >= 2;
  const sharedClause = new Set(clauseGroups.flat());

  const out: ClaimGroup[] = [];
  for (const g of sentenceGroups.filter(multi)) out.push({ units: g, claim: toClaim(g, docs, matcher) });
  for (const g of clauseGroups) {
    // Already said by one sentence group: every clause's sentence is in the same group.
    const parents = g.map((c) => groupOfSentence.get(parentOf.get(c) as ClaimUnit));
    if (parents.every((p) => p && p === parents[0] && multi(p))) continue;
    out.push({ units: g, claim: toClaim(g, docs, clauseMatcher) });
  }
  for (const g of sharedPairs(clauses, clauseMatcher, out)) {
    out.push({ units: g, claim: toClaim(g, docs, clauseMatcher) });
    for (const c of g) sharedClause.add(c);
  }
  for (const u of units) {
    const g = groupOfSentence.get(u) as ClaimUnit[];
    const cs = clausesBySentence.get(u) ?? [];
    const anyShared = cs.some((c) => sharedClause.has(c));
    if (!multi(g) && !anyShared) {
      out.push({ units: [u], claim: toClaim([u], docs, matcher) });
      continue;
    }
    // The rest of a matched sentence: clauses no other source says.
    const others = multi(g) ? g.filter((x) => x.source !== u.source) : [];
    const said = new Set(others.flatMap((x) => x.keys));
    for (const c of cs) {
      if (sharedClause.has(c) || cs.length < 2) continue;
      const weight = c.keys.reduce((n, k) => n + clauseMatcher.weight(k), 0);
      const known = c.keys.filter((k) => said.has(k)).reduce((n, k) => n + clauseMatcher.weight(k), 0);
      if (known <= UNSAID_SHARE * weight) out.push({ units: [c], claim: toClaim([c], docs, clauseMatcher) });
    }
  }
  return { units, groups: out, matcher };
}

/** A pair of distinctive words must co-occur in clauses of at least this many sources... */
const PAIR_MIN_SOURCES = 3;
/** ...each word at least this distinctive (inverse document frequency over the story's clauses)... */
const PAIR_MIN_WEIGHT = 2.5;
/** ...and a story yields at most this many such claims, the most widely shared first. */
const PAIR_MAX_CLAIMS = 8;

/**
 * Facts worded too differently for clause similarity ("a 2024 campaign fundraiser", "a fundraising
 * event in 2024") still share their distinctive words. A pair of distinctive content words found
 * together in one clause in several sources is a corroborated claim, unless an existing claim
 * already has evidence in all those sources for those clauses.
 */
function sharedPairs(clauses: ClaimUnit[], m: LexicalMatcher, existing: ClaimGroup[]): ClaimUnit[][] {
  const byPair = new Map<string, ClaimUnit[]>();
  for (const c of clauses) {
    const keys = c.keys.filter((k) => m.weight(k) >= PAIR_MIN_WEIGHT && !k.startsWith('#')).sort();
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++) {
        const pair = `${keys[i]} ${keys[j]}`;
        const list = byPair.get(pair);
        if (list) list.push(c);
        else byPair.set(pair, [c]);
      }
  }
  const covered = (g: ClaimUnit[]): boolean =>
    existing.some((e) => g.every((c) => e.units.some((u) => u.source === c.source && u.start <= c.start && c.end <= u.end) || e.units.some((u) => u === c)));
  const candidates = [...byPair.entries()]
    .map(([pair, list]) => {
      const firstPerSource = new Map<number, ClaimUnit>();
      for (const c of list) if (!firstPerSource.has(c.source)) firstPerSource.set(c.source, c);
      return { pair, group: [...firstPerSource.values()] };
    })
    .filter((x) => x.group.length >= PAIR_MIN_SOURCES)
    .sort((a, b) => b.group.length - a.group.length || a.pair.localeCompare(b.pair));
  const out: ClaimUnit[][] = [];
  const seen = new Set<string>();
  for (const { group } of candidates) {
    const sig = group.map((c) => `${c.source}:${c.start}`).join(',');
    if (seen.has(sig) || covered(group)) continue;
    seen.add(sig);
    out.push(group);
    if (out.length >= PAIR_MAX_CLAIMS) break;
  }
  return out;
}

/** Clauses at least this similar state the same fact (clauses are short: a higher bar than sentences). */
const CLAUSE_LINK_THRESHOLD = 0.4;
/** A clause of a matched sentence is its own single-source claim when at most this share of its content appears in the matching sentences. */
const UNSAID_SHARE = 0.25;

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
