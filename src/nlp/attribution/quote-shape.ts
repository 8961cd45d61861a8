import type { Sentence } from '../types.js';
import { lexicons } from '../lexicons.js';
import { tokenize } from '../tokens.js';
import type { Cue } from './cues.js';
import type { SieveContext } from './context.js';
import { isTitleCase, OUTER_START, type Working } from './working.js';

/** Up to this many words, a quoted phrase with no speech cue is a scare quote, title or nickname. */
export const SCARE_MAX_WORDS = 4;
/** Up to this many words, a quoted stretch in title case is a title rather than speech. */
const TITLE_MAX_WORDS = 6;
/** Censoring (sh*t, s**t, f---), an insertion ([the minister]) or an elision (…, ...). */
const CENSORED = /[A-Za-z\u00C0-\u024F]\*+|\b[A-Za-z]-{2,}|\[[^\]]*\]|\u2026|\.\.\./;
/** A word as counted in a quote (letters and digits, with inner apostrophes or censoring stars). */
// eslint-disable-next-line security/detect-unsafe-regex -- no failing suffix: the match ends wherever the repetition stops, so it never backtracks through the choices
const WORD_OF_QUOTE = /[0-9A-Za-z\u00C0-\u024F\u0370-\u1FFF\u2C00-\uD7FF]+(?:['’*][0-9A-Za-z\u00C0-\u024F*]+)*/g;

export function wordCount(text: string, q: Working): number {
  let n = 0;
  for (const p of q.parts) n += (text.slice(p.start, p.end).match(WORD_OF_QUOTE) ?? []).length;
  return n;
}

export const isCensored = (content: string): boolean => CENSORED.test(content);

/** A few quoted words inside a sentence, not a whole clause. */
export function isPartial(content: string, words: number): boolean {
  return words <= SCARE_MAX_WORDS + 4 && /^\p{Ll}/u.test(content) ? true : words <= SCARE_MAX_WORDS && !/[.!?]$/.test(content);
}

export interface Attributed {
  speaker: string | null;
  cue: Cue | null;
  /** The cue follows the quote (`"Arrogant," he said`), so a title-case quote is still speech. */
  cueAfter: boolean;
  sentence: Sentence;
}

/** Is quote `q` speech, or a scare quote, a nickname or a title ("Face the Nation") to leave out? */
export function isSpeech(c: SieveContext, q: Working, lo: number, a: Attributed): boolean {
  const { text } = c;
  const content = text.slice(q.parts[0]?.start ?? 0, q.parts.at(-1)?.end ?? 0);
  const words = wordCount(text, q);
  if (words === 0) return false;
  const introduced = /[,:]\s*$/.test(text.slice(Math.max(0, OUTER_START(q) - 3), OUTER_START(q)));
  const hasCue = a.cue !== null || /:\s*$/.test(text.slice(Math.max(lo, OUTER_START(q) - 3), OUTER_START(q)));
  // Scare quotes, titles and nicknames: a few quoted words with no speech cue anywhere near.
  if (words <= SCARE_MAX_WORDS && !hasCue && !a.speaker) {
    const anyVerb = tokenize(text, a.sentence.start, a.sentence.end).some((t) => lexicons().speechVerbs.has(t.lower) && !c.insideQuote(t.start));
    if (!anyVerb || !/[.!?,]$/.test(content)) return false;
  }
  // Titles of shows, books and ads: short, in title case, not introduced as speech.
  const spoken = (a.cue !== null && a.cue.index === 0) || introduced || a.cueAfter;
  return !(words <= TITLE_MAX_WORDS && isTitleCase(content) && !spoken);
}

