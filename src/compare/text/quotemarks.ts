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
  for (const q of quotes) mask.fill(1, q.open.start, q.close ? q.close.end : q.end);
  return mask;
}
