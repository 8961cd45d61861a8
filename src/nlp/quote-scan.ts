import type { Span } from '../model/span.js';
import { keepWithParents } from '../model/keep-with-parents.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEXICON_DIR } from './lexicons.js';

/**
 * Finds quotations by their marks: straight, curly, low-9, guillemets, double and single, nested,
 * running over several paragraphs (a paragraph opening with a mark continues a quote left open), and
 * tolerant of the slips real news text makes (an inner quote never closed, a curly quote closed by a
 * straight one). Attribution is a later pass; this one only pairs marks.
 */

export type QuoteKind = 'double' | 'single';

export interface ScannedQuote {
  /** Content parts (without marks), one per paragraph the quote runs over, trimmed. */
  parts: Span[];
  open: Span | null;
  close: Span | null;
  kind: QuoteKind;
  /** Index of the enclosing quote in the returned list, or null at top level. */
  parent: number | null;
  /** Paragraph index of the first part. */
  paragraph: number;
}

interface Mark {
  at: number;
  /** Characters of the mark: 2 for the doubled apostrophes some archives use for double quotes (''). */
  len: number;
  kind: QuoteKind;
  canOpen: boolean;
  canClose: boolean;
  /** Straight marks and curly ones belong to different styles; a style change inside a quote nests. */
  straight: boolean;
}

interface Open {
  mark: Mark;
  /** Where the current part's content starts. */
  partStart: number;
  parts: Span[];
  index: number;
  parent: number | null;
  paragraph: number;
}

type MarkRole = 'open' | 'close' | 'either' | 'openAnywhere' | 'closeAnywhere';
/** How one language writes its quotation marks: mark -> its kind and role (data/lexicons/quote-marks.json). */
export type QuoteMarks = ReadonlyMap<string, { kind: QuoteKind; role: MarkRole }>;

const MARK_FILE = join(LEXICON_DIR, 'quote-marks.json');
const marksCache = new Map<string, QuoteMarks>();

/** The quotation marks of a language (ISO 639-1): its own entries over the default ones. */
export function quoteMarksFor(lang: string): QuoteMarks {
  let marks = marksCache.get(lang);
  if (!marks) {
    const file = JSON.parse(readFileSync(MARK_FILE, 'utf8')) as Record<string, Record<string, [QuoteKind, MarkRole]> | string>;
    const table = new Map<string, { kind: QuoteKind; role: MarkRole }>();
    for (const key of ['default', lang]) {
      const entries = file[key];
      if (typeof entries !== 'object') continue;
      for (const [mark, [kind, role]] of Object.entries(entries)) table.set(mark, { kind, role });
    }
    marks = table;
    marksCache.set(lang, marks);
  }
  return marks;
}

// Two apostrophes ('') or backticks (``) stand for a double mark in some wire archives.
const MARK_RE = /''|``|["'\u201C\u201D\u201E\u00AB\u00BB\u2018\u2019\u201A\u2039\u203A\u300C\u300D\u300E\u300F]/g;

// Character tests run for every mark: ASCII fast paths before the Unicode-aware regexes.
const isSpace = (c: string | undefined): boolean => {
  if (c === undefined) return true;
  const code = c.charCodeAt(0);
  if (code <= 32) return true;
  if (code < 128) return false;
  return /\s/.test(c);
};
const isLetter = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(c);
};
/** Characters after which a mark opens a quote: start, space, opening brackets, dashes, slashes. */
const isOpenContext = (c: string | undefined): boolean => c === undefined || /[\s([{\u2014\u2013\-/:]/.test(c);
/** Characters before which a mark closes a quote: end, space, punctuation. */
const isCloseContext = (c: string | undefined): boolean => c === undefined || /[\s.,;:!?)\]}\u2014\u2013\-\u2026*]/.test(c);

function classify(text: string, at: number, len: number, lo: number, hi: number, marks: QuoteMarks): Mark | null {
  const m = classifyChar(text, at, len, lo, hi, marks);
  return m ? { ...m, len } : null;
}

/** A mark whose role is 'either' opens or closes by its neighbours, as a straight one does. */
function byContext(at: number, kind: QuoteKind, prev: string | undefined, next: string | undefined, openCtx: boolean, closeCtx: boolean): Omit<Mark, 'len'> | null {
  const canOpen = openCtx && !isSpace(next) && !isLetter(prev);
  const canClose = (closeCtx && !isSpace(prev)) || (closeCtx && !openCtx);
  return canOpen || canClose ? { at, kind, canOpen, canClose, straight: false } : null;
}

function classifyChar(text: string, at: number, len: number, lo: number, hi: number, marks: QuoteMarks): Omit<Mark, 'len'> | null {
  const c = len === 2 ? (text[at] === '`' ? '\u201C' : '"') : (text[at] ?? '');
  const prev = at > lo ? text[at - 1] : undefined;
  const next = at + len < hi ? text[at + len] : undefined;
  // A neighbouring mark counts as context of its own kind: '“‘' opens twice, '’”' closes twice.
  const prevIsMark = prev !== undefined && (prev === '"' || prev === "'" || /open/i.test(marks.get(prev)?.role ?? '') || marks.get(prev)?.role === 'either');
  const nextIsMark = next !== undefined && (next === '"' || next === "'" || /close/i.test(marks.get(next)?.role ?? '') || marks.get(next)?.role === 'either');
  const openCtx = isOpenContext(prev) || prevIsMark;
  const closeCtx = isCloseContext(next) || nextIsMark;
  if (c === '"') return { at, kind: 'double', canOpen: openCtx && !isSpace(next), canClose: closeCtx && !isSpace(prev) || (closeCtx && !openCtx), straight: true };
  const spec = marks.get(c);
  if (!spec && c !== "'") return null;
  const role = spec?.role ?? 'close';
  const kind = spec?.kind ?? 'single';
  // Corner brackets stand between letters: their shape alone says which way they face.
  if (role === 'openAnywhere') return { at, kind, canOpen: true, canClose: false, straight: false };
  if (role === 'closeAnywhere') return { at, kind, canOpen: false, canClose: true, straight: false };
  if (role === 'either') return byContext(at, kind, prev, next, openCtx, closeCtx);
  if (kind === 'double' && role === 'open') return { at, kind: 'double', canOpen: true, canClose: false, straight: false };
  if (kind === 'double') {
    // A closing mark used as an opener ("”Yes”") is a typing slip; read it by position.
    const opener = openCtx && !closeCtx && isLetter(next);
    return { at, kind: 'double', canOpen: opener, canClose: !opener, straight: false };
  }
  if (role === 'open') return { at, kind: 'single', canOpen: !isLetter(prev), canClose: false, straight: false };
  return apostropheLike(at, c === "'", prev, next, openCtx, closeCtx);
}

/** A straight or closing single mark: an apostrophe inside a word (I'm, don’t, Russia's), an elision before a digit ('90s), or a quote mark by context. */
function apostropheLike(at: number, straight: boolean, prev: string | undefined, next: string | undefined, openCtx: boolean, closeCtx: boolean): Omit<Mark, 'len'> | null {
  if (isLetter(prev) && isLetter(next)) return null;
  if (/\d/.test(next ?? '') && isOpenContext(prev)) return null;
  const canOpen = openCtx && !isSpace(next) && !isLetter(prev);
  const canClose = !isSpace(prev) && closeCtx;
  if (!canOpen && !canClose) return null;
  return { at, kind: 'single', canOpen, canClose, straight };
}

/** Last sentence end ([.!?…] followed by space) in [from, to), or -1: where an unclosed inner quote most likely ended. */
function lastSentenceEnd(text: string, from: number, to: number): number {
  for (let i = to - 1; i > from; i--) {
    const c = text[i];
    if ((c === '.' || c === '!' || c === '?' || c === '\u2026') && isSpace(text[i + 1])) return i + 1;
  }
  return -1;
}

function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** Marks of one paragraph, in order. */
function marksIn(text: string, para: Span, marks: QuoteMarks): Mark[] {
  const out: Mark[] = [];
  MARK_RE.lastIndex = para.start;
  for (let m = MARK_RE.exec(text); m && m.index < para.end; m = MARK_RE.exec(text)) {
    const mark = classify(text, m.index, m[0].length, para.start, para.end, marks);
    if (mark) out.push(mark);
  }
  return out;
}

/**
 * Paragraphs holding no quotation mark that a quote left open may run over, when the paragraph after
 * them closes it: texts set one sentence a line carry one opening mark for the first line and one
 * closing mark for the last ("No. / I've done it. / ... I don't need it anymore."").
 */
const BARE_MAX_PARAGRAPHS = 12;

/** Does an open double quote run on over bare paragraphs from `p` to a paragraph whose first double mark closes it? */
function runsOverBare(text: string, paragraphs: Span[], p: number, marks: QuoteMarks): boolean {
  for (let j = p; j < paragraphs.length && j < p + BARE_MAX_PARAGRAPHS; j++) {
    const para = paragraphs[j] as Span;
    const ms = marksIn(text, para, marks);
    if (!ms.length) continue;
    const first = ms.find((m) => m.kind === 'double');
    return j > p && first !== undefined && first.canClose && first.at > para.start;
  }
  return false;
}

/** The quotations of `text`, paired by the marks of its language (`quoteMarksFor`; the default ones otherwise). */
export function scanQuotes(text: string, paragraphs: Span[], marks: QuoteMarks = quoteMarksFor('en')): ScannedQuote[] {
  const found: (ScannedQuote | null)[] = [];
  let stack: Open[] = [];

  const finish = (o: Open, partEnd: number, close: Span | null): void => {
    const part = trimmed(text, o.partStart, partEnd);
    const parts = part ? [...o.parts, part] : o.parts;
    if (parts.length === 0) {
      found[o.index] = null;
      return;
    }
    found[o.index] = { parts, open: { start: o.mark.at, end: o.mark.at + o.mark.len }, close, kind: o.mark.kind, parent: o.parent, paragraph: o.paragraph };
  };
  const push = (mark: Mark, paragraph: number): void => {
    const top = stack[stack.length - 1];
    const index = found.length;
    found.push(null);
    stack.push({ mark, partStart: mark.at + mark.len, parts: [], index, parent: top ? top.index : null, paragraph });
  };
  /** Closes everything above depth `keep`; an unclosed inner quote ends at its last sentence end before `at`. */
  const unwindTo = (keep: number, at: number): void => {
    while (stack.length > keep) {
      const o = stack.pop();
      if (!o) break;
      const end = lastSentenceEnd(text, o.partStart, at);
      finish(o, end > 0 ? end : at, null);
    }
  };

  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    if (!para) continue;
    const paraMarks = marksIn(text, para, marks);
    let first = 0;
    // A quote left open at the end of the previous paragraph continues here when this paragraph opens
    // with a mark of its kind, or closes one before opening any.
    const bottom = stack[0];
    if (bottom) {
      const m0 = paraMarks[0];
      const opensWithMark = m0 !== undefined && m0.at === para.start && m0.kind === bottom.mark.kind && m0.canOpen;
      const closesFirst = !opensWithMark && paraMarks.find((m) => m.kind === bottom.mark.kind)?.canClose === true && bottom.mark.kind === 'double';
      const bare = !opensWithMark && !closesFirst && paraMarks.length === 0 && bottom.mark.kind === 'double' && runsOverBare(text, paragraphs, p, marks);
      if (opensWithMark || closesFirst || bare) {
        stack = [bottom];
        bottom.partStart = opensWithMark && m0 ? para.start + m0.len : para.start;
        if (opensWithMark) first = 1;
      } else {
        // Not continued: a top-level single quote never closed was most likely an apostrophe.
        if (bottom.mark.kind === 'single') {
          for (const o of stack) found[o.index] = null;
        } else {
          unwindTo(1, stack[1]?.partStart ?? 0);
          stack = [];
          finish(bottom, bottom.parts.length ? bottom.partStart : bottom.partStart, null);
        }
        stack = [];
      }
    }
    for (let i = first; i < paraMarks.length; i++) {
      const m = paraMarks[i];
      if (!m) continue;
      // The innermost open quote this mark can close: the top, or a lower one of the same kind
      // (then the quotes above it were never closed).
      let closes = -1;
      if (m.canClose) {
        for (let d = stack.length - 1; d >= 0; d--) {
          const o = stack[d];
          if (!o) continue;
          if (o.mark.kind === m.kind && (o.mark.straight === m.straight || !m.canOpen || d === stack.length - 1)) {
            closes = d;
            break;
          }
        }
      }
      const top = stack[stack.length - 1];
      // An ambiguous straight mark right after a fresh opener of the same style is more likely nested.
      const preferOpen = m.canOpen && closes >= 0 && top !== undefined && top.mark.kind === m.kind && top.mark.straight !== m.straight;
      if (closes >= 0 && !preferOpen) {
        unwindTo(closes + 1, m.at);
        const o = stack.pop();
        if (o) finish(o, m.at, { start: m.at, end: m.at + m.len });
        continue;
      }
      if (!m.canOpen) continue;
      // A second opener of the same kind and style while one is open: the first was never closed.
      if (top && top.mark.kind === m.kind && top.mark.straight === m.straight) {
        unwindTo(stack.length - 1, m.at);
      }
      push(m, p);
    }
    // Paragraph end: inner quotes end here; the outermost may continue in the next paragraph.
    if (stack.length > 1) unwindTo(1, para.end);
    const last = stack[0];
    if (last) {
      const part = trimmed(text, last.partStart, para.end);
      if (part) last.parts.push(part);
      last.partStart = para.end;
    }
  }
  const rest = stack[0];
  if (rest) {
    if (rest.mark.kind === 'single') found[rest.index] = null;
    else finish(rest, rest.partStart, null);
  }
  // Re-index parents after dropping discarded quotes.
  return keepWithParents(
    found,
    (q): q is ScannedQuote => q !== null,
    (q) => q.parent,
    (q, parent) => ({ ...q, parent }),
  );
}
