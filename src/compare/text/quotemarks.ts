import type { Span } from '../../model/span.js';

/**
 * A quotation as the cross-source stages read it: one line's stretch of quoted words (without the
 * marks), with its marks and its enclosing quotation. The marks themselves are found by the
 * language layer's scanner (src/nlp/quote-scan.ts); src/compare/source-doc.ts `markedQuotes`
 * reshapes its output into this form.
 */
export interface MarkedQuote extends Span {
  kind: 'double' | 'single';
  /** The opening mark; empty (start = end) for a continued quote that was not reopened. */
  open: Span;
  /** Null when the mark was never closed (the quote runs to its line's end). */
  close: Span | null;
  /** Index of the enclosing quotation in the list, or null at top level. */
  parent: number | null;
}

/** Per character: 1 when inside some quotation's marks (marks included). */
export function quoteMask(text: string, quotes: MarkedQuote[]): Uint8Array {
  const mask = new Uint8Array(text.length);
  const closes = new Set(quotes.flatMap((q) => (q.close ? [q.close.start] : [])));
  for (const q of quotes) {
    const reversed = q.close ? -1 : reversedOpening(text, q.open.start, closes);
    if (reversed >= 0) mask.fill(1, reversed, q.open.end);
    else mask.fill(1, q.open.start, q.close ? q.close.end : q.end);
  }
  return mask;
}

/** How far before an unclosed opening mark a stray closing mark may make the two a reversed pair. */
const REVERSED_PAIR_CHARS = 60;

/**
 * Typesetting sometimes reverses a pair of curly marks ("” Most Wanted “ list"): a closing mark that
 * closes nothing, shortly before an opening mark that is never closed, on one line with no other mark
 * between. The quoted words are then the few between the two marks, not the rest of the line.
 * Returns the stray closing mark's position, or -1.
 */
function reversedOpening(text: string, open: number, closes: Set<number>): number {
  if (text[open] !== '“') return -1;
  const from = Math.max(0, open - REVERSED_PAIR_CHARS);
  const before = text.slice(from, open);
  const at = before.lastIndexOf('”');
  if (at < 0 || /[\n“"]/.test(before.slice(at + 1)) || closes.has(from + at)) return -1;
  return from + at;
}
