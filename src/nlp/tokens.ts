import type { Span } from '../model/span.js';

/** A word with its place in the article's text. */
export interface Token extends Span {
  text: string;
  /** Lower-case form with a possessive 's / ’s removed. */
  lower: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** The word carries a possessive ('s, ’s, s'). */
  possessive: boolean;
}

// Letters/digits with inner apostrophes, hyphens, dots, ampersands and censoring stars (sh*t).
// Letter and digit ranges spelled out: Unicode property classes (\p{L}) make this regex 5x slower.
// Latin, Greek/Cyrillic/Armenian/Hebrew/Arabic/Indic..., and the CJK and other scripts above U+2C00.
const W = '0-9A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02AF\\u0370-\\u1FFF\\u2C00-\\uD7FF\\uF900-\\uFDFF\\uFE70-\\uFEFF\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A';
const WORD_RE = new RegExp(`[${W}](?:[${W}'’\\-.&*]*[${W}*])?`, 'g');
const INITIALISM = /^(?:[A-Za-z]\.)+[A-Za-z]$/;
const DOTTED_TITLE = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Jr', 'Sr', 'St', 'Gen', 'Gov', 'Sen', 'Rep', 'Lt', 'Col', 'Prof', 'Rev', 'Capt', 'Sgt', 'Adm']);

/**
 * The passes ask for the words of many overlapping ranges of one article; the article is tokenized
 * once and ranges are cut from that (the last article's tokens are kept).
 */
let cacheText: string | null = null;
let cacheTokens: Token[] = [];

function allTokens(text: string): Token[] {
  if (cacheText !== text) {
    cacheTokens = scan(text, 0, text.length);
    cacheText = text;
  }
  return cacheTokens;
}

/** Index of the first token starting at or after `pos`. */
function firstAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Words lying wholly inside text[start, end). Dotted initialisms keep their final dot (U.S.), other words do not. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens = allTokens(text);
  const from = firstAt(tokens, start);
  let to = from;
  while (to < tokens.length && (tokens[to] as Token).end <= end) to++;
  return tokens.slice(from, to);
}

function scan(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  WORD_RE.lastIndex = start;
  for (let m = WORD_RE.exec(text); m && m.index < end; m = WORD_RE.exec(text)) {
    const s = m.index;
    let e = Math.min(m.index + m[0].length, end);
    let w = e === m.index + m[0].length ? m[0] : text.slice(s, e);
    if (e < end && text.charCodeAt(e) === 46 /* . */ && (DOTTED_TITLE.has(w) || (w.length >= 3 && w.charCodeAt(1) === 46 && INITIALISM.test(w)))) {
      e++;
      w += '.';
    }
    let lower = w.toLowerCase();
    const n = w.length;
    // A final 's after an apostrophe marks a possessive (or a contraction: he's).
    const possessive = n > 2 && (lower.charCodeAt(n - 1) === 115 /* s */) && (w.charCodeAt(n - 2) === 39 || w.charCodeAt(n - 2) === 0x2019);
    if (possessive) lower = lower.slice(0, -2);
    const c = w.charAt(0);
    out.push({ start: s, end: e, text: w, lower, cap: c !== c.toLowerCase() && c === c.toUpperCase(), possessive });
  }
  return out;
}

/** Text between two tokens contains only white space. */
export function adjacent(text: string, a: Span, b: Span): boolean {
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 160) return false;
  }
  return true;
}
