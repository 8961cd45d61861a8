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
const WORD_RE = /[\p{L}\p{N}](?:[\p{L}\p{N}'’\-.&*]*[\p{L}\p{N}*])?/gu;
const INITIALISM = /^(?:\p{L}\.)+\p{L}$/u;

/** Words of text[start, end). Dotted initialisms keep their final dot (U.S.), other words do not. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  WORD_RE.lastIndex = start;
  for (let m = WORD_RE.exec(text); m && m.index < end; m = WORD_RE.exec(text)) {
    const s = m.index;
    let e = Math.min(m.index + m[0].length, end);
    let w = text.slice(s, e);
    if (text[e] === '.' && e < end && (INITIALISM.test(w) || /^(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Gen|Gov|Sen|Rep|Lt|Col|Prof|Rev|Capt|Sgt|Adm)$/.test(w))) {
      e++;
      w += '.';
    }
    let possessive = false;
    let lower = w.toLowerCase();
    const poss = /['’]s$/i.exec(w);
    if (poss && w.length > 2) {
      possessive = true;
      lower = lower.slice(0, -2);
    }
    out.push({ start: s, end: e, text: w, lower, cap: /^\p{Lu}/u.test(w), possessive });
  }
  return out;
}

/** Text between two tokens contains only white space. */
export function adjacent(text: string, a: Span, b: Span): boolean {
  for (let i = a.end; i < b.start; i++) if (!/\s/.test(text[i] ?? '')) return false;
  return true;
}
