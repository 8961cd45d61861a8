import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { overlaps } from '../../model/span.js';
import { lexicons } from '../lexicon.js';
import { compareQuotes, type QuoteStage } from '../quotes/index.js';
import { speakerKey } from '../quotes/speaker.js';
import type { QuoteUnit } from '../quotes/units.js';
import type { SourceDoc } from '../source-doc.js';
import { contentKey, words } from '../text/tokens.js';
import { alternation, conflictFrom, newsOrgsIn, outletsIn, ownOutlet, touchesQuote, type Stance } from './common.js';

/** Words between "by"/"told" and the outlet's name ("told Russian state news agency Tass"). */
const MAX_WORDS_BEFORE_OUTLET = 5;
const NAME = String.raw`\p{Lu}[\p{L}’'.-]+(?:\s+\p{Lu}[\p{L}’'.-]+){0,3}`;

/**
 * Attribution conflicts, two questions:
 * - who published or obtained the story's recording/report: "published by X", "X aired",
 *   "recording by X", compared across sources on the same kind of item;
 * - which outlet a person spoke to: "P told X", "P said to X", "..., according to X" (P named
 *   in the sentence), compared for the same person and the same remarks (see `sameRemarks`).
 * `quotes` is the dossier's quote stage; computed here when the caller has none.
 * Only names from the outlets lexicon count as values, and never the source's own outlet.
 */
export function attributionConflicts(docs: SourceDoc[], quotes: QuoteStage = compareQuotes(docs)): Conflict[] {
  return [...publisherConflicts(docs), ...spokeToConflicts(docs, quotes)];
}

interface PublisherStance extends Stance {
  artifact: string;
}

function publisherConflicts(docs: SourceDoc[]): Conflict[] {
  const lex = lexicons();
  const verbs = alternation(lex.releaseVerbs);
  const artifacts = alternation(lex.artifacts);
  const gap = String.raw`(?:\s+[\p{L}’'.-]+){0,${MAX_WORDS_BEFORE_OUTLET}}?\s+`;
  // Each pattern must end where the outlet's name starts.
  const patterns = [String.raw`\b(?:${verbs})\s+by${gap}`, String.raw`\b(?:${artifacts})\s+by${gap}`].map((p) => new RegExp(`(?:${p})$`, 'iu'));
  const artifactRe = new RegExp(String.raw`\b(${artifacts})\b`, 'iu');
  const activeRe = new RegExp(String.raw`^\s+(?:has\s+|had\s+)?(${verbs})\b(?:\s+[\p{L}’'-]+){0,3}`, 'iu');
  const stances: PublisherStance[] = [];
  // Names the story itself gives outlets: the sources' own, and every full news name printed.
  const known = [...new Set(docs.flatMap((d) => [d.article.outlet ?? '', ...newsOrgsIn(d.text, { start: 0, end: d.text.length }, []).map((o) => o.canonical)]).filter(Boolean))];
  for (const doc of docs) {
    for (const s of doc.sentences) {
      const body = doc.text.slice(s.start, s.end);
      const artifact = artifactRe.exec(body)?.[1]?.toLowerCase();
      if (!artifact) continue;
      const key = lex.synonym.get(artifact) ?? artifact;
      // An outlet's own claim to have obtained something counts here: that is the dispute.
      for (const o of newsOrgsIn(doc.text, s, known)) {
        if (touchesQuote(doc, o.span)) continue;
        const before = doc.text.slice(s.start, o.span.start);
        const after = doc.text.slice(o.span.end, s.end);
        let span: Span | null = null;
        // Only the last few words before the name can hold "published by the".
        const near = before.slice(-80);
        for (const re of patterns) {
          const tail = re.exec(near);
          if (tail) span = { start: o.span.start - (near.length - tail.index), end: o.span.end };
        }
        const active = activeRe.exec(after);
        if (!span && active) span = { start: o.span.start, end: o.span.end + active[0].length };
        if (span) stances.push({ source: doc.index, value: o.canonical, span, artifact: key });
      }
    }
  }
  // Trigger on one kind of item that sources attribute differently, then take in every source's
  // attribution of the story's items so each side shows all its evidence.
  const kinds = [...new Set(stances.map((s) => s.artifact))].sort();
  for (const k of kinds) {
    const same = stances.filter((s) => s.artifact === k);
    if (!conflictFrom('attribution', '', same, docs)) continue;
    const c = conflictFrom('attribution', `who published or obtained the ${k}`, stances, docs);
    return c ? [c] : [];
  }
  return [];
}

interface SpokeStance extends Stance {
  /** The sentence that names the person and the outlet. */
  sentence: Span;
}

function spokeToConflicts(docs: SourceDoc[], quotes: QuoteStage): Conflict[] {
  const byPerson = new Map<string, SpokeStance[]>();
  const names = new Map<string, string>();
  for (const doc of docs) {
    const own = ownOutlet(doc);
    for (const s of doc.sentences) {
      for (const o of outletsIn(doc.text, s)) {
        if (o.canonical === own || touchesQuote(doc, o.span)) continue;
        const before = doc.text.slice(s.start, o.span.start);
        const told = new RegExp(String.raw`(${NAME})(?:,[^,]{1,60},)?\s+(?:told|said\s+to|spoke\s+to|said\s+in\s+an\s+interview\s+with)(?:\s+[\p{L}’'.-]+){0,${MAX_WORDS_BEFORE_OUTLET}}?\s+$`, 'u').exec(before);
        // eslint-disable-next-line security/detect-unsafe-regex -- applied to the few words before a quote; the repetition is bounded ({0,4})
        const according = /\baccording\s+to(?:\s+[\p{L}’'.-]+){0,4}?\s+$/iu.exec(before);
        let person: string | null = null;
        let span: Span | null = null;
        if (told) {
          person = told[1] ?? null;
          span = { start: s.start + told.index, end: o.span.end };
        } else if (according) {
          // The person whose words are reported: the first name in the sentence before "according to".
          const clause = before.slice(0, according.index);
          const m = new RegExp(String.raw`(?:[Ss]pokes(?:man|woman|person)|[Mm]inister|[Oo]fficial|[Ss]ecretary|[Pp]resident|[Cc]hief|[Dd]irector)\s+(${NAME})`, 'u').exec(clause);
          person = m?.[1] ?? null;
          span = { start: s.start + according.index, end: o.span.end };
        }
        const key = speakerKey(person);
        if (!key || !span || !person) continue;
        if (/^(?:The|A|An|It|This|He|She|They)$/.test(key)) continue;
        names.set(key, names.get(key) && (names.get(key) as string).length >= person.length ? (names.get(key) as string) : person);
        byPerson.set(key, [...(byPerson.get(key) ?? []), { source: doc.index, value: o.canonical, span, sentence: s }]);
      }
    }
  }
  const out: Conflict[] = [];
  for (const [key, stances] of [...byPerson.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    // A person gives many interviews: naming different outlets is a dispute only about one set of
    // remarks, so the stances are compared within groups that report the same words.
    for (const group of sameRemarks(docs, quotes, key, stances)) {
      const c = conflictFrom('attribution', `which outlet ${names.get(key) ?? key} spoke to`, group, docs);
      if (c) out.push(c);
    }
  }
  return out;
}

/** Paragraphs after an attribution without words of its own that may still carry its remarks. */
const MAX_FOLLOWING_PARAGRAPHS = 3;
/** Reported speech ("X told Y the plan was fair") is the same remark when this many content words recur... */
const MIN_SHARED_REPORTED_WORDS = 2;
/** ...making up at least this share of the shorter report's content words. */
const MIN_SHARED_REPORTED_SHARE = 0.5;

/** What an attribution says was said: the quote clusters of its words, and its reported content words. */
interface Remarks {
  clusters: Set<number>;
  content: Set<string>;
}

/**
 * Groups of stances (from different sources) that describe the same remarks, linked when they share
 * a quote cluster or the content words of reported speech; stances linked to no other source's are
 * left out. The remarks of a stance are the words its sentence attributes: the quotation in it
 * (only that one: the speaker's next quotation may come from another interview, as when a person
 * repeats a line to two stations), or, when the sentence quotes nothing ("P addressed the claims,
 * according to X"), its reported content and the person's quotations that follow in the next
 * paragraphs, up to another speaker's. Sentence-level claim groups are not used: they match on the
 * attribution words themselves ("P told a station in the city"), the very words that differ.
 */
function sameRemarks(docs: SourceDoc[], quotes: QuoteStage, key: string, stances: SpokeStance[]): SpokeStance[][] {
  const groupOf = new Map<QuoteUnit, number>();
  quotes.groups.forEach((g, i) => {
    for (const u of g) groupOf.set(u, i);
  });
  const remarks = stances.map((st) => remarksOf(docs[st.source] as SourceDoc, quotes.units, groupOf, key, st));
  const parent = stances.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] as number;
    return i;
  };
  const linked = new Set<number>();
  for (let i = 0; i < stances.length; i++)
    for (let j = i + 1; j < stances.length; j++) {
      if ((stances[i] as SpokeStance).source === (stances[j] as SpokeStance).source) continue;
      if (!sameWords(remarks[i] as Remarks, remarks[j] as Remarks)) continue;
      parent[find(j)] = find(i);
      linked.add(i).add(j);
    }
  const groups = new Map<number, SpokeStance[]>();
  stances.forEach((st, i) => {
    if (!linked.has(i)) return;
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), st]);
  });
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
}

function sameWords(a: Remarks, b: Remarks): boolean {
  for (const c of a.clusters) if (b.clusters.has(c)) return true;
  const shared = [...a.content].filter((k) => b.content.has(k)).length;
  return shared >= MIN_SHARED_REPORTED_WORDS && shared >= MIN_SHARED_REPORTED_SHARE * Math.min(a.content.size, b.content.size);
}

function remarksOf(doc: SourceDoc, units: QuoteUnit[], groupOf: Map<QuoteUnit, number>, key: string, st: SpokeStance): Remarks {
  const clusters = new Set<number>();
  const content = new Set<string>();
  const mine = units.filter((u) => u.source === doc.index);
  const inSentence = mine.filter((u) => overlaps(u, st.sentence));
  for (const u of inSentence) {
    const g = groupOf.get(u);
    if (g !== undefined) clusters.add(g);
  }
  if (inSentence.length) return { clusters, content };
  // Reported speech (a scare-quoted word or two included): the sentence's content words, less the
  // names (the person's, the outlet's, places) and the attribution itself.
  const { speechVerbs } = lexicons();
  for (const w of words(doc.text, st.sentence.start, st.sentence.end)) {
    if (overlaps(w, st.span) || w.capital || speechVerbs.has(w.norm)) continue;
    const k = contentKey(w);
    if (k) content.add(k);
  }
  const paragraphs = doc.analysis.paragraphs;
  const at = paragraphs.findIndex((p) => p.start <= st.sentence.start && st.sentence.start < p.end);
  if (at < 0) return { clusters, content };
  const limit = paragraphs[Math.min(paragraphs.length - 1, at + MAX_FOLLOWING_PARAGRAPHS)]?.end ?? st.sentence.end;
  for (const u of mine.filter((x) => x.start >= st.sentence.end && x.end <= limit).sort((a, b) => a.start - b.start)) {
    const speaker = speakerKey(u.attribution.speaker);
    if (speaker && speaker !== key) break;
    const g = groupOf.get(u);
    if (speaker && g !== undefined) clusters.add(g);
  }
  return { clusters, content };
}
