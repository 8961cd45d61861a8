import type { Span } from '../../model/span.js';
import type { Mention, Sentence } from '../types.js';
import type { ScannedQuote } from '../quote-scan.js';
import { lexicons } from '../lexicons.js';

/** What attribution reads off one article besides its quotation marks. */
export interface AttributionContext {
  text: string;
  paragraphs: Span[];
  sentences: Sentence[];
  mentions: Mention[];
}

/** A quote being attributed: a scanned quote, after interrupted quotes are joined. */
export interface Working {
  parts: Span[];
  open: Span | null;
  close: Span | null;
  parent: number | null;
  paragraph: number;
  kind: 'double' | 'single';
  /** Between the parts of an interrupted quote: a closing mark and the next opening mark. */
  gaps: { close: Span; open: Span }[];
}

export const START = (q: Working): number => (q.parts[0] as Span).start;
export const END = (q: Working): number => (q.parts[q.parts.length - 1] as Span).end;
export const OUTER_START = (q: Working): number => q.open?.start ?? START(q);
export const OUTER_END = (q: Working): number => q.close?.end ?? END(q);

/** Words of a short stretch (letters, apostrophes, hyphens); spelled-out ranges are much faster than \p{L}. */
export const WORDS_RE = /[A-Za-z\u00C0-\u024F'’-]+/g;

/** Gap between an interrupted quote's parts that can hold an attribution ("," he said, "). */
const INTERRUPTION_MAX_CHARS = 80;
/** Words at most between two quoted phrases of one clause that are read as one statement. */
const LISTED_MAX_GAP_WORDS = 6;
/** Gap of an attribution sentence between two quotes of one utterance (`"A," said X, the ... . "B."`). */
const RESUMED_MAX_CHARS = 160;

const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'to', 'for', 'at', 'by', 'with', 'from', 'is']);

export function isTitleCase(content: string): boolean {
  const words = content.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (!words.length) return false;
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase())));
}

export function toWorking(scanned: ScannedQuote[]): Working[] {
  return scanned.map((q) => ({ parts: q.parts, open: q.open, close: q.close, parent: q.parent, paragraph: q.paragraph, kind: q.kind, gaps: [] }));
}

/** Text after a quote's closing mark, to the paragraph's end: does it start with an attribution of its own? */
function hasOwnTrailingCue(text: string, from: number, paraEnd: number): boolean {
  const after = text.slice(from, Math.min(paraEnd, from + 60));
  if (!/^\s*[^\s"“”]/.test(after) || /^\s*["“]/.test(after)) return false;
  const words = after.toLowerCase().match(WORDS_RE) ?? [];
  return words.slice(0, 5).some((w) => lexicons().speechVerbs.has(w));
}

/** Do `prev` and `q` (consecutive top-level quotes of one paragraph) report one utterance? */
function joinsPrevious(text: string, prev: Working, q: Working, paragraphs: Span[]): boolean {
  if (!prev.close || !q.open) return false;
  const lex = lexicons();
  const gap = text.slice(prev.close.end, q.open.start);
  const lastChar = text[prev.close.start - 1] ?? '';
  const words = gap.toLowerCase().match(WORDS_RE) ?? [];
  const speech = words.some((w) => lex.speechVerbs.has(w));
  const cleanGap = gap.replace(/\b([A-Za-z]+)\./g, (m, w: string) => (lex.abbreviations.has(w) || /^\p{Lu}$/u.test(w) ? w : m));
  const paraEnd = paragraphs[q.paragraph]?.end ?? text.length;
  // `"A," he said, "B."`
  const interrupted = gap.length <= INTERRUPTION_MAX_CHARS && speech && /[,\u2014\u2013-]/.test(lastChar) && !/[.!?;]/.test(cleanGap) && /[,:]\s*(?:and|but)?\s*$/.test(gap);
  // `"A," he said. "B."` with no cue of B's own.
  const resumed = gap.length <= RESUMED_MAX_CHARS && speech && /^[^.!?;]*[.:]\s*$/.test(cleanGap) && q.close !== null && !hasOwnTrailingCue(text, q.close.end, paraEnd);
  // Quoted phrases strung through one clause (`"duped" by "a con"`, `"A" and then "B"`): one statement.
  const gapWords = gap.trim() ? gap.trim().split(/\s+/).length : 0;
  const titled = (w: Working): boolean => w.parts.some((p) => isTitleCase(text.slice(p.start, p.end)));
  const listed = gap.length > 0 && gapWords <= LISTED_MAX_GAP_WORDS && !speech && !/[.!?;:]/.test(gap) && !/[.!?]/.test(lastChar) && !titled(prev) && !titled(q);
  return interrupted || resumed || listed;
}

/**
 * Joins quotes that report one utterance: `"A," he said, "B."` and `"A," he said. "B."` (B with no cue
 * of its own) become one quote with two parts, the attribution between them kept in `gaps`;
 * `"A" and "B"` lists of quoted phrases become one quote too. Returns new objects.
 */
export function mergeInterrupted(text: string, quotes: Working[], paragraphs: Span[]): Working[] {
  const out: Working[] = [];
  const remap = new Map<number, number>();
  quotes.forEach((q, i) => {
    // The previous top-level quote (nested quotes of the previous one may come in between).
    let prevIndex = out.length - 1;
    while (prevIndex >= 0 && out[prevIndex]?.parent !== null) prevIndex--;
    const prev = out[prevIndex];
    if (prev && prev.close && q.open && q.parent === null && prev.paragraph === q.paragraph && q.parts.length === 1 && joinsPrevious(text, prev, q, paragraphs)) {
      out[prevIndex] = { ...prev, gaps: [...prev.gaps, { close: prev.close, open: q.open }], parts: [...prev.parts, ...q.parts], close: q.close };
      remap.set(i, prevIndex);
      return;
    }
    remap.set(i, out.length);
    out.push({ ...q });
  });
  return out.map((q) => (q.parent === null ? q : { ...q, parent: remap.get(q.parent) ?? null }));
}
