import { Option, type Command } from 'commander';
import pc from 'picocolors';
import type { Article } from '../../model/article.js';
import { analyzeArticle } from '../../nlp/analyze.js';
import type { Quote } from '../../nlp/types.js';
import { neutralise } from '../../report/text.js';
import { addInputOptions, loadArticles, readOptionsFrom, type InputFlags } from '../load-inputs.js';

// `crosscheck quotes INPUT...`: every quotation in each article with its speaker, cue and addressee
// (the contract's quotes line, schemas/quotes.schema.json), or a readable listing.

export type QuotesFormat = 'text' | 'jsonl';

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

interface QuotesFlags extends InputFlags {
  format: QuotesFormat;
}

export function registerQuotes(program: Command): void {
  const command = program
    .command('quotes')
    .description('list the quotes in each article with their speakers, cues and addressees')
    .argument('<inputs...>', 'files, directories, http(s) URLs, or - for stdin')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'jsonl']).default('text'));
  addInputOptions(command).action(async (inputs: string[], flags: QuotesFlags) => {
    const articles = await loadArticles(inputs, readOptionsFrom(flags));
    const out = process.stdout;
    for (const article of articles) {
      let line: QuotesLine;
      try {
        line = quotesLine(article);
      } catch (e) {
        // One article's fault is its own error line; the others are still listed.
        process.stderr.write(`crosscheck: ${article.origin}: cannot analyse this article (${(e as Error).message.split('\n')[0] ?? ''})\n`);
        if (flags.format === 'jsonl') out.write(`${JSON.stringify({ origin: article.origin, error: 'cannot analyse this article' })}\n`);
        continue;
      }
      out.write(flags.format === 'jsonl' ? `${JSON.stringify(line)}\n` : renderQuotesText(line, out.isTTY === true));
    }
  });
}
