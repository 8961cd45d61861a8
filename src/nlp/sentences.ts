import type { Span } from '../model/span.js';
import type { Sentence } from './types.js';
import { lexicons } from './lexicons.js';

/**
 * Sentence boundaries within paragraphs: after . ! ? … (and closing marks or brackets after them)
 * when the next word can start a sentence, never inside a quotation (the scanner's quote extents are
 * passed in as `protectedSpans`), never after an abbreviation (Mr., U.S. before a lower-case or name
 * word, No. before a number) or an initial (Anna K. Berg). A paragraph without final punctuation is
 * one sentence marked as a headline.
 */

const TERMINAL = /[.!?\u2026]+["'\u201D\u2019)\]]*(?=\s+|$)/g;
const ENDS_WITH_TERMINAL = /[.!?\u2026:;"'\u201D\u2019)\]]$/;
/** A headline-like line is short; longer unpunctuated lines are still prose (lists, captions). */
const HEADLINE_MAX_WORDS = 30;

function wordBefore(text: string, end: number, lo: number): string {
  let s = end;
  while (s > lo && /[\p{L}\p{N}.'’-]/u.test(text[s - 1] ?? '')) s--;
  return text.slice(s, end);
}

function isBoundary(text: string, dotAt: number, nextStart: number, lo: number, hi: number): boolean {
  const lex = lexicons();
  const next = text[nextStart];
  if (nextStart >= hi || next === undefined) return false;
  // The next sentence starts with a capital, digit, opening mark or bracket.
  if (!/[\p{Lu}\p{N}"'\u201C\u2018([\u00AB\u2014-]/u.test(next)) return false;
  if (text[dotAt] !== '.' || text[dotAt - 1] === '.') return true;
  const word = wordBefore(text, dotAt, lo);
  const bare = word.replace(/^[^\p{L}\p{N}]+/u, '');
  const nextWord = /^[\p{L}\p{N}]+/u.exec(text.slice(nextStart, nextStart + 30))?.[0] ?? '';
  if (lex.abbreviations.has(bare)) return false;
  if (lex.abbreviationsBeforeNumber.has(bare) && /^\d/.test(nextWord)) return false;
  // A single capital letter before the dot is an initial (K. Berg).
  if (/^\p{Lu}$/u.test(bare)) return false;
  // A day written as an ordinal before its month ("am 9. Juli") does not end the sentence.
  if (lex.calendar.ordinalDay === true && /^\d{1,2}$/.test(bare) && lex.calendar.months.includes(nextWord.toLowerCase())) return false;
  // Dotted initialisms (U.S., a.m.) end a sentence only before a word that typically starts one.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare)) return lex.functionWords.has(nextWord.toLowerCase());
  return true;
}

export function splitSentences(text: string, paragraphs: Span[], protectedSpans: Span[]): Sentence[] {
  const out: Sentence[] = [];
  const prot = [...protectedSpans].sort((a, b) => a.start - b.start);
  let pi = 0;
  paragraphs.forEach((para, paragraph) => {
    const chunk = text.slice(para.start, para.end);
    if (!ENDS_WITH_TERMINAL.test(chunk) && !/[.!?]\s/.test(chunk) && chunk.split(/\s+/).length <= HEADLINE_MAX_WORDS) {
      out.push({ start: para.start, end: para.end, paragraph, headline: true });
      return;
    }
    while (pi < prot.length && (prot[pi]?.end ?? 0) <= para.start) pi++;
    let start = para.start;
    TERMINAL.lastIndex = 0;
    for (let m = TERMINAL.exec(chunk); m; m = TERMINAL.exec(chunk)) {
      const dotAt = para.start + m.index;
      const markEnd = dotAt + m[0].length;
      let nextStart = markEnd;
      while (nextStart < para.end && /\s/.test(text[nextStart] ?? '')) nextStart++;
      if (nextStart >= para.end) break;
      // Inside a quotation (marks included): no boundary. A quote closing right here does not protect.
      while (pi < prot.length && (prot[pi]?.end ?? 0) <= dotAt) pi++;
      let inside = false;
      for (let k = pi; k < prot.length; k++) {
        const q = prot[k];
        if (!q || q.start >= markEnd) break;
        if (q.end > markEnd) {
          inside = true;
          break;
        }
      }
      if (inside) continue;
      const lastTerminal = dotAt + m[0].search(/[.!?\u2026][^.!?\u2026]*$/);
      if (!isBoundary(text, lastTerminal, nextStart, para.start, para.end)) continue;
      out.push({ start, end: markEnd, paragraph, headline: false });
      start = nextStart;
    }
    out.push({ start, end: para.end, paragraph, headline: false });
  });
  return out;
}
