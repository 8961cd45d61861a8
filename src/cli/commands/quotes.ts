import { Option, type Command } from 'commander';
import { addInputOptions, loadArticles, readOptionsFrom, type InputFlags } from '../load-inputs.js';
import type { QuotesLine } from './quotes-output.js';

// `crosscheck quotes INPUT...`: every quotation in each article with its speaker, cue and addressee.
// The language layer (quotes-output.ts) loads only when the command runs.

export type QuotesFormat = 'text' | 'jsonl';

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
    const { quotesLine, renderQuotesText } = await import('./quotes-output.js');
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
