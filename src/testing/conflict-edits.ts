import type { ConflictKind } from '../model/dossier.js';
import { prng } from './prng.js';

/**
 * Seeded edits of one sentence for the behavioural conflict suite (CheckList style): edits that change
 * a fact (a number, a weekday or month, a negation, the speaker, the outlet spoken to) and edits that
 * keep it (rewording, moving a leading phrase, digits for number words, rounding within tolerance, a
 * compatible bound). An edit returns null where it does not apply to the sentence.
 */

export interface Edit {
  name: string;
  /** The conflict kind a fact-changing edit must be reported as; null for an edit that keeps the fact. */
  expects: ConflictKind | null;
  apply: (sentence: string, rng: Rng) => string | null;
}

export type Rng = () => number;

export const seededRng: (seed: number) => Rng = prng;

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

const WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const OUTLETS = ['Reuters', 'the BBC', 'CNN', 'The New York Times', 'The Associated Press', 'Al Jazeera'];
// A figure that is a count: digits (not a year, not part of a code or a time) or a number word, then a word.
// eslint-disable-next-line security/detect-unsafe-regex -- the repeated group starts with a fixed comma: linear; test-data generator only
const FIGURE = /(?<![\w.,:$£€-]|:\s)(\d{1,3}(?:,\d{3})+|\d+)(?![\w.,:-]|,\d)(?=\s+(?![ap]\.?m\b)[a-z])/g;
const WORD_FIGURE = new RegExp(`\\b(${WORDS.join('|')})\\b(?=\\s+[a-z])`, 'gi');

/**
 * Inside quotation marks: a changed figure there is a changed quote (the quote kind's), and a
 * reworded quote is no longer the quote; the number edits leave quotations alone.
 */
function insideQuote(s: string, at: number): boolean {
  const before = s.slice(0, at);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  return straight || before.lastIndexOf('“') > before.lastIndexOf('”');
}

const fmt = (n: number, like: string): string => (like.includes(',') || n >= 10000 ? n.toLocaleString('en-US') : String(n));

/** Positions of count figures in a sentence (years left out). */
function figures(s: string): { at: number; text: string; value: number }[] {
  return [...s.matchAll(FIGURE)]
    .map((m) => ({ at: m.index, text: m[0], value: Number(m[0].replace(/,/g, '')) }))
    // Not a year, not part of a code ("AK 47"), a signed figure ("minus 17") or a date ("May 5").
    .filter((f) => !(f.value >= 1800 && f.value <= 2099) && f.value > 0 && !/(?:minus|\bto|\b[A-Z]{1,4}|\b[A-Z][a-z]{2,8})\s*$/.test(s.slice(0, f.at)) && !insideQuote(s, f.at))
    // Not an end of a range ("30 to 40"): changing one end may leave the range still holding.
    .filter((f) => !/^\s*(?:to|or)\s+\d/.test(s.slice(f.at + f.text.length)));
}

function replaceAt(s: string, at: number, len: number, by: string): string {
  return s.slice(0, at) + by + s.slice(at + len);
}

/** A different figure, far enough out of any rounding: at least 30% and 2 away. */
function changeNumber(s: string, rng: Rng): string | null {
  const f = figures(s);
  if (f.length) {
    const x = pick(rng, f);
    const delta = Math.max(2, Math.round(x.value * (0.3 + rng() * 0.5)));
    return replaceAt(s, x.at, x.text.length, fmt(x.value + delta, x.text));
  }
  const w = [...s.matchAll(WORD_FIGURE)].filter((m) => !insideQuote(s, m.index));
  if (!w.length) return null;
  const m = pick(rng, w);
  const i = WORDS.indexOf((m[1] as string).toLowerCase());
  const to = WORDS[(i + 2 + Math.floor(rng() * 3)) % WORDS.length] as string;
  return replaceAt(s, m.index, m[0].length, /^\p{Lu}/u.test(m[0]) ? to[0]?.toUpperCase() + to.slice(1) : to);
}

function changeName(names: readonly string[], s: string, rng: Rng): string | null {
  const found = names.filter((n) => new RegExp(`\\b${n}\\b`).test(s));
  if (!found.length) return null;
  const from = pick(rng, found);
  const to = pick(rng, names.filter((n) => n !== from));
  return s.replace(new RegExp(`\\b${from}\\b`), to);
}

/** The last name before "said"/"told" ("Smith said", "police spokesman John Smith told") becomes another. */
function changeSpeaker(s: string, rng: Rng): string | null {
  const m = /\b([A-Z][a-z]{2,})\s+(?:said|told|says)\b/.exec(s);
  if (!m || /^(?:He|She|They|It|Police|Officials|The)$/.test(m[1] as string)) return null;
  const to = pick(rng, ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Abernathy']);
  return s.slice(0, m.index) + to + s.slice(m.index + (m[1] as string).length);
}

function changeOutlet(s: string, rng: Rng): string | null {
  const m = new RegExp(`\\btold (${OUTLETS.join('|')})\\b`).exec(s);
  if (!m) return null;
  const to = pick(rng, OUTLETS.filter((o) => o !== m[1]));
  return s.replace(m[0], `told ${to}`);
}

function negate(s: string): string | null {
  const m = /\b(was|were|is|are|has|have|had|did|will|would|could)\s+(?!not\b|never\b|n't\b)/.exec(s);
  return m ? replaceAt(s, m.index, m[0].length, `${m[1]} not `) : null;
}

const REWORDS: [RegExp, string][] = [
  [/\bsaid\b/, 'stated'],
  [/\bbegan\b/, 'started'],
  [/\bbig\b/, 'large'],
  [/\bquickly\b/, 'rapidly'],
  [/\bhelp\b/, 'assist'],
];

function reword(s: string, rng: Rng): string | null {
  const fits = REWORDS.filter(([re]) => re.test(s));
  if (!fits.length) return null;
  const [re, by] = pick(rng, fits);
  return s.replace(re, by);
}

/** "On Sunday, police said ..." -> "Police said ... on Sunday." */
function reorder(s: string): string | null {
  const m = /^((?:On|In|At|After|During|Earlier|Later)\b[^,]{2,40}),\s+(\p{Ll}|\p{Lu})(.*?)([.!?])$/u.exec(s.trim());
  if (!m) return null;
  const lead = (m[1] as string).charAt(0).toLowerCase() + (m[1] as string).slice(1);
  return `${(m[2] as string).toUpperCase()}${m[3] as string} ${lead}${m[4] as string}`;
}

function digitsForWords(s: string): string | null {
  const w = [...s.matchAll(WORD_FIGURE)].filter((m) => !insideQuote(s, m.index));
  if (w.length) {
    const m = w[0] as RegExpMatchArray;
    return replaceAt(s, m.index ?? 0, m[0].length, String(WORDS.indexOf((m[1] as string).toLowerCase()) + 2));
  }
  const f = figures(s).find((x) => x.value >= 2 && x.value <= 12 && !x.text.includes(','));
  return f ? replaceAt(s, f.at, f.text.length, WORDS[f.value - 2] as string) : null;
}

/** "3,412 residents" -> "about 3,400 residents": rounded to two significant digits, within 10%. */
function round(s: string): string | null {
  const f = figures(s).find((x) => x.value >= 120 && !/(?:about|around|some|nearly|almost|more than|over|at least)\s*$/i.test(s.slice(0, x.at)));
  if (!f) return null;
  const step = 10 ** (String(f.value).length - 2);
  const r = Math.round(f.value / step) * step;
  return r === f.value ? null : replaceAt(s, f.at, f.text.length, `about ${fmt(r, f.text)}`);
}

/** "12 people" -> "more than 9 people": a lower bound the figure keeps. */
function compatibleBound(s: string): string | null {
  const f = figures(s).find((x) => x.value >= 5 && !/(?:about|around|some|nearly|almost|more than|over|at least|up to)\s*$/i.test(s.slice(0, x.at)));
  if (!f) return null;
  return replaceAt(s, f.at, f.text.length, `more than ${fmt(Math.floor(f.value * 0.8), f.text)}`);
}

export const EDITS: readonly Edit[] = [
  { name: 'number changed', expects: 'number', apply: changeNumber },
  { name: 'weekday changed', expects: 'date', apply: (s, rng) => changeName(WEEKDAYS, s, rng) },
  { name: 'month changed', expects: 'date', apply: (s, rng) => changeName(MONTHS, s, rng) },
  { name: 'negation added', expects: 'polarity', apply: negate },
  { name: 'speaker changed', expects: 'attribution', apply: changeSpeaker },
  { name: 'outlet changed', expects: 'attribution', apply: changeOutlet },
  { name: 'reworded', expects: null, apply: reword },
  { name: 'clauses reordered', expects: null, apply: reorder },
  { name: 'digits for words', expects: null, apply: digitsForWords },
  { name: 'rounded', expects: null, apply: round },
  { name: 'compatible bound', expects: null, apply: compatibleBound },
];
