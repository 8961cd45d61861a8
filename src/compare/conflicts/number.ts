import type { Conflict } from '../../model/dossier.js';
import type { Quantity } from '../../nlp/quantities/index.js';
import { quantitiesIn } from './number-memo.js';
import { quantityLexicon } from '../../nlp/quantities/lexicon.js';
import type { ClaimStage } from '../claims/index.js';
import type { SourceDoc } from '../source-doc.js';
import { evidenceOf, touchesQuote } from './common.js';
import { measureName, sameMeasure, weakMeasure } from './number-measure.js';
import { sentenceNames, figureOwner, sentencePeriod, sentenceWords } from './number-context.js';
import { compatible } from './number-range.js';
import { clusters, factsOf, overlap, type Stated } from './number-align.js';
import { placeOf, placeRelation } from './number-place.js';
import { resolveAgeOwners } from './number-family.js';

/**
 * Share of the shorter sentence's content words that two sentences giving different figures for one
 * measure must share before they are read as one fact. Different facts of one measure (a toll in
 * another shooting, the taxes of another year) come in sentences about other things; on the dev
 * stories true disputes share 0.38-0.75 of their words, most false ones 0.06-0.33.
 */
const SAME_FACT_OVERLAP = 0.3;

/**
 * The share that suffices when both sentences name the same day for a figure that counts an event
 * ("seized on Tuesday", "the sweep on Tuesday in which 89 were arrested"): one event's count on one
 * day is one fact, however differently the sentences run.
 */
const SAME_DAY_OVERLAP = 0.15;

const WEEKDAY = /\b((?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;

/** Some pair of figures from different sources that cannot both hold sits in sentences about the same thing. */
function sameFactSomewhere(fact: Stated[]): boolean {
  // Sentences naming others are about others; where each figure's owner (the person named next to
  // it) is absent from the other sentence, the figures are two people's ("the $9m deal Ann Lee got",
  // "Bo Ward's $16m deal"). Both owners must be named: one sentence may name its owner only earlier.
  const otherOwners = (a: Stated, b: Stated): boolean => a.owner !== null && b.owner !== null && a.owner !== b.owner && !b.names.has(a.owner) && !a.names.has(b.owner);
  const sameSubject = (a: Stated, b: Stated): boolean => (!a.names.size || !b.names.size || [...a.names].some((n) => b.names.has(n))) && !otherOwners(a, b);
  // Figures stated for two different days ("six arrests on Wednesday", "47 on Tuesday") both hold.
  // Likewise figures for two periods ("for 2014", "from 2007 through 2014").
  const sameTime = (a: Stated, b: Stated): boolean => (a.day === null || b.day === null || a.day === b.day) && (a.period === null || b.period === null || a.period === b.period);
  // One place's count in two sources is one fact whatever else their sentences say; another place's is another fact.
  const sameThing = (a: Stated, b: Stated): boolean => {
    const where = placeRelation(a.place, b.place);
    const sameDay = a.q.event !== null && ((a.day !== null && a.day === b.day) || (a.weekday !== null && a.weekday === b.weekday));
    return where ? where === 'same' : overlap(eventWords(a), eventWords(b)) >= (sameDay ? SAME_DAY_OVERLAP : SAME_FACT_OVERLAP) && sameSubject(a, b);
  };
  return fact.some((a) => fact.some((b) => a.source < b.source && !compatible(a.q, b.q) && sameThing(a, b) && sameTime(a, b)));
}

/**
 * Share of content words two sentences must share for a weak measure ("29 catches", a bare "$43
 * million") to be read as one fact: near-identical sentences (one outlet's copy of another's) with
 * a different figure in the same place.
 */
const NEAR_COPY_OVERLAP = 0.8;

/** Same measure; a weak one only as the same figure (same place, same next word) of near-identical sentences. */
function linked(a: Stated, b: Stated): boolean {
  if (!sameMeasure(a.q, b.q)) return false;
  if (!weakMeasure(a.q) && !weakMeasure(b.q)) return true;
  if (a.source === b.source || a.ordinal !== b.ordinal || a.next !== b.next) return false;
  let shared = 0;
  for (const w of a.words) if (b.words.has(w)) shared++;
  // Of the larger sentence's words: a short line inside a long sentence is no copy of it.
  return shared >= NEAR_COPY_OVERLAP * Math.max(a.words.size, b.words.size);
}

/**
 * The content words of a figure's sentence, the words of its event told by the event's canonical
 * name: "ushered to safety" and "were rescued" share one word, as "rescued" and "rescued" do.
 */
function eventWords(s: Stated): Set<string> {
  if (!s.q.event) return s.words;
  const forms = eventStems().get(s.q.event) ?? new Set<string>();
  const out = new Set([...s.words].filter((w) => !forms.has(w)));
  out.add(`event:${s.q.event}`);
  return out;
}

let stemsByEvent: Map<string, Set<string>> | null = null;

/** Each event's word stems, from every phrase that names it (data/lexicons/quantities.json). */
function eventStems(): Map<string, Set<string>> {
  if (stemsByEvent) return stemsByEvent;
  stemsByEvent = new Map();
  for (const [phrase, event] of quantityLexicon().events) {
    const set = stemsByEvent.get(event) ?? new Set<string>();
    for (const w of sentenceWords(phrase, { start: 0, end: phrase.length })) set.add(w);
    stemsByEvent.set(event, set);
  }
  return stemsByEvent;
}

/** The word after a figure ("2500 block", "214."): a weak figure's place in its sentence. */
const nextWord = (text: string, at: number): string => /^\s*([\p{L}\p{N}]*)/u.exec(text.slice(at, at + 40))?.[1]?.toLowerCase() ?? '';

/** Evidence spans one source may give one side: a figure repeated more often adds nothing. */
const MAX_EVIDENCE_PER_SOURCE = 2;

/**
 * Number conflicts: every figure of every source read as a measurement (src/nlp/quantities);
 * figures of the same measure from different sources that cannot both hold (bounds, ranges and
 * rounding respected, src/compare/conflicts/number-range.ts) make one conflict per measure, however
 * many claim groups the sentences fall into. A source that itself gives two incompatible figures for
 * one measure speaks of two facts (two events, two places): number-align.ts pairs each with the
 * figure of the sentence most like its own in every other source.
 * When the sides were published at different times, the later one is named as a possible update.
 */
export function numberConflicts(docs: SourceDoc[], _claims: ClaimStage): Conflict[] {
  const agesOf = resolveAgeOwners(docs);
  const stated: Stated[] = docs.flatMap((doc) => {
    const found = agesOf(quantitiesIn(doc.text, [...doc.headlines, ...doc.sentences], doc.analysis.dates), doc);
    // A figure inside a quotation is the quote's (quote conflicts show changed words there).
    const kept = found.filter((q) => !touchesQuote(doc, q.figure));
    const ordinal = (q: Quantity): number => kept.filter((o) => o.sentence === q.sentence && o.figure.start < q.figure.start).length;
    // The day a figure is stated for: a date resolved to the day inside its sentence.
    const day = (q: Quantity): string | null =>
      doc.analysis.dates.find((d) => d.granularity === 'day' && d.value && d.start >= q.sentence.start && d.end <= q.sentence.end)?.value ?? null;
    const weekday = (q: Quantity): string | null => {
      const d = doc.analysis.dates.find((x) => x.granularity === 'day' && x.start >= q.sentence.start && x.end <= q.sentence.end && WEEKDAY.test(x.text));
      return d ? (WEEKDAY.exec(d.text)?.[1]?.toLowerCase() ?? null) : null;
    };
    return kept.map((q) => ({ q, source: doc.index, weekday: weekday(q), words: sentenceWords(doc.text, q.sentence), names: sentenceNames(doc.text, q.sentence, doc.analysis.mentions), owner: figureOwner(doc.text, q.sentence, q.figure, doc.analysis.mentions), ordinal: ordinal(q), day: day(q), period: sentencePeriod(doc.text, q.sentence, doc.analysis.dates), next: nextWord(doc.text, q.figure.end), place: placeOf(doc, q) }));
  });
  const disputes: Stated[][][] = [];
  for (const measure of clusters(stated, linked)) {
    if (new Set(measure.map((s) => s.source)).size < 2) continue;
    for (const fact of factsOf(measure)) {
      // Sides are the figures that can hold together; a chain of compatible figures may join all.
      const sides = clusters(fact, (a, b) => compatible(a.q, b.q));
      if (sides.length > 1 && sameFactSomewhere(fact)) disputes.push(sides);
    }
  }
  return mergeListed(disputes).map((d) => conflictOf(d, docs));
}

/** Which sentences of which sources each side of a dispute stands in. */
const sideKeys = (sides: Stated[][]): string =>
  JSON.stringify(sides.map((g) => [...new Set(g.map((s) => `${s.source}:${s.q.sentence.start}`))].sort().join(' ')).sort());

/**
 * One dispute is one conflict: figures listed together ("six rifles, 12 magazines and 300 rounds"
 * against "14 rifles, 31 magazines and 923 rounds") dispute one account, so disputes whose sides
 * stand in the same sentences of the same sources merge, side by side.
 */
function mergeListed(disputes: Stated[][][]): Stated[][][] {
  const byKey = new Map<string, Stated[][][]>();
  for (const d of disputes) byKey.set(sideKeys(d), [...(byKey.get(sideKeys(d)) ?? []), d]);
  return [...byKey.values()].map((group) => {
    const first = group[0] as Stated[][];
    if (group.length === 1) return first;
    const keyOf = (g: Stated[]): string => [...new Set(g.map((s) => `${s.source}:${s.q.sentence.start}`))].sort().join(' ');
    return first.map((side) => group.flatMap((d) => d.find((g) => keyOf(g) === keyOf(side)) ?? []));
  });
}

/** " in Velby" when every figure that names a place names the same one (number-place.ts). */
function placeNote(all: Stated[]): string {
  const places = new Set(all.map((s) => s.place).filter((p): p is string => p !== null));
  const [only] = places;
  return places.size === 1 && only ? ` in ${only.replace(/(^|[\s-])\p{Ll}/gu, (c) => c.toUpperCase())}` : '';
}

const plural = (n: number): string => `${n} source${n === 1 ? '' : 's'}`;

function conflictOf(groups: Stated[][], docs: SourceDoc[]): Conflict {
  // Merged disputes: one measure per distinct head ("rifles", "magazines"), each figure with its noun.
  const firsts = [...new Map((groups[0] ?? []).map((s) => [measureName(s.q), s])).values()];
  const merged = firsts.length > 1;
  const label = (doc: SourceDoc, s: Stated): string => {
    const figure = doc.text.slice(s.q.figure.start, s.q.figure.end);
    return merged && s.q.headText ? `${figure} ${s.q.headText}` : figure;
  };
  const sides = groups
    .map((g) => ({ g, n: new Set(g.map((s) => s.source)).size, first: Math.min(...g.map((s) => s.source)) }))
    .sort((a, b) => b.n - a.n || a.first - b.first)
    .map(({ g, n }) => {
      const doc = (s: Stated): SourceDoc => docs[s.source] as SourceDoc;
      const values = merged
        ? firsts.flatMap((f) => g.filter((s) => measureName(s.q) === measureName(f.q)).slice(0, 1).map((s) => label(doc(s), s)))
        : [...new Set(g.map((s) => label(doc(s), s)))].slice(0, 3);
      const evidence = [];
      const perSource = new Map<number, number>();
      for (const s of [...g].sort((a, b) => a.source - b.source || a.q.span.start - b.q.span.start)) {
        if ((perSource.get(s.source) ?? 0) >= MAX_EVIDENCE_PER_SOURCE * firsts.length) continue;
        perSource.set(s.source, (perSource.get(s.source) ?? 0) + 1);
        evidence.push(evidenceOf(doc(s), s.q.span));
      }
      return { value: values.join(merged ? ', ' : ' / '), evidence, n, sources: [...new Set(g.map((s) => s.source))] };
    });
  const what = firsts.map((s) => measureName(s.q)).join('; ') + placeNote(groups.flat());
  const summary = `Outlets disagree on ${what}: ${sides.map((s) => `${s.value} (${plural(s.n)})`).join(' vs ')}.`;
  const conflict: Conflict = { id: '', kind: 'number', summary, sides: sides.map(({ value, evidence }) => ({ value, evidence })) };
  const later = laterSide(sides, docs);
  if (later) {
    conflict.possibleUpdate = { value: later.value, sources: later.sources.map((i) => (docs[i] as SourceDoc).id) };
    conflict.summary += ` The later reports say ${later.value}: possibly an update.`;
  }
  return conflict;
}

/** The side every one of whose sources was published after every source of the other sides, if any. */
function laterSide<S extends { sources: number[]; value: string }>(sides: S[], docs: SourceDoc[]): S | null {
  const time = (i: number): number => Date.parse((docs[i] as SourceDoc).article.published ?? '');
  const all = sides.flatMap((s) => s.sources);
  if (all.some((i) => Number.isNaN(time(i)))) return null;
  if (sides.length < 2) return null;
  for (const side of sides) {
    const others = all.filter((i) => !side.sources.includes(i));
    if (Math.min(...side.sources.map(time)) > Math.max(...others.map(time))) return side;
  }
  return null;
}
