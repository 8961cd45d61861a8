import type { Article } from '../model/article.js';
import type { Span } from '../model/span.js';

/**
 * Paragraphs of an article's prose: the stretches between line breaks, with boilerplate cut out and
 * white space trimmed. News text puts one paragraph per line; a hard-wrapped text (lines broken at a
 * fixed width, paragraphs separated by blank lines) is detected and split at blank lines only.
 */

/** A line counts as wrapped when it is at least this long and does not end a sentence. */
const WRAP_MIN_LINE = 50;
/** Share of wrapped-looking lines (among lines followed by a non-blank line) that marks a hard-wrapped text. */
const WRAP_SHARE = 0.5;

export function proseRegions(article: Pick<Article, 'text' | 'boilerplate'>): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const b of article.boilerplate) {
    if (b.start > at) out.push({ start: at, end: b.start });
    at = Math.max(at, b.end);
  }
  if (at < article.text.length) out.push({ start: at, end: article.text.length });
  return out;
}

function isHardWrapped(text: string): boolean {
  const lines = text.split('\n');
  let candidates = 0;
  let wrapped = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = (lines[i] ?? '').trimEnd();
    const next = (lines[i + 1] ?? '').trim();
    if (!line || !next) continue;
    candidates++;
    if (line.length >= WRAP_MIN_LINE && !/[.!?:"”’)\]]$/.test(line)) wrapped++;
  }
  return candidates >= 3 && wrapped / candidates >= WRAP_SHARE;
}

const LINE_BREAK = /\r?\n/g;
const BLANK_LINE = /\r?\n[ \t]*\r?\n/g;

export function splitParagraphs(article: Pick<Article, 'text' | 'boilerplate'>): Span[] {
  const { text } = article;
  const breaker = isHardWrapped(text) ? BLANK_LINE : LINE_BREAK;
  const out: Span[] = [];
  for (const region of proseRegions(article)) {
    let at = region.start;
    const chunk = text.slice(region.start, region.end);
    breaker.lastIndex = 0;
    const push = (s: number, e: number): void => {
      while (s < e && /\s/.test(text[s] ?? '')) s++;
      while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
      if (e > s) out.push({ start: s, end: e });
    };
    for (let m = breaker.exec(chunk); m; m = breaker.exec(chunk)) {
      push(at, region.start + m.index);
      at = region.start + m.index + m[0].length;
    }
    push(at, region.end);
  }
  return out;
}
