import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import type { ReportFormat } from '../../report/index.js';
import { EXIT, UserError } from '../errors.js';
import { addInputOptions, loadInputs, readOptionsFrom, type InputFlags } from '../load-inputs.js';

// `crosscheck analyze INPUT...`: the dossier — what several outlets' reports of one story agree on,
// what they contest, who changed the quotes — every finding with its evidence in each source.

interface AnalyzeFlags extends InputFlags {
  format: ReportFormat;
  out?: string;
  color?: boolean;
}

export function registerAnalyze(program: Command): void {
  const command = program
    .command('analyze')
    .description("compare several outlets' reports of one story: quotes, claims, conflicts and text reuse, with evidence")
    .argument('<inputs...>', 'files, directories, http(s) URLs, or - for stdin')
    .addOption(new Option('--format <format>', 'report format').choices(['terminal', 'json', 'md', 'html']).default('terminal'))
    .option('--out <file>', 'write the report to a file instead of standard output')
    .option('--no-color', 'no colour in the terminal report');
  addInputOptions(command).action(async (inputs: string[], flags: AnalyzeFlags) => {
    const [{ buildDossier }, { renderDossierLoading }, { analyzeEachBounded }, { closeExtractPool }, { fillStatedYears }] = await Promise.all([
      import('../../compare/dossier.js'),
      import('../../report/load.js'),
      import('../../nlp/analyze-each.js'),
      import('../../extract/pool.js'),
      import('../../extract/stated-date.js'),
    ]);
    const read = await loadInputs(inputs, readOptionsFrom(flags));
    // A day stated without its year ("Earlier today (9 July)") takes its year from the batch.
    const { articles, analyze, problems } = await analyzeEachBounded(fillStatedYears(read.articles));
    await closeExtractPool();
    for (const p of problems) process.stderr.write(`crosscheck: ${p.origin}: ${p.reason}\n`);
    if (articles.length === 0) throw new UserError('no article could be read', EXIT.nothingRead);
    const tty = process.stderr.isTTY === true;
    const onStage = tty ? (stage: string): void => void process.stderr.write(`\r\x1b[2K${stage}…`) : undefined;
    const dossier = buildDossier(articles, onStage ? { onStage, analyze } : { analyze });
    if (tty) process.stderr.write('\r\x1b[2K');
    const toTerminal = !flags.out && process.stdout.isTTY === true;
    const report = await renderDossierLoading(dossier, flags.format, {
      color: flags.format === 'terminal' && toTerminal && flags.color !== false && !process.env['NO_COLOR'],
      // Piped or redirected output is laid out for 80 columns, the width the report is designed to fit.
      width: toTerminal ? (process.stdout.columns ?? 80) : 80,
    });
    if (flags.out) {
      try {
        await writeFile(flags.out, report);
      } catch (e) {
        throw new UserError(`${flags.out}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (e as Error).message}`, EXIT.nothingRead);
      }
    } else process.stdout.write(report);
  });
}
