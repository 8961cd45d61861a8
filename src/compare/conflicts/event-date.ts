import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexicons as languageLexicons } from '../../nlp/lexicons.js';
import type { ClaimStage } from '../claims/index.js';
import { lexiconSet, lexicons } from '../lexicon.js';
import type { Passage } from '../matcher.js';
import type { SourceDoc } from '../source-doc.js';
import { contentKey, words, type Word } from '../text/tokens.js';
import { conflictFrom, touchesQuote, type Stance } from './common.js';
import { WEEKDAY as WEEKDAY_NAME, WEEKDAYS } from '../../nlp/dates.js';
import { daysBetween, findDates, lastWeekday, publishedDay, resolve, shift, storyDay, toKey, weekdayOf, type Day } from './dates.js';

const WEEKDAY = new RegExp(`\\b${WEEKDAY_NAME}\\b`, 'g');
/** A weekday printed right before a calendar date ("Sunday, July 12"). */
const WEEKDAY_BEFORE = new RegExp(`\\b${WEEKDAY_NAME},?\\s*$`);
/** Relative day words, with their offset from the publication day. */
const RELATIVE = /\b(?:last\s+night|yesterday|today|tonight|this\s+(?:morning|afternoon|evening))\b/gi;
/** A part of the day after a date word ("Monday night", "yesterday morning") belongs to it. */
// eslint-disable-next-line security/detect-unsafe-regex -- optional groups only, no nested repetition
const DAY_PART = /^(?:\s+(?:night|morning|afternoon|evening))?(?:’s|'s)?/;

/**
 * An event is dated in the days before the report; a date further back (or later) dates a
 * background or coming event ("the 2012 vote", "on March 3"), not the story's. Generous enough
 * for weekly reporting; the publication day itself and the day after (time zones) count.
 */
const MAX_DAYS_BEFORE_PUBLICATION = 10;
const MAX_DAYS_AFTER_PUBLICATION = 1;
/** Words after a date searched for a modal that makes its clause a plan or a supposition. */
const MODAL_REACH = 10;
/** Content words this far to the left of a date, within its clause, are what it may date. */
const LEFT_WINDOW = 16;
/** ...and this far to its right ("Monday night's derailment", "Monday in a vote"). */
const RIGHT_WINDOW = 3;
/** A date opening its clause ("On Monday, the train derailed") dates what follows: this far. */
const OPENING_RIGHT_WINDOW = 8;
/**
 * Besides the shared event word, the two sentences must say much the same thing (the claim
 * matcher's weighted overlap of content words): the same event in two outlets' words shares its
 * actors, place and object; two events sharing a verb ("voted") usually do not.
 */
const SAME_EVENT_SIMILARITY = 0.2;
/** The event word must be the story's: in the title or the first sentences of this many sources. */
const MIN_LEAD_SOURCES = 2;
/** An event word in the title or lead of at least this many sources, and this share of them, is central. */
const CENTRAL_MIN_SOURCES = 3;
const CENTRAL_SHARE = 0.5;
/** Sentences dating the central event still share something besides it. */
const CENTRAL_SIMILARITY = 0.1;
/** Sentences counted as an article's lead. */
const LEAD_SENTENCES = 3;

/** A word before the date that makes it a deadline, a span or a habit, not the day it happened. */
const NOT_A_DAY_OF = new Set(['until', 'till', 'by', 'since', 'through', 'from', 'next', 'every', 'each', 'coming', 'following', 'as']);
/** Words that open a new clause; the date then dates something in that clause only. */
const CLAUSE_OPENERS = new Set(['and', 'but', 'or', 'as', 'while', 'when', 'whereas', 'because', 'although', 'though', 'so', 'where', 'which', 'who', 'whom', 'after', 'before', 'since', 'until', 'once', 'then']);

/** Verb forms and event nouns: derailed, voting, derailment, explosion. */
const EVENT_SHAPE = /(?:ed|ing|ments?|tions?|sions?)$/;
const VERB_SHAPE = /(?:ed|ing)$/;
const NOUN_SHAPE = /(?:ments?|tions?|sions?)$/;
/** Auxiliaries: a finite verb between an event word and a date takes the date. */
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did']);
/** Words that may follow a verb without making it a modifier: adverbs of time and degree. */
const AFTER_VERB = new Set(['late', 'early', 'shortly', 'just', 'again', 'overnight', 'today', 'yesterday', 'tonight']);

let notEventCache: Set<string> | undefined;
let notHappenedCache: Set<string> | undefined;
/** Words that cannot name the event (data/lexicons/compare/not-event-words.txt). */
function notEventWords(): Set<string> {
  return (notEventCache ??= lexiconSet('not-event-words.txt'));
}
/** Words that make a clause a plan or a supposition (data/lexicons/compare/not-happened.txt). */
function notHappened(): Set<string> {
  return (notHappenedCache ??= lexiconSet('not-happened.txt'));
}

interface Mention {
  source: number;
  sentence: Span;
  /** The date expression. */
  date: Span;
  /** ISO day, or a weekday name when the article has no publication date. */
  value: string;
  /** Event-word lemma -> the nearest occurrence of it in the date's clause. */
  anchors: Map<string, Span>;
  passage: Passage;
}

/**
 * Date conflicts on when the story's event happened. A dated mention is a sentence's date
 * expression (a day and month, a weekday, "last night", "yesterday", resolved against the
 * article's publication date; weekdays compared as weekdays when an article has none) together
 * with the words of its clause that it may date. Two sources' mentions date the same event when
 * they share an event word (the same lemma: "derailed"/"derailment") that the story leads with,
 * and their sentences are otherwise similar. Dates in quotations, datelines, speech acts ("said
 * Monday"), deadlines ("until Friday"), plans ("will vote Tuesday") and background events (more
 * than a few days before publication) are left out: a conflict here is meant to be right.
 */
export function eventDateConflicts(docs: SourceDoc[], claims: ClaimStage): Conflict[] {
  const events = storyEventWords(docs);
  if (!events.size) return [];
  // Without its own publication date, an article's calendar dates are checked against the story's.
  const storyRef = storyDay(docs);
  const mentions = docs.flatMap((d) => datedMentions(d, events, storyRef));
  const out: Conflict[] = [];
  const seen = new Set<string>();
  for (const [lemma, leads] of [...events].sort((a, b) => a[0].localeCompare(b[0]))) {
    // The word most sources lead with names the story's event: their dates of it are compared
    // even when the sentences are worded apart; another event word needs similar sentences.
    const central = leads >= CENTRAL_MIN_SOURCES && leads >= CENTRAL_SHARE * docs.length;
    const floor = central ? CENTRAL_SIMILARITY : SAME_EVENT_SIMILARITY;
    const group = mentions.filter((m) => m.anchors.has(lemma));
    // Each mention must date the same event as some other source's: similar sentences.
    const kept = group.filter((m) => group.some((n) => n.source !== m.source && claims.matcher.similarity(m.passage, n.passage) >= floor));
    if (new Set(kept.map((m) => m.source)).size < 2) continue;
    const stances: Stance[] = kept.map((m) => {
      const at = m.anchors.get(lemma) as Span;
      return { source: m.source, value: m.value, span: { start: Math.min(at.start, m.date.start), end: Math.max(at.end, m.date.end) } };
    });
    // Compared by weekday: two outlets naming the same weekday agree even when their publication
    // dates resolve it to different days (one wrote before the event, or a date is off by a day).
    const comparable = stances.map((s) => ({ ...s, value: weekdayOf(s.value) }));
    // Each side reads as its days when every source gave one, else as the weekday.
    const allDays = stances.every((s) => /^\d{4}-/.test(s.value));
    const c = conflictFrom('date', 'when it happened', comparable, docs, (v) => {
      const days = [...new Set(stances.filter((s) => weekdayOf(s.value) === v).map((s) => s.value))].sort();
      return allDays ? days.join(', ') : `${v.charAt(0).toUpperCase()}${v.slice(1)}`;
    });
    if (!c) continue;
    // Two event words of the same sentences ("exploded ..., killing three on Monday") give one conflict.
    const sentenceKeys = kept.map((m) => `${m.source}:${m.sentence.start}`);
    if (sentenceKeys.every((k) => seen.has(k))) continue;
    for (const k of sentenceKeys) seen.add(k);
    out.push(c);
  }
  return out;
}

/**
 * Lemmas of the words naming the story's events, with how many sources lead with each: a word in
 * the title or the first sentences of at least MIN_LEAD_SOURCES sources, printed at least once
 * there in an event's shape (a verb form in -ed/-ing, a noun in -ment/-tion/-sion).
 */
function storyEventWords(docs: SourceDoc[]): Map<string, number> {
  const bySource = new Map<string, Set<number>>();
  const shaped = new Set<string>();
  for (const doc of docs) {
    const lead: string[] = [doc.article.title ?? ''];
    for (const s of doc.sentences.slice(0, LEAD_SENTENCES)) lead.push(doc.text.slice(s.start, s.end));
    for (const text of lead) {
      for (const w of words(text)) {
        const l = eventLemma(w);
        if (!l) continue;
        bySource.set(l, (bySource.get(l) ?? new Set()).add(doc.index));
        if (EVENT_SHAPE.test(w.norm)) shaped.add(l);
      }
    }
  }
  return new Map([...bySource].filter(([l, sources]) => sources.size >= MIN_LEAD_SOURCES && shaped.has(l)).map(([l, sources]) => [l, sources.size]));
}

/** The lemma of a word that may name an event, or null for names, numbers and non-event words. */
function eventLemma(w: Word): string | null {
  if (w.capital || w.numeric || w.censored || w.inserted || w.ellipsis) return null;
  const n = w.norm;
  if (n.length < 4 || notEventWords().has(n) || lexicons().stopwords.has(n)) return null;
  const lang = languageLexicons();
  if (lang.speechVerbs.has(n) || lang.cognitiveVerbs.has(n) || lexicons().releaseVerbs.has(n)) return null;
  return lemmaOf(n);
}

/**
 * Suffix stripping that lets a verb meet its event noun: derailed/derailment -> derail, voted/voting/vote
 * -> vot, nominated/nomination -> nomin, exploded/explosion -> explos.
 */
export function lemmaOf(n: string): string {
  let w = n;
  let stripped = false;
  for (const [suffix, repl] of [['ations', ''], ['ation', ''], ['ating', ''], ['ated', ''], ['ates', ''], ['ate', ''], ['ments', ''], ['ment', ''], ['ions', ''], ['ion', ''], ['ings', ''], ['ing', ''], ['ied', 'y'], ['ies', 'y'], ['ed', ''], ['es', ''], ['s', '']] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3 && !(suffix === 's' && /(?:ss|us|is)$/.test(w))) {
      w = w.slice(0, -suffix.length) + repl;
      stripped = true;
      break;
    }
  }
  if (w.endsWith('e') && w.length > 3) {
    w = w.slice(0, -1);
    stripped = true;
  }
  // Undouble a final consonant: stopped -> stopp -> stop.
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ss|ll)$/.test(w)) w = w.slice(0, -1);
  // A verb in -de has its noun in -sion: exploded/explosion, decided/decision -> explos, decis.
  if (stripped && /[aeiou]d$/.test(w)) w = w.slice(0, -1) + 's';
  return w;
}

/** The dated mentions of one source: each date expression outside quotations, with its clause's event words. */
function datedMentions(doc: SourceDoc, events: Map<string, number>, storyRef: Day | null): Mention[] {
  const ref = publishedDay(doc.article);
  const out: Mention[] = [];
  for (const s of doc.sentences) {
    const ws = words(doc.text, s.start, s.end);
    const passage: Passage = { keys: [...new Set(ws.map(contentKey).filter((k): k is string => k !== null))] };
    for (const d of datesIn(doc, s, ref, storyRef)) {
      const anchors = anchorsOf(doc, ws, d.span, events);
      if (anchors.size) out.push({ source: doc.index, sentence: s, date: d.span, value: d.value, anchors, passage });
    }
  }
  return out;
}

/** Date expressions of a sentence that can date an event, with the day (or weekday) each gives. */
function datesIn(doc: SourceDoc, s: Span, ref: Day | null, storyRef: Day | null): { span: Span; value: string }[] {
  const text = doc.text;
  const body = text.slice(s.start, s.end);
  const hits: { span: Span; value: string }[] = [];
  const near = (span: Span): boolean => hits.some((h) => h.span.start <= span.end + 2 && span.start <= h.span.end + 2);
  const add = (span: Span, value: string): void => {
    const ext = { start: span.start, end: span.end + (DAY_PART.exec(text.slice(span.end, span.end + 12))?.[0].length ?? 0) };
    const merged = hits.find((h) => h.span.start <= ext.end + 2 && ext.start <= h.span.end + 2);
    if (merged) {
      // A weekday printed next to a full date ("Sunday, July 12") is one expression: the date's value.
      merged.span = { start: Math.min(merged.span.start, ext.start), end: Math.max(merged.span.end, ext.end) };
      return;
    }
    hits.push({ span: ext, value });
  };
  for (const d of findDates(text, s)) {
    if (d.relative || d.month === null || d.day === null) continue;
    // A dateline ("CADDON FERRY, July 14 (CPA) -") dates the report, not the event.
    // eslint-disable-next-line security/detect-unsafe-regex -- applied to a slice of at most a few dozen characters (50)
    if (/^\s*(?:\([^)]{1,40}\))?\s*[-–—]/.test(text.slice(d.end, d.end + 50))) continue;
    if (!ref) {
      // No publication date: a calendar date counts only with its printed weekday ("Sunday,
      // February 1, 2009"), compared as that weekday, and only if near the story's other dates.
      const printed = WEEKDAY_BEFORE.exec(text.slice(Math.max(s.start, d.start - 12), d.start));
      if (!printed) continue;
      if (d.year !== null && storyRef && !recent({ year: d.year, month: d.month, day: d.day }, storyRef)) continue;
      add({ start: d.start - printed[0].length, end: d.end }, (printed[1] as string).toLowerCase());
      continue;
    }
    const r = resolve(d, ref);
    if (r.year === null || r.month === null || r.day === null) continue;
    const day = { year: r.year, month: r.month, day: r.day };
    if (!recent(day, ref)) continue;
    add(d, toKey(day));
  }
  WEEKDAY.lastIndex = 0;
  for (let m = WEEKDAY.exec(body); m; m = WEEKDAY.exec(body)) {
    const span = { start: s.start + m.index, end: s.start + m.index + m[0].length };
    const weekday = WEEKDAYS.indexOf(m[0].toLowerCase());
    if (near(span)) add(span, '');
    else add(span, ref ? toKey(lastWeekday(ref, weekday)) : (WEEKDAYS[weekday] as string));
  }
  if (ref) {
    RELATIVE.lastIndex = 0;
    for (let m = RELATIVE.exec(body); m; m = RELATIVE.exec(body)) {
      const span = { start: s.start + m.index, end: s.start + m.index + m[0].length };
      if (near(span)) continue;
      add(span, toKey(shift(ref, /^(?:last|yesterday)/i.test(m[0]) ? -1 : 0)));
    }
  }
  return hits.filter((h) => {
    if (touchesQuote(doc, h.span)) return false;
    // eslint-disable-next-line security/detect-unsafe-regex -- applied to a slice of at most a few dozen characters (30)
    const before = /([\p{L}]+)(?:\s+(?:the|a|an|this|that))?\W*$/iu.exec(text.slice(Math.max(s.start, h.span.start - 30), h.span.start))?.[1]?.toLowerCase();
    // "last Monday" is a day of; "next Monday", "until Monday", "by the Friday deadline" are not.
    if (before && NOT_A_DAY_OF.has(before)) return false;
    return !/^\s+(?:deadlines?|cutoff|target)\b/i.test(text.slice(h.span.end, h.span.end + 12));
  });
}

/**
 * The event words a date may date: event-word lemmas of the story in the date's clause, at most
 * LEFT_WINDOW words before it or RIGHT_WINDOW after it (OPENING_RIGHT_WINDOW when the date opens
 * the clause). A speech verb right before the date ("said Monday") means the date is the speech's;
 * a future or hedged clause ("will vote Tuesday") dates a plan: both give no anchors.
 */
function anchorsOf(doc: SourceDoc, ws: Word[], date: Span, events: Map<string, number>): Map<string, Span> {
  const out = new Map<string, Span>();
  const first = ws.findIndex((w) => w.end > date.start);
  if (first < 0) return out;
  let last = first;
  while (last + 1 < ws.length && (ws[last + 1] as Word).start < date.end) last++;
  const gap = (a: Word, b: Word): string => doc.text.slice(a.end, b.start);
  const breaks = (a: Word, b: Word): boolean => /[;:()—–"“”]|,\s*$|,\s/.test(gap(a, b));
  // Leftwards to the clause start.
  const left: Word[] = [];
  for (let i = first - 1; i >= 0 && left.length < LEFT_WINDOW; i--) {
    const w = ws[i] as Word;
    if (breaks(w, ws[i + 1] as Word)) break;
    // A clause opener ends the clause, unless a time follows it ("shortly before 11pm"); right
    // before the date ("after Monday's vote") it makes the date open its own phrase.
    if (CLAUSE_OPENERS.has(w.norm) && !/^\s*(?:\d|midnight|noon|dawn|dusk)/i.test(doc.text.slice(w.end, w.end + 12))) break;
    left.push(w);
  }
  const right: Word[] = [];
  const opening = left.every((w) => lexicons().stopwords.has(w.norm) || w.norm === 'late' || w.norm === 'early');
  const rightMax = opening ? OPENING_RIGHT_WINDOW : RIGHT_WINDOW;
  for (let i = last + 1; i < ws.length && right.length < rightMax; i++) {
    const w = ws[i] as Word;
    if (breaks(ws[i - 1] as Word, w) && !(opening && right.length === 0)) break;
    if (CLAUSE_OPENERS.has(w.norm) || w.norm === 'that') break;
    right.push(w);
  }
  // The clause's verb may lie past the window ("The Wednesday hearing would have been ...").
  const clauseWords = [...left, ...right];
  for (let i = last + 1 + right.length; i < ws.length && i <= last + MODAL_REACH; i++) {
    const w = ws[i] as Word;
    if (breaks(ws[i - 1] as Word, w) || CLAUSE_OPENERS.has(w.norm) || w.norm === 'that') break;
    clauseWords.push(w);
  }
  const dist = (x: Span): number => Math.min(Math.abs(x.start - date.end), Math.abs(date.start - x.end));
  const consider = (w: Word, between: Word[]): void => {
    if (!eventForm(w, doc, date)) return;
    const l = eventLemma(w);
    if (!l || !events.has(l)) return;
    const at = ws.indexOf(w);
    // A participle before a noun describes it ("injured reserve", "running back", "a derailed
    // train"): not the event the date belongs to.
    if (VERB_SHAPE.test(w.norm) && modifiesNext(ws, at, doc.text)) return;
    // Another verb between them takes the date ("the shooting was on suicide watch Monday", "the
    // results were released Wednesday", "officials said on Monday"), except the verb of a relative
    // clause of the event noun itself ("the derailment that drove families out on Sunday").
    const relative = NOUN_SHAPE.test(w.norm) && /^(?:that|which)$/.test(ws[at + 1]?.norm ?? '');
    if (between.some((b) => verbLike(b) && !(relative && ws.indexOf(b) <= at + 3))) return;
    const prev = out.get(l);
    if (!prev || dist(w) < dist(prev)) out.set(l, { start: w.start, end: w.end });
  };
  // A future or hedged clause ("will vote on Tuesday", "on Tuesday the Senate is expected to vote")
  // dates a plan: the words before the date and those between it and a later event word count.
  if (clauseWords.some((w) => notHappened().has(w.norm))) return out;
  left.forEach((w, i) => consider(w, left.slice(0, i)));
  // After the date, only the noun it qualifies ("Monday's vote", "the Friday night shooting"),
  // unless the date opens the clause ("On Monday, a train derailed").
  right.forEach((w, i) => {
    if (opening || i === 0) consider(w, right.slice(0, i));
  });
  return out;
}

/**
 * True when a word is shaped like an event: a verb in -ed/-ing, a noun in -ment/-tion/-sion, or the
 * word right after a possessive date ("Monday night's derailment").
 */
function eventForm(w: Word, doc: SourceDoc, date: Span): boolean {
  if (EVENT_SHAPE.test(w.norm)) return true;
  // eslint-disable-next-line security/detect-unsafe-regex -- applied to a short value (a flag, a name, a date string, an address), never to article text (a date and the word after it)
  return /(?:’s|'s)$/.test(doc.text.slice(date.start, date.end)) && /^\s+(?:[\p{L}-]+\s+)?$/u.test(doc.text.slice(date.end, w.start));
}

/** A word shaped like a finite verb: an auxiliary, a past form in -ed, a speech or reporting verb. */
function verbLike(w: Word): boolean {
  const lang = languageLexicons();
  // "happened", "occurred", "took place" only carry the event's date on to it.
  if (lexicons().occurrenceWords.has(w.norm)) return false;
  return AUXILIARIES.has(w.norm) || (w.norm.length > 4 && w.norm.endsWith('ed')) || lang.speechVerbs.has(w.norm) || lang.cognitiveVerbs.has(w.norm) || lexicons().releaseVerbs.has(w.norm);
}

/** True when the word at `i` is directly followed by a content word it modifies (same phrase, no punctuation). */
function modifiesNext(ws: Word[], i: number, text: string): boolean {
  const w = ws[i];
  const next = ws[i + 1];
  if (!w || !next || /[^\s]/.test(text.slice(w.end, next.start))) return false;
  if (next.numeric || WEEKDAYS.includes(next.norm) || AFTER_VERB.has(next.norm) || next.norm.endsWith('ly')) return false;
  return !lexicons().stopwords.has(next.norm);
}

function recent(d: Day, ref: Day): boolean {
  const days = daysBetween(ref, d);
  return days >= -MAX_DAYS_BEFORE_PUBLICATION && days <= MAX_DAYS_AFTER_PUBLICATION;
}
