import { Option, type Command } from 'commander';
import { addInputOptions, loadArticles, readOptionsFrom, type InputFlags } from '../load-inputs.js';

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
      const line = quotesLine(article);
      out.write(flags.format === 'jsonl' ? `${JSON.stringify(line)}\n` : renderQuotesText(line, out.isTTY === true));
    }
  });
}
