import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { WEEKDAYS } from '../../nlp/dates.js';
import type { ClaimStage } from '../claims/index.js';
import { lexiconSet, lexicons } from '../lexicon.js';
import type { Passage } from '../matcher.js';
import type { SourceDoc } from '../source-doc.js';
import { contentKey, words, type Word } from '../text/tokens.js';
import { conflictFrom, outletsIn, touchesQuote, type Stance } from './common.js';
import { lexicons as languageLexicons } from '../../nlp/lexicons.js';
import { lastWeekday, publishedDay, toKey, weekdayOf } from './dates.js';

/**
 * Date conflicts on when something named happened: a weekday ("on Tuesday", "early Saturday",
 * "Friday night") or a month without a day ("in December") in a clause that names a thing or a
 * person ("checked into Promises on Friday", "signed Ann Marlow on Monday", "launched a line
 * called Mantra in September"). Two sources' dated clauses tell of the same happening when they
 * share a name and say much the same (SAME_HAPPENING_SIMILARITY over the clause's content words).
 * A weekday is read against the article's publication day when it has one ("on Friday" in an
 * article of Saturday is the day before) and compared by weekday, so a source without a date still
 * meets one with. Dates of speech ("said Friday"), plans ("will sign on Monday"), deadlines and
 * quotations are left out, as in event-date.ts; that pass dates the story's lead event word, this
 * one whatever the clause names.
 */
const SAME_HAPPENING_SIMILARITY = 0.18;
/** A shared name of several words ("Ann Marlow", "Gulf of Kerra") already says much: less else is needed. */
const SAME_HAPPENING_SIMILARITY_FULL_NAME = 0.1;
/** Shared names and words two clauses need to tell of the same happening. */
const MIN_SHARED = 2;
/** Lines without final punctuation this long are read as sentences. */
const MIN_UNPUNCTUATED_WORDS = 14;
/** Words of a date's clause, each side of it, that it may date. */
const CLAUSE_WORDS = 10;

// eslint-disable-next-line security/detect-unsafe-regex -- optional single words and fixed separators, no repeated group that can match the same text twice
const WEEKDAY_RE = /\b(?:(early|late)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:night|morning|afternoon|evening))?(?:['’]s)?\b/giu;
const MONTH_RE = /\b(?:in|during|since|last)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)/gu;
/** A clock time: "7:01 p.m.", "7: 01 p. m.", "9pm", "9.25 a.m.". */
// eslint-disable-next-line security/detect-unsafe-regex -- optional single words and fixed separators, no repeated group that can match the same text twice
const CLOCK_RE = /\b(\d{1,2})(?:\s?[:.]\s?(\d{2}))?\s?([ap])\.?\s?m\b\.?/giu;
/** Clock times this close (minutes) are one time told roughly ("about 7 p.m." and "7:01 p.m."). */
const CLOCK_TOLERANCE_MINUTES = 45;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const CLAUSE_BREAK = new Set(['and', 'but', 'while', 'when', 'whereas', 'because', 'although', 'though', 'after', 'before', 'since', 'until', 'once', 'then', 'that', 'which', 'where', 'who']);
/** Last words of places' and buildings' names, besides the organisation keywords of the language layer. */
const NOT_PERSON_LAST = /^(?:Clinic|Hospital|Hotel|School|Church|Temple|Mosque|Cathedral|Stadium|Arena|Park|Street|Road|Avenue|Square|Bridge|Island|River|Lake|Gulf|Bay|Sea|Ocean|Mountain|Valley|Airport|Station|Prison|Unit|Mall|Hall|Tower|Building|Museum|Theatre|Theater|Facility|Base|Camp|Centre|Center)$/;
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'been']);
/** A word right before the date that makes it a deadline, a span or a plan. */
const NOT_A_DAY_OF = new Set(['until', 'till', 'by', 'since', 'through', 'from', 'next', 'every', 'each', 'coming', 'following', 'this']);

interface Dated {
  source: number;
  /** "weekday:friday" or "month:9". */
  value: string;
  label: string;
  span: Span;
  names: Set<string>;
  /** The names are the sentence's: the date's own clause names nothing. */
  borrowed: boolean;
  /** The names that are people's (the language layer's person mentions). */
  people: Set<string>;
  passage: Passage;
}

let notHappenedCache: Set<string> | undefined;
/** Verbs that make a clause a report of the news rather than the news: "the Daily News reported Sunday". */
const REPORTING = new Set(['reported', 'reports', 'announced', 'announces', 'confirmed', 'confirms', 'said', 'says', 'told', 'tells', 'revealed', 'disclosed']);

export function namedDateConflicts(docs: SourceDoc[], claims: ClaimStage): Conflict[] {
  const own = new Set(docs.flatMap((d) => outletsIn(d.text, { start: 0, end: d.text.length }).map((o) => d.text.slice(o.span.start, o.span.end))));
  const all = docs.flatMap((d) => datedClauses(d, own));
  const out: Conflict[] = [];
  const used = new Set<Dated>();
  for (const kind of ['weekday', 'month', 'time']) {
    const list = kind === 'time' ? sameClockTimes(all.filter((d) => d.value.startsWith(kind))) : all.filter((d) => d.value.startsWith(kind));
    for (const seed of list) {
      if (used.has(seed)) continue;
      // Every mention linked to the seed through mentions of the same happening, in any source.
      const group = [seed];
      for (let i = 0; i < group.length; i++) {
        const g = group[i] as Dated;
        for (const d of list) if (!used.has(d) && !group.includes(d) && d.source !== g.source && meets(g, d, claims)) group.push(d);
      }
      group.forEach((g) => used.add(g));
      // A source giving two days of it tells two happenings apart ("Wednesday's loss", "Friday's loss"): it takes no side.
      const values = (src: number): Set<string> => new Set(group.filter((g) => g.source === src).map((g) => g.value));
      const kept = group.filter((g) => values(g.source).size === 1);
      if (new Set(kept.map((g) => g.value)).size < 2) continue;
      const labels = new Map(kept.map((g) => [g.value, g.label]));
      const stances: Stance[] = kept.map((g) => ({ source: g.source, value: g.value, span: g.span }));
      const c = conflictFrom('date', `${kind === 'time' ? 'what time' : 'when'} it happened, in the reports naming ${[...seed.names].find((n) => !seed.people.has(n)) ?? 'it'}`, stances, docs, (v) => labels.get(v) ?? v, kind === 'time' ? 'one happening has one time' : 'one happening has one day');
      if (c) out.push(c);
    }
  }
  return out;
}

/** Clock times within the tolerance of the earliest of their run take its value, so only times apart differ. */
function sameClockTimes(list: Dated[]): Dated[] {
  const minutes = (d: Dated): number => Number(d.value.slice(5));
  const sorted = [...list].sort((a, b) => minutes(a) - minutes(b));
  let head: Dated | null = null;
  const valueOf = new Map<Dated, string>();
  for (const d of sorted) {
    if (!head || minutes(d) - minutes(head) > CLOCK_TOLERANCE_MINUTES) head = d;
    valueOf.set(d, head.value);
  }
  return list.map((d) => ({ ...d, value: valueOf.get(d) ?? d.value }));
}

function meets(a: Dated, b: Dated, claims: ClaimStage): boolean {
  const shared = [...a.names].filter((n) => [...b.names].some((m) => sameName(n, m)));
  // A person does many things on many days ("refused to step down Monday", "... Tuesday"); a
  // named place, thing or organisation anchors one happening far more often.
  if (!shared.some((n) => !a.people.has(n))) return false;
  // Each naming a full name the other lacks ("signed Ann Marlow" / "signed Joe Brandt"): two happenings.
  const own = (x: Dated, y: Dated): boolean => [...x.names].some((n) => n.includes(' ') && ![...y.names].some((m) => sameName(n, m)));
  if (own(a, b) && own(b, a)) return false;
  const full = shared.some((n) => [...a.names, ...b.names].every((m) => !sameName(n, m) || m.includes(' ')));
  // Besides the name, the clauses share a word ("launched", "fire") or another name.
  const sharedWords = a.passage.keys.filter((k) => !a.names.has(k) && b.passage.keys.includes(k)).length;
  // Borrowed names must be full ones ("Harlow Bible Church", not a city's) with a shared word besides.
  if (shared.length + sharedWords < MIN_SHARED || ((a.borrowed || b.borrowed) && (sharedWords === 0 || !full))) return false;
  const floor = full ? SAME_HAPPENING_SIMILARITY_FULL_NAME : SAME_HAPPENING_SIMILARITY;
  return claims.matcher.similarity(a.passage, b.passage) >= floor;
}

/** "Promises" and "Promises Treatment Center" name the same place: one's words lead the other's. */
function sameName(a: string, b: string): boolean {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return l === s || l.startsWith(s + ' ') || l.endsWith(' ' + s);
}

/** The dated clauses of one source: each weekday or month expression with the names and words of its clause. */
export function datedClauses(doc: SourceDoc, outlets: Set<string> = new Set()): Dated[] {
  const ref = publishedDay(doc.article);
  const out: Dated[] = [];
  const persons = new Set(doc.analysis.mentions.filter((m) => m.kind === 'person').flatMap((m) => [m.text, m.canonical, m.canonical.split(/\s+/).pop() ?? '']));
  // A name ending in an organisation's or a place's noun ("... Clinic", "... Church") is no person's,
  // whatever the language layer guessed.
  const last = (n: string): string => n.split(/\s+/).pop() ?? '';
  const isPerson = (n: string): boolean => !NOT_PERSON_LAST.test(last(n)) && !languageLexicons().orgKeywords.has(last(n)) && (persons.has(n) || persons.has(last(n)));
  // A long line without final punctuation is a sentence that lost its full stop more often than a headline.
  const lines = [...doc.sentences, ...doc.headlines.filter((h) => words(doc.text, h.start, h.end).length >= MIN_UNPUNCTUATED_WORDS)];
  for (const s of lines) {
    const body = doc.text.slice(s.start, s.end);
    const ws = words(doc.text, s.start, s.end);
    const found: { span: Span; value: string; label: string }[] = [];
    for (const m of body.matchAll(WEEKDAY_RE)) {
      const day = WEEKDAYS.indexOf((m[2] as string).toLowerCase());
      // Against a publication day the weekday is a day; compared as its weekday either way.
      const value = ref ? weekdayOf(toKey(lastWeekday(ref, day))) : (WEEKDAYS[day] as string);
      found.push({ span: at(s, m), value: `weekday:${value}`, label: m[0].replace(/['’]s$/, '') });
    }
    for (const m of body.matchAll(CLOCK_RE)) {
      const hour = (Number(m[1]) % 12) + ((m[3] as string).toLowerCase() === 'p' ? 12 : 0);
      if (Number(m[1]) > 12 || Number(m[2] ?? 0) > 59) continue;
      found.push({ span: at(s, m), value: `time:${hour * 60 + Number(m[2] ?? 0)}`, label: m[0].trim() });
    }
    for (const m of body.matchAll(MONTH_RE)) found.push({ span: at(s, m), value: `month:${MONTHS.indexOf((m[1] as string).toLowerCase()) + 1}`, label: m[1] as string });
    for (const f of found) {
      if (touchesQuote(doc, f.span) || !happened(doc, ws, f.span)) continue;
      const clause = clauseOf(doc.text, ws, f.span);
      // Who reported it is not what happened: outlets' names and clauses of speech are left out.
      const clauseNames = [...namesIn(doc.text, clause, ws[0])].filter((n) => !outlets.has(n));
      // A clause naming nothing ("the fire was set Friday night") takes the names of its sentence;
      // it then needs a shared word besides them (see `meets`).
      const borrowed = clauseNames.length === 0;
      const names = new Set(borrowed ? [...namesIn(doc.text, ws, ws[0])].filter((n) => !outlets.has(n)) : clauseNames);
      if (clause.some((w) => REPORTING.has(w.norm))) continue;
      if (!names.size) continue;
      const keys = clause.filter((w) => !w.capital).map(contentKey).filter((k): k is string => k !== null);
      const span = { start: Math.min(f.span.start, clause[0]?.start ?? f.span.start), end: Math.max(f.span.end, clause[clause.length - 1]?.end ?? f.span.end) };
      out.push({ source: doc.index, value: f.value, label: f.label, span, names, borrowed, people: new Set([...names].filter(isPerson)), passage: { keys: [...new Set([...keys, ...names])] } });
    }
  }
  return out;
}

const at = (s: Span, m: RegExpMatchArray): Span => ({ start: s.start + (m.index ?? 0), end: s.start + (m.index ?? 0) + m[0].length });

/** False for a date of speech ("said Friday"), a deadline ("until Friday") or a plan ("will sign Monday"). */
function happened(doc: SourceDoc, ws: Word[], date: Span): boolean {
  const i = ws.findIndex((w) => w.start >= date.start);
  const prev = ws.slice(Math.max(0, i - 3), i).map((w) => w.norm);
  const next = ws.slice(i + 1, i + 3).map((w) => w.norm);
  const speech = lexicons().speechVerbs;
  if (prev.length && NOT_A_DAY_OF.has(prev[prev.length - 1] as string)) return false;
  if ([...prev.slice(-2), ...next.slice(0, 1)].some((w) => speech.has(w) || REPORTING.has(w))) return false;
  const notHappened = (notHappenedCache ??= lexiconSet('not-happened.txt'));
  return !ws.slice(Math.max(0, i - CLAUSE_WORDS), i + CLAUSE_WORDS).some((w) => notHappened.has(w.norm));
}

/** The words around a date up to a clause break or CLAUSE_WORDS each side, the date's own words excluded. */
function clauseOf(text: string, ws: Word[], date: Span): Word[] {
  const i = ws.findIndex((w) => w.end > date.start);
  if (i < 0) return [];
  const inside = (w: Word): boolean => w.start < date.end && w.end > date.start;
  const breaks = (a: Word, b: Word): boolean => /[;:()—–"“”]/.test(text.slice(a.end, b.start));
  const left: Word[] = [];
  for (let k = i - 1; k >= 0 && left.length < CLAUSE_WORDS; k--) {
    const w = ws[k] as Word;
    if (breaks(w, ws[k + 1] as Word) || CLAUSE_BREAK.has(w.norm)) break;
    left.unshift(w);
    // "the shooting suspect was on suicide watch Monday": the date is the copula's, not the words before it.
    if (COPULAS.has(w.norm)) break;
  }
  let j = i;
  while (j < ws.length && inside(ws[j] as Word)) j++;
  const right: Word[] = [];
  for (let k = j; k < ws.length && right.length < CLAUSE_WORDS; k++) {
    const w = ws[k] as Word;
    // A date opening its clause ("On Tuesday, the Saints signed ...") dates what follows the comma.
    const opening = k === j && left.every((x) => x.norm === 'on' || x.norm === 'late' || x.norm === 'early');
    if ((k > j && breaks(ws[k - 1] as Word, w)) || CLAUSE_BREAK.has(w.norm) || (!opening && /,\s*$/.test(text.slice(ws[k - 1]?.end ?? w.start, w.start)))) break;
    right.push(w);
  }
  return [...left, ...right];
}

/** Capitalised names of a clause (runs of capitalised words, "of" inside), past its first word, less weekdays and months. */
function namesIn(text: string, clause: Word[], sentenceFirst: Word | undefined): Set<string> {
  const out = new Set<string>();
  let run: string[] = [];
  const flush = (): void => {
    while (run.length && run[run.length - 1] === 'of') run.pop();
    if (run.length) out.add(run.join(' '));
    run = [];
  };
  for (const w of clause) {
    const printed = text.slice(w.start, w.end);
    // A sentence's first word is a name only when the name runs on ("New Orleans picked up ...").
    const first = w === sentenceFirst && !(clause[clause.indexOf(w) + 1]?.capital ?? false);
    const isName = w.capital && !first && !WEEKDAYS.includes(w.norm) && !MONTHS.includes(w.norm) && !lexicons().stopwords.has(w.norm) && printed.length > 1;
    if (isName) run.push(printed.replace(/['’]s$/, ''));
    else if (run.length && w.norm === 'of') run.push('of');
    else flush();
  }
  flush();
  return out;
}
