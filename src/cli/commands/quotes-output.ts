import pc from 'picocolors';
import type { Article } from '../../model/article.js';
import { analyzeArticle } from '../../nlp/analyze.js';
import type { Quote } from '../../nlp/types.js';
import { neutralise } from '../../report/text.js';

// What `crosscheck quotes` prints: every quotation in each article with its speaker, cue and
// addressee (the contract's quotes line, schemas/quotes.schema.json), or a readable listing.

export interface QuoteRecord {
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  speakerSpan: { start: number; end: number } | null;
  cue: string | null;
  addressee: string | null;
  direct: boolean;
  /** Additions beyond the contract: the quoted parts, the enclosing quote, flags. */
  parts: { start: number; end: number; text: string }[];
  nestedIn: number | null;
  partial: boolean;
  censored: boolean;
}

export interface QuotesLine {
  origin: string;
  text: string;
  quotes: QuoteRecord[];
}

const span = (s: { start: number; end: number } | null): { start: number; end: number } | null => (s ? { start: s.start, end: s.end } : null);

export function quoteRecord(text: string, q: Quote): QuoteRecord {
  return {
    start: q.start,
    end: q.end,
    text: q.text,
    speaker: q.speaker,
    speakerSpan: span(q.speakerSpan),
    cue: q.cue,
    addressee: q.addressee,
    direct: q.direct,
    parts: q.parts.map((p) => ({ start: p.start, end: p.end, text: text.slice(p.start, p.end) })),
    nestedIn: q.nestedIn,
    partial: q.partial,
    censored: q.censored,
  };
}

export function quotesLine(article: Article): QuotesLine {
  const analysis = analyzeArticle(article);
  return { origin: article.origin, text: article.text, quotes: analysis.quotes.map((q) => quoteRecord(article.text, q)) };
}

/** Readable listing: one block per article, one line per quote (nested quotes indented). */
export function renderQuotesText(line: QuotesLine, color: boolean): string {
  const c = pc.createColors(color);
  const out = [c.bold(`== ${neutralise(line.origin)}`)];
  if (!line.quotes.length) out.push(c.dim('(no quotes found)'));
  for (const q of line.quotes) {
    const who = q.speaker === null ? c.dim('(unattributed)') : c.cyan(neutralise(q.speaker));
    const how = [q.cue ? neutralise(q.cue) : null, q.addressee ? `to ${neutralise(q.addressee)}` : null].filter(Boolean).join(' ');
    const words = q.parts.map((p) => neutralise(p.text)).join(' … ');
    const indent = q.nestedIn === null ? '' : '    ';
    const kind = q.direct ? `“${words}”` : c.dim(`(indirect) ${words}`);
    out.push(`${indent}${who}${how ? c.dim(` [${how}]`) : ''}: ${kind}`);
  }
  return `${out.join('\n')}\n`;
}
