import type { Span } from '../../model/span.js';

/**
 * Quotations found by their marks: curly and straight, double and single, nested. A straight or
 * curly single mark between letters is an apostrophe. An unclosed mark closes at the end of its line
 * unless the quotation visibly continues on the next line (a closing mark comes before any new
 * opening). The quotation's span covers the words inside the marks, without the marks.
 */
export interface MarkedQuote extends Span {
  kind: 'double' | 'single';
  open: Span;
  /** Null when the mark was never closed (the quote runs to its line's end). */
  close: Span | null;
  /** Index of the enclosing quotation in the returned list, or null at top level. */
  parent: number | null;
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

interface Open {
  kind: 'double' | 'single';
  at: number;
  index: number;
}

export function scanQuotes(text: string): MarkedQuote[] {
  const out: MarkedQuote[] = [];
  const stack: Open[] = [];
  const closeTop = (end: number, close: Span | null): void => {
    const top = stack.pop();
    if (!top) return;
    const q = out[top.index] as MarkedQuote;
    q.end = Math.max(q.start, end);
    q.close = close;
  };
  const open = (kind: 'double' | 'single', at: number): void => {
    const parent = stack.length ? (stack[stack.length - 1] as Open).index : null;
    out.push({ kind, start: at + 1, end: at + 1, open: { start: at, end: at + 1 }, close: null, parent });
    stack.push({ kind, at, index: out.length - 1 });
  };
  const topKind = (): 'double' | 'single' | null => (stack.length ? (stack[stack.length - 1] as Open).kind : null);
  const hasOpen = (kind: 'double' | 'single'): boolean => stack.some((s) => s.kind === kind);
  /** Closes every open mark down to and including the innermost one of `kind`. */
  const closeKind = (kind: 'double' | 'single', at: number): void => {
    while (stack.length && topKind() !== kind) closeTop(trimBack(text, at), null);
    closeTop(at, { start: at, end: at + 1 });
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const prev = text[i - 1];
    const next = text[i + 1];
    if (c === '\n') {
      if (stack.length && !continuesOnNextLine(text, i, stack)) while (stack.length) closeTop(trimBack(text, i), null);
      continue;
    }
    if (c === '“' || c === '„' || c === '«') {
      if (c === '„' || !hasOpen('double') || topKind() === 'single') open('double', i);
      else closeKind('double', i); // a second “ inside an open one: treat as its close (typo)
    } else if (c === '”' || c === '»') {
      if (hasOpen('double')) closeKind('double', i);
    } else if (c === '"') {
      const opens = /[\p{L}\p{N}'‘“([.…-]/u.test(next ?? '') && !/[\p{L}\p{N}.,!?…'’]/u.test(prev ?? '');
      if (opens && !hasOpen('double')) open('double', i);
      else if (hasOpen('double')) closeKind('double', i);
    } else if (c === '‘' || (c === "'" && !isWordChar(prev) && (isWordChar(next) || next === '[' || next === '…'))) {
      if (isWordChar(prev)) continue;
      // A new single opening while one is open at the same level: the earlier one ended unmarked.
      if (topKind() === 'single') closeTop(trimBack(text, i), null);
      open('single', i);
    } else if ((c === '’' || c === "'") && topKind() === 'single' && !isWordChar(next) && prev !== undefined && !/\s/.test(prev)) {
      closeTop(i, { start: i, end: i + 1 });
    }
  }
  while (stack.length) closeTop(trimBack(text, text.length), null);
  return out.filter((q) => q.end > q.start);
}

/** Position after the last non-space character before `at`. */
function trimBack(text: string, at: number): number {
  let e = at;
  while (e > 0 && /\s/.test(text[e - 1] as string)) e--;
  return e;
}

/** An open quotation runs on past a line break when the next line closes it before opening another. */
function continuesOnNextLine(text: string, lineEnd: number, stack: Open[]): boolean {
  const bottom = stack[0] as Open;
  let j = lineEnd + 1;
  while (j < text.length && /\s/.test(text[j] as string)) j++;
  const lineStop = text.indexOf('\n', j);
  const line = text.slice(j, lineStop < 0 ? text.length : lineStop);
  if (bottom.kind !== 'double') return false;
  if (/^["“„«]/.test(line)) return false; // the convention: each paragraph of a long quote reopens
  const close = line.search(/[”»]|"(?![\p{L}\p{N}])/u);
  const reopen = line.search(/[“„«]|(?<![\p{L}\p{N}])"(?=[\p{L}\p{N}])/u);
  return close >= 0 && (reopen < 0 || close < reopen);
}

/** Per character: 1 when inside some quotation's marks (marks included). */
export function quoteMask(text: string, quotes: MarkedQuote[]): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const q of quotes) mask.fill(1, q.open.start, q.close ? q.close.end : q.end);
  return mask;
}
