import type { DateMention, NumberMention, Sentence } from './types.js';
import { lexicons } from './lexicons.js';
import { tokenize } from './tokens.js';

/**
 * Quantities with their units normalised: "10 per cent" = "10%" (10, "%"), "$20 billion"
 * (20000000000, "USD"), "23.4 million" (23400000), "79-year-old" (79, "age"), "thousands of"
 * (vague, order of magnitude 1000). Numbers inside a date expression are the date's, not counts.
 */

interface Compiled {
  re: RegExp;
  scales: Record<string, number>;
}

let compiled: Compiled | null = null;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(): Compiled {
  if (compiled) return compiled;
  const u = lexicons().units;
  const signs = Object.keys(u.currencySigns).sort((a, b) => b.length - a.length).map(escape).join('|');
  const scales = Object.keys(u.scales).sort((a, b) => b.length - a.length).map(escape).join('|');
  const percent = u.percent.slice().sort((a, b) => b.length - a.length).map(escape).join('|');
  const currencyWords = Object.keys(u.currencyWords).sort((a, b) => b.length - a.length).map(escape).join('|');
  const unitWords = Object.keys(u.units).sort((a, b) => b.length - a.length).map(escape).join('|');
  const words = Object.keys(u.numberWords).filter((w) => !w.includes(' ')).sort((a, b) => b.length - a.length).join('|');
  const vague = [...lexicons().vague.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');
  // One pattern, alternatives in order of specificity; named groups say which matched.
  const re = new RegExp(
    [
      `(?<age>\\b(?<ageN>\\d{1,3})-year-old\\b)`,
      `(?<money>(?<sign>${signs})\\s?(?<moneyN>\\d[\\d,]*(?:\\.\\d+)?)(?:\\s?(?<moneyScale>${scales})\\b)?)`,
      `(?<num>(?<![\\w.,])(?<numN>\\d[\\d,]*(?:\\.\\d+)?|${words})(?:\\s?(?<numScale>${scales})\\b)?(?:\\s?(?<pct>${percent})|\\s(?<cur>${currencyWords})\\b|\\s(?<unit>${unitWords})\\b)?)`,
      `(?<vague>\\b(?:${vague})\\b(?=\\s+of\\b|\\s+\\w))`,
    ].join('|'),
    'iuy',
  );
  compiled = { re, scales: u.scales };
  return compiled;
}

const DIGIT_OR_SIGN = /[0-9$\u20AC\u00A3\u00A5\u20BD\u20B9]/;
let triggers: Set<string> | null = null;

/** First words of number words and vague quantities. */
function triggerWords(): Set<string> {
  if (triggers) return triggers;
  const lex = lexicons();
  triggers = new Set([...Object.keys(lex.units.numberWords), ...lex.vague.keys()].map((w) => w.split(' ')[0] ?? w));
  return triggers;
}

/** Offsets in `chunk` where a quantity may start: currency signs, digits opening a word, trigger words. */
function candidateStarts(chunk: string, text: string, from: number, to: number, triggers: Set<string>): number[] {
  const out: number[] = [];
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk.charCodeAt(i);
    const isDigit = c >= 48 && c <= 57;
    if (isDigit && i > 0 && /[0-9A-Za-z.,]/.test(chunk.charAt(i - 1))) continue;
    if (isDigit || SIGN_START.test(chunk.charAt(i))) out.push(i);
  }
  for (const t of tokenize(text, from, to)) if (triggers.has(t.lower)) out.push(t.start - from);
  return out.sort((a, b) => a - b);
}

/** Characters a currency amount can start with ($, €, £, ¥, ₽, ₹, and the U of US$, C/A of C$/A$). */
const SIGN_START = /[$\u20AC\u00A3\u00A5\u20BD\u20B9UCA]/;

function scaleOf(scales: Record<string, number>, k: string | undefined): number {
  return k ? (scales[k.toLowerCase()] ?? 1) : 1;
}

function parseNumber(s: string): number | null {
  const lex = lexicons();
  const w = lex.units.numberWords[s.toLowerCase()];
  if (w !== undefined) return w;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

export function findNumbers(text: string, sentences: Sentence[], dates: DateMention[]): NumberMention[] {
  const { re, scales } = compile();
  const lex = lexicons();
  const out: NumberMention[] = [];
  const inDate = (s: number, e: number): boolean => dates.some((d) => d.start < e && s < d.end);
  const triggers = triggerWords();
  for (const sentence of sentences) {
    const chunk = text.slice(sentence.start, sentence.end);
    // Skip sentences with no digit, currency sign, number word or vague quantity (most of them).
    if (!DIGIT_OR_SIGN.test(chunk) && !tokenize(text, sentence.start, sentence.end).some((t) => triggers.has(t.lower))) continue;
    // The pattern is sticky: it is tried only where a quantity can start (a word with a digit, a
    // currency sign, a number word or a vague quantity), not at every character.
    let covered = 0;
    for (const at of candidateStarts(chunk, text, sentence.start, sentence.end, triggers)) {
      if (at < covered) continue;
      re.lastIndex = at;
      const m = re.exec(chunk);
      if (!m) continue;
      covered = at + m[0].length;
      const g = m.groups ?? {};
      let raw = m[0];
      // Do not keep a trailing space or dot the alternatives may end on.
      raw = raw.replace(/[\s.]+$/, '');
      const start = sentence.start + m.index;
      const end = start + raw.length;
      if (!raw || inDate(start, end)) continue;
      let value: number | null = null;
      let unit: string | null = null;
      let vague = false;
      let magnitude: number | undefined;
      if (g['age']) {
        value = Number(g['ageN']);
        unit = 'age';
      } else if (g['money']) {
        const n = parseNumber(g['moneyN'] ?? '');
        value = n === null ? null : n * scaleOf(scales, g['moneyScale']);
        unit = lex.units.currencySigns[g['sign'] ?? ''] ?? null;
      } else if (g['num']) {
        const numText = g['numN'] ?? '';
        const isWord = /^\p{L}/u.test(numText);
        // A bare number word ("one", "ten") is only a quantity with a unit after it.
        if (isWord && !g['pct'] && !g['cur'] && !g['unit'] && !g['numScale']) continue;
        const n = parseNumber(numText);
        value = n === null ? null : n * scaleOf(scales, g['numScale']);
        if (g['pct']) unit = /point/i.test(g['pct']) ? 'pp' : '%';
        else if (g['cur']) unit = lex.units.currencyWords[g['cur'].toLowerCase()] ?? null;
        else if (g['unit']) unit = lex.units.units[g['unit'].toLowerCase()] ?? null;
      } else if (g['vague']) {
        vague = true;
        const mag = lex.vague.get(raw.toLowerCase());
        if (typeof mag === 'number') magnitude = mag;
      }
      const mention: NumberMention = { start, end, text: text.slice(start, end), value, unit, vague };
      if (magnitude !== undefined) mention.magnitude = magnitude;
      out.push(mention);
    }
  }
  return out;
}
