import type { Article } from '../model/article.js';
import { isProse } from '../model/article.js';
import type { Span } from '../model/span.js';
import type { ArticleAnalysis } from '../nlp/types.js';
import { quoteMarksFor, scanQuotes as scanQuoteMarks, type QuoteMarks } from '../nlp/quote-scan.js';
import { quoteMask, type MarkedQuote } from './text/quotemarks.js';
import { lineSpans, sentenceSpans } from './text/sentences.js';
import { keepWithParents } from '../model/keep-with-parents.js';

/**
 * One source as the cross-source stages see it: the article, its language analysis, and the
 * structure these stages read in their own shape: quotation marks (found by the language layer's
 * scanner over the analysis's paragraphs, one entry per line), lines, and sentences that keep
 * quotations whole (see text/sentences.ts for why these are not ArticleAnalysis.sentences). Built
 * once per source before the barrier; read-only afterwards.
 */
export interface SourceDoc {
  /** Dossier source id: s0..sN in input order. */
  id: string;
  index: number;
  article: Article;
  analysis: ArticleAnalysis;
  text: string;
  quotes: MarkedQuote[];
  /** 1 where a character lies inside quotation marks. */
  quoted: Uint8Array;
  lines: Span[];
  /** Prose sentences (not boilerplate), a quotation kept inside its sentence. */
  sentences: Span[];
  /** Lines that read as headlines (no final punctuation, short). */
  headlines: Span[];
}

/** A short line without final punctuation is a headline or a crosshead, not a statement. */
const HEADLINE_MAX_CHARS = 160;

export function buildSourceDoc(article: Article, analysis: ArticleAnalysis, index: number): SourceDoc {
  const text = article.text;
  const quotes = proseQuotes(article, markedQuotes(text, analysis.paragraphs, quoteMarksFor(analysis.language?.code ?? 'en')));
  const quoted = quoteMask(text, quotes);
  const all = lineSpans(text);
  const lines = all.filter((l) => isProse(article, l));
  const headlines: Span[] = [];
  const sentences: Span[] = [];
  const inside = (i: number): boolean => quoted[i] === 1 && quoted[i + 1] === 1 && !/[”"’']/.test(text[i + 1] ?? '');
  // A line with a headline spliced into it is prose on both sides of the insertion: its sentences
  // are read in the pieces around it (never as headlines), so its figures and dates still count.
  for (const piece of all.flatMap((l) => aroundInsertions(article, l))) sentences.push(...sentenceSpans(text, piece.start, piece.end, inside));
  for (const line of lines) {
    const body = text.slice(line.start, line.end);
    if (body.length <= HEADLINE_MAX_CHARS && !/[.!?…:"”’')]$/.test(body)) {
      headlines.push(line);
      continue;
    }
    for (const s of sentenceSpans(text, line.start, line.end, inside)) sentences.push(s);
  }
  sentences.sort((a, b) => a.start - b.start);
  return { id: `s${index}`, index, article, analysis, text, quotes, quoted, lines, sentences, headlines };
}

/**
 * The prose pieces of a line around boilerplate lying strictly inside it (a spliced headline), white
 * space trimmed; none for a line that is all prose, all boilerplate, or boilerplate at one end.
 */
function aroundInsertions(article: Article, line: Span): Span[] {
  const inner = article.boilerplate.filter((b) => b.start > line.start && b.end < line.end).sort((a, b) => a.start - b.start);
  const atAnEnd = article.boilerplate.some((b) => (b.start <= line.start && b.end > line.start) || (b.start < line.end && b.end >= line.end));
  if (!inner.length || atAnEnd) return [];
  const out: Span[] = [];
  let at = line.start;
  for (const b of [...inner, { start: line.end, end: line.end }]) {
    let [s, e] = [at, b.start];
    while (s < e && /\s/.test(article.text[s] ?? '')) s++;
    while (e > s && /\s/.test(article.text[e - 1] ?? '')) e--;
    if (e > s) out.push({ start: s, end: e });
    at = Math.max(at, b.end);
  }
  return out;
}

/** Share of a span's characters inside quotation marks. */
export function quotedShare(doc: SourceDoc, span: Span): number {
  let n = 0;
  for (let i = span.start; i < span.end; i++) n += doc.quoted[i] ?? 0;
  return n / Math.max(1, span.end - span.start);
}

/** Quotations outside boilerplate, with `parent` renumbered to the kept list (null if dropped). */
function proseQuotes(article: Article, all: MarkedQuote[]): MarkedQuote[] {
  return keepWithParents(
    all,
    (q) => isProse(article, q),
    (q) => q.parent,
    (q, parent) => ({ ...q, parent }),
  );
}

/**
 * The language layer's quotation marks (src/nlp/quote-scan.ts), one MarkedQuote per paragraph a
 * quotation runs over: these stages read quotes line by line, so a quote continued in a new
 * paragraph ("...crazy.\n"He said yes.") is a quote per line, the reopening mark being its opening.
 */
export function markedQuotes(text: string, paragraphs: Span[], marks?: QuoteMarks): MarkedQuote[] {
  const scanned = scanQuoteMarks(text, paragraphs, marks);
  const out: MarkedQuote[] = [];
  /** For each scanned quote, its output entries (one per part). */
  const entries: number[][] = [];
  for (const q of scanned) {
    const mine: number[] = [];
    q.parts.forEach((part, k) => {
      const first = k === 0;
      const last = k === q.parts.length - 1;
      const reopen = /["“„«‘']/.test(text[part.start - 1] ?? '') ? { start: part.start - 1, end: part.start } : { start: part.start, end: part.start };
      const open = first && q.open ? q.open : reopen;
      const parentEntries = q.parent === null ? [] : (entries[q.parent] ?? []);
      // A nested quote lies inside one paragraph: its parent is the part that contains it.
      const parent = parentEntries.find((i) => (out[i] as MarkedQuote).start <= part.start && part.end <= (out[i] as MarkedQuote).end) ?? parentEntries[0] ?? null;
      mine.push(out.length);
      out.push({ kind: q.kind, start: part.start, end: part.end, open, close: last ? q.close : null, parent });
    });
    entries.push(mine);
  }
  // In text order, as the stages walk them (a continued quote's later parts come after inner quotes).
  const order = out.map((_, i) => i).sort((a, b) => (out[a] as MarkedQuote).start - (out[b] as MarkedQuote).start);
  const position = new Map(order.map((from, to) => [from, to]));
  return order.map((i) => {
    const q = out[i] as MarkedQuote;
    return { ...q, parent: q.parent === null ? null : (position.get(q.parent) ?? null) };
  });
}
