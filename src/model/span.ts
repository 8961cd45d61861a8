/**
 * Spans index an Article's `text` in UTF-16 code units, end exclusive (JavaScript string indices),
 * exactly as `text.slice(start, end)`. Every finding crosscheck reports points back into the text
 * with spans, so a reader can always see the words a finding rests on.
 */
export interface Span {
  start: number;
  end: number;
}

/** A span with the covered text, as it appears in JSON outputs (`text === source.text.slice(start, end)`). */
export interface TextSpan extends Span {
  text: string;
}

/** Evidence in a dossier: a span in one source, named by the source's id. */
export interface Evidence extends TextSpan {
  source: string;
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

export function withText(text: string, span: Span): TextSpan {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

export function evidence(source: string, text: string, span: Span): Evidence {
  return { source, start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

export function overlaps(a: Span, b: Span): boolean {
  return Math.min(a.end, b.end) > Math.max(a.start, b.start);
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Shrinks a span so it neither starts nor ends with white space. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** True when the span lies inside the text and is not empty. */
export function isValidSpan(text: string, span: Span): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end > span.start && span.end <= text.length;
}
