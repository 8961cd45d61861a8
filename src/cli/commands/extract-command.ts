import { Option, type Command } from 'commander';
import { EXIT, UserError } from '../errors.js';
import { addInputOptions, loadInputs, readOptionsFrom, type InputFlags } from '../load-inputs.js';
import type { ExtractFormat } from './extract.js';

// `crosscheck extract INPUT...`: the text and metadata crosscheck works from. The output code
// (extract.ts, which reads each article's language) loads only when the command runs.

interface ExtractFlags extends InputFlags {
  format: ExtractFormat;
}

export function registerExtract(program: Command): void {
  const command = program
    .command('extract')
    .description('read inputs (files, directories, URLs, feeds, JSONL, stdin) and show the text and metadata crosscheck works from')
    .argument('<inputs...>', 'files, directories, http(s) URLs, or - for stdin')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'jsonl']).default('text'));
  addInputOptions(command).action(async (inputs: string[], flags: ExtractFlags) => {
    const { extractRecords, renderArticleText } = await import('./extract.js');
    const result = await loadInputs(inputs, readOptionsFrom(flags));
    const out = process.stdout;
    if (flags.format === 'jsonl') for (const r of extractRecords(result.items)) out.write(`${JSON.stringify(r)}\n`);
    else if (flags.format === 'json') out.write(`${JSON.stringify(extractRecords(result.items), null, 2)}\n`);
    else out.write(result.articles.map((a) => renderArticleText(a, out.isTTY === true)).join('\n'));
    if (result.articles.length === 0) throw new UserError('no article could be read', EXIT.nothingRead);
  });
}
