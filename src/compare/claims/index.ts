import type { Claim } from '../../model/dossier.js';
import { groupItems } from '../group.js';
import { LexicalMatcher, type Matcher } from '../matcher.js';
import type { QuoteStage } from '../quotes/index.js';
import type { SourceDoc } from '../source-doc.js';
import { clausesOf } from './clauses.js';
import { figureSources, hasOwnFigure, sameCount } from './figures.js';
import { holdsSingle, isHollow, mergeDuplicateGroups, saidBroadly, spanOfSingle } from './dedupe.js';
import { claimText, inOwnVoice } from './fragments.js';
import { ownDetail } from './own-detail.js';
import { claimUnits, headlineUnits, isStatement, MIN_SINGLE_CLAUSE_WORDS, statementOf, type ClaimUnit } from './units.js';

export { claimUnits, type ClaimUnit } from './units.js';

export interface ClaimGroup {
  units: ClaimUnit[];
  claim: Claim;
}

export interface ClaimStage {
  units: ClaimUnit[];
  groups: ClaimGroup[];
  matcher: Matcher;
}

/**
 * Sentences at least this similar may report the same event (weighted overlap: one shared rare
 * name, number or event word is enough). Groups are average-linked, so a chain of weak links does
 * not pull unrelated sentences together. Measured on ECB+ DEV alignment (scripts/eval/alignment.ts):
 * 0.06-0.15 all give F1 0.66-0.68; the old 0.3 gave 0.44 (with headlines).
 */
export const CLAIM_LINK_THRESHOLD = 0.1;
/** Average similarity a merged group must keep. */
const CLAIM_AVERAGE_LINK = 0.05;
/** Sentences at least this similar state the same fact, not only the same event (0.2-0.7 tried on the dev stories' single-source F1: 0.4 best). */
const FACT_SIMILARITY = 0.4;
/** Sentences of this many sources linked into one group report one event, even by weak links each. */
const EVENT_MIN_SOURCES = 3;
/** A claim has at most this many pieces of evidence in one source (headline, lead, a later sentence). */
const MAX_EVIDENCE_PER_SOURCE = 3;

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
  // Headlines state the story's main facts in other words than the body: they join groups as
  // evidence, but a headline alone is not a claim (it is not a full statement).
  const heads = docs.flatMap(headlineUnits);
  const matcher = new LexicalMatcher([...units, ...heads], false);
  const closeTo = (u: ClaimUnit, g: ClaimUnit[]): boolean => g.some((x) => x.source !== u.source && matcher.similarity(u, x) >= FACT_SIMILARITY);
  const sentenceGroups = groupItems([...units, ...heads], {
    score: (a, b) => (a.source === b.source ? 0 : matcher.similarity(a, b)),
    dice: matcher,
    link: CLAIM_LINK_THRESHOLD,
    average: CLAIM_AVERAGE_LINK,
    perSource: MAX_EVIDENCE_PER_SOURCE,
  }).flatMap((g) => (hasFactCore(g, closeTo) ? [g] : g.map((u) => [u])));
  const clausesBySentence = new Map<ClaimUnit, ClaimUnit[]>(units.map((u) => [u, clausesOf(docs[u.source] as SourceDoc, u)]));
  const clauses = [...clausesBySentence.values()].flat();
  const parentOf = new Map<ClaimUnit, ClaimUnit>();
  for (const [s, cs] of clausesBySentence) for (const c of cs) parentOf.set(c, s);
  const clauseMatcher = new LexicalMatcher(clauses, false);
  const clauseGroups = groupItems(clauses, {
    score: (a, b) => (a.source === b.source ? 0 : clauseMatcher.similarity(a, b)),
    dice: clauseMatcher,
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
  const figures = figureSources(docs);
  const saidBy = saidByOthers([...units, ...heads]);
  for (const u of units) {
    const g = groupOfSentence.get(u) as ClaimUnit[];
    const unit = { unit: u, clauses: clausesBySentence.get(u) ?? [], group: multi(g) ? g : [] };
    const context = { figures, sources: docs.length, doc: docs[u.source] as SourceDoc, sharedClause, matcher, clauseMatcher, closeTo, saidBy };
    for (const x of singleSourceClaims(unit, context)) {
      const claim = toClaim([x], docs, clauseMatcher);
      out.push({ units: [x], claim: { ...claim, text: claimText(context.doc, x, u) } });
    }
  }
  const shared = mergeDuplicateGroups(out.filter((g) => multi(g.units)).map((g) => g.units), MAX_EVIDENCE_PER_SOURCE, (g) => centralUnit(g, matcher), (a, b) => a.source !== b.source && matcher.similarity(a, b) >= FACT_SIMILARITY);
  const singles = dropSaidElsewhere(dropRestated(out.filter((g) => !multi(g.units)), shared, closeTo), [...units, ...heads], (k) => clauseMatcher.weight(k));
  const single = spanOfSingle(singles);
  const holds = holdsSingle(singles);
  const sharedClaims = shared.filter((g) => !isHollow(g, single, closeTo)).map((g) => ({ units: g, claim: toClaim(g, docs, matcher, (u) => closeTo(u, g), (u) => !holds(u)) }));
  const groups = [...sharedClaims, ...singles];
  return { units, groups, matcher };
}

/** A single-source claim and a shared claim's sentence this close to one span are one statement. */
const SAME_SPAN_SHARE = 0.8;

/**
 * One fact is one claim: a single-source claim whose span is (nearly) a piece of a shared claim's
 * evidence that another source's evidence states too (`stated`) says what that claim says, and is
 * dropped. Evidence that meets the others only on the event leaves its sentence's fact its own
 * (dropping those too, or the sentence such a claim reads as, cost single-source recall on the dev
 * stories' mean).
 */
function dropRestated(singles: ClaimGroup[], shared: ClaimUnit[][], stated: (u: ClaimUnit, g: ClaimUnit[]) => boolean): ClaimGroup[] {
  const facts = shared.flatMap((g) => g.filter((u) => stated(u, g)));
  const same = (a: ClaimUnit, b: ClaimUnit): boolean =>
    a.source === b.source && Math.min(a.end, b.end) - Math.max(a.start, b.start) >= SAME_SPAN_SHARE * Math.max(a.end - a.start, b.end - b.start);
  return singles.filter((g) => !g.units.some((u) => facts.some((c) => same(u, c))));
}

/**
 * A single-source claim needs something of its own: one whose content (each word weighted by how
 * rare it is in the story) the other sources' sentences nearly all say, at most this share unsaid,
 * restates their facts in other order and is no single-source claim. Measured on the ECB+ dev
 * stories' mean composite: 0.2 best (0 0.865, 0.2 0.866, 0.35 0.864, 0.5 0.845: higher thresholds
 * drop true single-source claims that add one rare detail to known facts).
 */
const SAID_ELSEWHERE_UNSAID = 0.2;

/** Whether a content key is used by a source other than `source` in any of these passages. */
function saidByOthers(all: readonly { source: number; keys: readonly string[] }[]): (key: string, source: number) => boolean {
  const sourcesOf = new Map<string, Set<number>>();
  for (const u of all) for (const k of u.keys) sourcesOf.set(k, (sourcesOf.get(k) ?? new Set<number>()).add(u.source));
  return (k, source) => {
    const by = sourcesOf.get(k);
    return by !== undefined && (by.size > 1 || !by.has(source));
  };
}

/** Drops the single-source claims whose content the other sources say (SAID_ELSEWHERE_UNSAID). */
export function dropSaidElsewhere<G extends { units: ClaimUnit[] }>(singles: G[], all: readonly { source: number; keys: readonly string[] }[], weight: (k: string) => number): G[] {
  const said = saidByOthers(all);
  return singles.filter((g) => {
    const u = g.units[0];
    if (!u) return true;
    const total = u.keys.reduce((n, k) => n + weight(k), 0);
    const unsaid = u.keys.filter((k) => !said(k, u.source)).reduce((n, k) => n + weight(k), 0);
    return unsaid > SAID_ELSEWHERE_UNSAID * total;
  });
}

interface SingleContext {
  /** The sources giving each figure (a sentence said broadly but giving a figure of its own stays). */
  figures: Map<string, Set<number>>;
  sources: number;
  doc: SourceDoc;
  sharedClause: Set<ClaimUnit>;
  matcher: LexicalMatcher;
  clauseMatcher: LexicalMatcher;
  closeTo: (u: ClaimUnit, g: ClaimUnit[]) => boolean;
  /** Whether a source other than `source` uses a content key anywhere in the story. */
  saidBy: (k: string, source: number) => boolean;
}

/**
 * What one sentence says that no other source does: the whole sentence when it met no other
 * source's sentence on its fact (groups are events: meeting one only on the event leaves the fact
 * its own) and no clause of it is shared; else its clauses that the sentences stating the same fact
 * elsewhere do not say. Quote introductions and phrases are no claims.
 */
function singleSourceClaims(s: { unit: ClaimUnit; clauses: ClaimUnit[]; group: ClaimUnit[] }, x: SingleContext): ClaimUnit[] {
  const { unit: u, clauses: cs, group: g } = s;
  const anyShared = cs.some((c) => x.sharedClause.has(c));
  if (!(g.length && x.closeTo(u, g)) && !anyShared) {
    const own = statementOf(x.doc, u, MIN_SINGLE_CLAUSE_WORDS);
    return own && inOwnVoice(x.doc, own) && !(saidBroadly(u, g, x.matcher, x.sources) && !hasOwnFigure(u, x.figures)) ? [own] : [];
  }
  // Said elsewhere: by the other sources' sentences that state this sentence's fact, not by every
  // sentence of its event.
  const said = new Set(g.filter((o) => o.source !== u.source && x.matcher.similarity(u, o) >= FACT_SIMILARITY).flatMap((o) => o.keys));
  const out: ClaimUnit[] = [];
  for (const c of cs) {
    if (x.sharedClause.has(c) || cs.length < 2 || !inOwnVoice(x.doc, c)) continue;
    const weight = c.keys.reduce((n, k) => n + x.clauseMatcher.weight(k), 0);
    const known = c.keys.filter((k) => said.has(k)).reduce((n, k) => n + x.clauseMatcher.weight(k), 0);
    if (known > UNSAID_SHARE * weight) continue;
    // A clause that is no statement of its own (a phrase, a quote introduction) stands for its sentence, once.
    const own = isStatement(x.doc, c) && c.words.length >= MIN_SINGLE_CLAUSE_WORDS ? c : isStatement(x.doc, u) && !out.includes(u) ? u : null;
    if (own) out.push(own);
  }
  // Nothing of its own in its clauses: a detail no other source gives anywhere may still be (own-detail.ts).
  const detail = out.length ? null : ownDetail(u, cs, { doc: x.doc, saidByOthers: x.saidBy, weight: (k) => x.clauseMatcher.weight(k) });
  return detail ? [detail] : out;
}

/**
 * A group is a claim when two sources' sentences in it state one fact (similarity at least
 * FACT_SIMILARITY); weaker links only gather more evidence around such a core. A group of weak links
 * alone ("Despite those comments, ..." / "Despite his constant kindness, ...") is no claim.
 */
function hasFactCore(g: ClaimUnit[], closeTo: (u: ClaimUnit, g: ClaimUnit[]) => boolean): boolean {
  if (new Set(g.map((u) => u.source)).size >= EVENT_MIN_SOURCES) return true;
  return new Set(g.filter((u) => closeTo(u, g)).map((u) => u.source)).size >= 2;
}

/** A pair of distinctive words must co-occur in clauses of at least this many sources... */
const PAIR_MIN_SOURCES = 3;
/** ...each word at least this distinctive (inverse document frequency over the story's clauses)... */
const PAIR_MIN_WEIGHT = 2.5;
/**
 * A distinctive figure counting the same thing ("1706 GMT", "a 110bn-euro bailout") is a fact's
 * anchor: two sources giving it corroborate each other (a word pair needs PAIR_MIN_SOURCES, since
 * two rare words meet by chance more often than one rare figure counting one thing).
 */
const FIGURE_MIN_SOURCES = 2;
/** ...and a story yields at most this many such claims, the most widely shared first. */
const PAIR_MAX_CLAIMS = 8;

/**
 * Facts worded too differently for clause similarity ("a 2024 campaign fundraiser", "a fundraising
 * event in 2024") still share their distinctive words. A pair of distinctive content words found
 * together in one clause in several sources is a corroborated claim, unless an existing claim
 * already has evidence in all those sources for those clauses.
 */
function sharedPairs(clauses: ClaimUnit[], m: LexicalMatcher, existing: ClaimGroup[]): ClaimUnit[][] {
  const covered = (g: ClaimUnit[]): boolean =>
    existing.some((e) => g.every((c) => e.units.some((u) => u.source === c.source && u.start <= c.start && c.end <= u.end) || e.units.some((u) => u === c)));
  const candidates = pairCandidates(clauses, m)
    .map(({ pair, list, order }) => {
      const firstPerSource = new Map<number, ClaimUnit>();
      for (const c of pair.includes(' ') ? list : sameCount(pair, list)) if (!firstPerSource.has(c.source)) firstPerSource.set(c.source, c);
      return { pair, group: [...firstPerSource.values()], order };
    })
    .filter((x) => x.group.length >= (x.pair.includes(' ') ? PAIR_MIN_SOURCES : FIGURE_MIN_SOURCES))
    // `order` (first seen) breaks the ties localeCompare leaves, as the insertion order of one map did.
    .sort((a, b) => b.group.length - a.group.length || a.pair.localeCompare(b.pair) || a.order - b.order);
  const out: ClaimUnit[][] = [];
  const seen = new Set<string>();
  // Figures have their own budget: widely shared word pairs would otherwise take every place.
  const taken = { pair: 0, figure: 0 };
  for (const { pair, group } of candidates) {
    const kind = pair.includes(' ') ? 'pair' : 'figure';
    const sig = group.map((c) => `${c.source}:${c.start}`).join(',');
    if (taken[kind] >= PAIR_MAX_CLAIMS || seen.has(sig) || covered(group)) continue;
    seen.add(sig);
    out.push(group);
    taken[kind]++;
  }
  return out;
}

/**
 * The clauses holding each distinctive figure and each pair of distinctive words ("word1 word2",
 * sorted), with the order each was first seen. A pair is numbered by its two keys' numbers while
 * counting: a big story's clauses hold millions of pairs, and a string built for each was most of
 * this pass's time (issue 15). Only pairs of clauses of at least PAIR_MIN_SOURCES sources are named;
 * the others cannot be candidates. Keys holding a space could make two pairs one name, so then the
 * names are built as before.
 */
function pairCandidates(clauses: ClaimUnit[], m: LexicalMatcher): { pair: string; list: ClaimUnit[]; order: number }[] {
  const keysOf = clauses.map((c) => c.keys.filter((k) => m.weight(k) >= PAIR_MIN_WEIGHT && !k.startsWith('#')).sort());
  const ids = new Map<string, number>();
  for (const keys of keysOf) for (const k of keys) if (!ids.has(k)) ids.set(k, ids.size);
  const spaced = [...ids.keys()].some((k) => k.includes(' '));
  const byName = new Map<string, { list: ClaimUnit[]; order: number }>();
  const byNumber = new Map<number, { list: ClaimUnit[]; order: number }>();
  let order = 0;
  const add = <K>(map: Map<K, { list: ClaimUnit[]; order: number }>, key: K, c: ClaimUnit): void => {
    const got = map.get(key);
    if (got) got.list.push(c);
    else map.set(key, { list: [c], order: order++ });
  };
  clauses.forEach((c, n) => {
    const keys = keysOf[n] as string[];
    // A distinctive figure ("59", "716") is a fact's anchor on its own: the words around it vary.
    for (const k of keys) if (/^\d/.test(k)) add(byName, k, c);
    const num = keys.map((k) => ids.get(k) as number);
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++) {
        if (spaced) add(byName, `${keys[i]} ${keys[j]}`, c);
        else add(byNumber, (num[i] as number) * ids.size + (num[j] as number), c);
      }
  });
  const names = [...ids.keys()];
  const out = [...byName].map(([pair, x]) => ({ pair, ...x }));
  for (const [key, x] of byNumber) {
    if (x.list.length < PAIR_MIN_SOURCES || new Set(x.list.map((c) => c.source)).size < PAIR_MIN_SOURCES) continue;
    out.push({ pair: `${names[Math.floor(key / ids.size)]} ${names[key % ids.size]}`, ...x });
  }
  return out;
}

/** Clauses at least this similar state the same fact (clauses are short: a higher bar than sentences). */
const CLAUSE_LINK_THRESHOLD = 0.4;
/** A clause of a matched sentence is its own single-source claim when at most this share of its content appears in the matching sentences. */
const UNSAID_SHARE = 0.25;

/**
 * The claim reads as its most central sentence (the most similar to the rest), among those whose
 * fact another source states (`stated`) when there are any: a sentence met only on the event would
 * name a fact the claim's other sources do not give.
 */
function centralUnit(g: ClaimUnit[], m: Matcher, stated?: (u: ClaimUnit) => boolean, shown: (u: ClaimUnit) => boolean = () => true): ClaimUnit {
  const candidates = g.filter(shown);
  const pool = stated ? candidates.filter(stated) : [];
  const among = pool.length ? pool : candidates.length ? candidates : g;
  let central = among[0] as ClaimUnit;
  let bestScore = -1;
  for (const u of among) {
    let s = 0;
    for (const v of g) if (v !== u) s += m.similarity(u, v);
    if (s > bestScore) {
      bestScore = s;
      central = u;
    }
  }
  return central;
}

function toClaim(g: ClaimUnit[], docs: SourceDoc[], m: Matcher, stated?: (u: ClaimUnit) => boolean, shown?: (u: ClaimUnit) => boolean): Claim {
  const sources = [...new Set(g.map((u) => u.source))].sort((a, b) => a - b);
  const central = centralUnit(g, m, stated, shown);
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
