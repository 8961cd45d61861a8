import type { Span } from '../../model/span.js';

/** A token of a sentence as the measurement reader sees it: a word, a number, a sign or punctuation. */
export interface QToken extends Span {
  text: string;
  lower: string;
  kind: 'word' | 'number' | 'sign' | 'punct';
  /** Joined to the token before by a hyphen ("60-year-old" -> 60, year, old), so one word in print. */
  joined: boolean;
}

// Numbers: "3,400", "20, 000" (a thousands group after a comma and a space, as some wire copy prints
// it; only "000" so that "May 5, 300 people" stays two numbers), "5.4"; a scale or unit stuck to the
// figure ("41bn", "74million") is split off as its own word.
// eslint-disable-next-line security/detect-unsafe-regex -- each repeated group starts with a fixed comma, so no two repetitions can match the same characters: no backtracking blow-up
const TOKEN = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:, 000)+|\d+(?:\.\d+)?)|(US\$|C\$|A\$|[$€£¥₹%])|([\p{L}][\p{L}'’]*)|(-)|([^\s\p{L}\p{N}])/gu;

const URL = /\b(?:https?:\/\/|www\.)\S+/gi;

export function quantityTokens(text: string, span: Span): QToken[] {
  const body = text.slice(span.start, span.end);
  // Figures inside a web address ("?cat=14", "/2011/01/05/") are not quantities.
  const urls = [...body.matchAll(URL)].map((m) => [m.index, m.index + m[0].length] as const);
  const inUrl = (i: number): boolean => urls.some(([a, b]) => i >= a && i < b);
  const out: QToken[] = [];
  let hyphen = false;
  let lastEnd = -1;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(body); m; m = TOKEN.exec(body)) {
    const start = span.start + m.index;
    if (inUrl(m.index)) continue;
    if (m[4]) {
      hyphen = start === lastEnd;
      continue;
    }
    const kind = m[1] ? 'number' : m[2] ? 'sign' : m[3] ? 'word' : 'punct';
    const joined = hyphen && start === lastEnd + 1;
    out.push({ start, end: start + m[0].length, text: m[0], lower: m[0].toLowerCase(), kind, joined });
    hyphen = false;
    lastEnd = start + m[0].length;
  }
  return out;
}

/** Lower-case words from token `i` on, `n` of them, joined by spaces (for multi-word lexicon phrases). */
export function phraseAt(tokens: QToken[], i: number, n: number): string | null {
  const words = tokens.slice(i, i + n);
  if (words.length < n || words.some((t) => t.kind === 'punct')) return null;
  return words.map((t) => t.lower).join(' ');
}
