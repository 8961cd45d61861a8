import type { BoilerplateSpan } from '../model/article.js';
import { trimSpan, type Span } from '../model/span.js';
import { readLexicon } from './lexicon.js';

// Marks non-article lines inside an article's text (ad slots, teasers, share prompts, tag lists,
// photo credits, embedded social posts). Lines are marked whole and never deleted: every span later
// stages produce still indexes the original text. A line is junk only when a lexicon pattern matches
// the entire trimmed line, so prose that merely mentions "read more" or "share" stays prose.

/** Longer lines are prose whatever they start with: junk lines are short (captions are the longest). */
const MAX_JUNK_LINE_WORDS = 60;
/** An embedded post's text line (before its "— Name (@handle) date" line) is at most a tweet long. */
const MAX_POST_TEXT_WORDS = 60;
/** Lines after the "— Name (@handle) date" line still part of the embed (quoted post, picture link). */
const MAX_POST_TRAILING_LINES = 3;
/** A section teaser at the end of an article ("Our Must See Stories") is a short label. */
const MAX_TEASER_WORDS = 6;
/** A section label inside an article ("NEW RULES") is a crosshead: a few words, never a sentence. */
const MAX_LABEL_WORDS = 5;
/** A byline ("By Jane Doe and John Roe, Staff Reporters") names a few people and perhaps a desk. */
const MAX_BYLINE_WORDS = 12;

interface LineLexicon {
  [reason: string]: string[] | string | Record<string, string[] | string>;
}

interface Line extends Span {
  /** The trimmed line. */
  value: string;
}

let compiled: { reason: string; patterns: RegExp[] }[] | undefined;
function rules(): { reason: string; patterns: RegExp[] }[] {
  compiled ??= Object.entries(readLexicon<LineLexicon>('boilerplate-lines.json'))
    .filter((e): e is [string, string[]] => Array.isArray(e[1]))
    .map(([reason, patterns]) => ({ reason, patterns: patterns.map((p) => new RegExp(p, 'iu')) }));
  return compiled;
}

let trailing: { reason: string; patterns: RegExp[] }[] | undefined;
/** Patterns of a non-prose mark ending a prose line ("(c) Name"); group 'mark' is what is marked. */
function trailingRules(): { reason: string; patterns: RegExp[] }[] {
  // Read and compiled once: this runs for every line of every article (the file was read per line).
  if (trailing) return trailing;
  const groups = readLexicon<LineLexicon>('boilerplate-lines.json')['trailingSpans'];
  trailing = Object.entries(typeof groups === 'object' && !Array.isArray(groups) ? groups : {})
    .filter((e): e is [string, string[]] => Array.isArray(e[1]))
    .map(([reason, patterns]) => ({ reason, patterns: patterns.map((p) => new RegExp(p, 'iu')) }));
  return trailing;
}

/** Words that name a section of teasers at an article's end ("Must See Stories", "More Videos"). */
const TEASER_NOUNS = /\b(?:stories|news|videos|articles|reads|headlines|picks|posts|galleries|links|coverage|podcasts)\b/iu;
const HANDLE_DATE_LINE = /^[—–-]\s*.{1,80}\(@\w{1,30}\)\s+\p{L}{3,9}\.? \d{1,2}, \d{4}\W*$/u;
const PICTURE_LINK = /\bpic\.twitter\.com\/\w+|\bt\.co\/\w+/iu;
const SENTENCE_END = /[.!?:;"”’»)]$/u;
/** A line of prose that ends a sentence (what a crosshead follows). */
const PROSE_END = /[.!?:"”’»)]$/u;
/** Capitals only (at least one word of three letters), no quotation marks: a label, not a sentence. */
const CAPITALS_LABEL = /^(?=.*\p{Lu}{3})[\p{Lu}\p{N}][\p{Lu}\p{N}\s&,'’/-]*$/u;
/** "By" and capitalised names (particles such as "de la" inside), joined by "and", commas or bars. */
const NAME = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:of|the|de|van|von|al|bin|da|du|la|le)\s+)*\p{Lu}[\p{L}.'’-]*)*`;
const BYLINE = new RegExp(String.raw`^By\s+${NAME}(?:\s*(?:,|&|\band\b|\||[–—-])\s*${NAME})*$`, 'u');

/** Words in s, counting no further than `limit` + 1 (callers only compare against a limit). */
function wordCount(s: string, limit = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord && ++n > limit) return n;
    inWord = !space;
  }
  return n;
}

/** The non-empty lines of text[from, to), each trimmed, with their offsets into text. */
export function linesOf(text: string, from = 0, to = text.length): Line[] {
  const out: Line[] = [];
  let at = from;
  while (at < to) {
    let nl = text.indexOf('\n', at);
    if (nl < 0 || nl > to) nl = to;
    const span = trimSpan(text, { start: at, end: nl });
    if (span.end > span.start) out.push({ ...span, value: text.slice(span.start, span.end) });
    at = nl + 1;
  }
  return out;
}

/** The reason a single line is junk on its own, or null when it may be prose. */
export function junkReason(line: string): string | null {
  const value = line.trim();
  if (!value || wordCount(value, MAX_JUNK_LINE_WORDS) > MAX_JUNK_LINE_WORDS) return null;
  for (const { reason, patterns } of rules()) if (patterns.some((p) => p.test(value))) return reason;
  return null;
}

/**
 * Marks junk lines of text[from, to) (default: all of it). Returns spans covering each junk line
 * without its surrounding white space, each with the reason it was marked.
 */
export function markBoilerplateLines(text: string, from = 0, to = text.length): BoilerplateSpan[] {
  const lines = linesOf(text, from, to);
  const reasons: (string | null)[] = lines.map((l) => junkReason(l.value));

  // Embedded social posts: the post's text sits just before its "— Name (@handle) date" line, and a
  // quoted post or picture link may follow it.
  lines.forEach((line, i) => {
    if (!HANDLE_DATE_LINE.test(line.value)) return;
    reasons[i] = 'social-post';
    const before = lines[i - 1];
    if (before && reasons[i - 1] === null && wordCount(before.value) <= MAX_POST_TEXT_WORDS) reasons[i - 1] = 'social-post';
    for (let j = i + 1; j <= i + MAX_POST_TRAILING_LINES && j < lines.length; j++) {
      if (!PICTURE_LINK.test(lines[j]?.value ?? '')) continue;
      for (let k = i + 1; k <= j; k++) if (wordCount(lines[k]?.value ?? '') <= MAX_POST_TEXT_WORDS) reasons[k] ??= 'social-post';
      break;
    }
  });

  markLabelsAndBylines(lines, reasons);

  // Section teasers closing an article: short labels with no sentence punctuation naming a list
  // of stories. Only at the very end, so crossheads inside the article stay prose.
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (!line) break;
    if (reasons[i] !== null) continue;
    const v = line.value;
    if (wordCount(v) <= MAX_TEASER_WORDS && !SENTENCE_END.test(v) && TEASER_NOUNS.test(v)) reasons[i] = 'section-teaser';
    else break;
  }

  const out: BoilerplateSpan[] = [];
  lines.forEach((line, i) => {
    const reason = reasons[i];
    if (reason) out.push({ start: line.start, end: line.end, reason });
    else {
      const mark = trailingMark(line);
      if (mark) out.push(mark);
    }
  });
  return out;
}

/** A copyright or credit mark ending a prose line, as a span of its own (the sentence before stays prose). */
function trailingMark(line: Line): BoilerplateSpan | null {
  for (const { reason, patterns } of trailingRules()) {
    for (const p of patterns) {
      const m = p.exec(line.value);
      const mark = m?.groups?.['mark'];
      if (m && mark) return { start: line.end - mark.length, end: line.end, reason };
    }
  }
  return null;
}

/**
 * Crossheads in capitals ("NEW RULES") and bylines ("By Jane Doe, Staff Reporter"), on lines of their
 * own. A crosshead follows a finished sentence, so a headline in capitals (the first line, or after a
 * date line) is never taken for one.
 */
function markLabelsAndBylines(lines: Line[], reasons: (string | null)[]): void {
  let previous: string | null = null;
  lines.forEach((line, i) => {
    if (reasons[i] !== null) return;
    const words = wordCount(line.value, MAX_BYLINE_WORDS);
    if (previous !== null && PROSE_END.test(previous) && words <= MAX_LABEL_WORDS && CAPITALS_LABEL.test(line.value)) reasons[i] = 'section-label';
    else if (words <= MAX_BYLINE_WORDS && BYLINE.test(line.value)) reasons[i] = 'byline';
    else previous = line.value;
  });
}
