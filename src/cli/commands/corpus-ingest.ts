import type { Command } from 'commander';
import { readInputs } from '../../ingest/index.js';
import { Corpus, type IngestOutcome } from '../../store/index.js';
import { EXIT, UserError } from '../errors.js';
import { addInputOptions, formatProblem, readOptionsFrom, type InputFlags } from '../load-inputs.js';
import { addDbOption, openForWrite } from './corpus-shared.js';

interface IngestFlags extends InputFlags {
  db: string;
  json?: boolean;
}

/** Progress redraws at most this often on a terminal: fast enough to look alive, cheap at 1000s/s. */
const PROGRESS_EVERY_MS = 200;

function jsonLine(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

/**
 * `crosscheck ingest INPUT...`: every article into the store and into a story. Each article is
 * committed before it is reported (in --json mode, one line per article as it is stored), so a
 * killed ingest loses nothing it reported, and running it again finishes the job (stored articles
 * come back as duplicates).
 */
export function registerIngest(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('store articles and group them into stories (idempotent)')
    .argument('<inputs...>', 'files, directories, feeds, JSONL, URLs or - for stdin')
    .option('--json', 'machine-readable log: one JSON object per line on stdout');
  addDbOption(cmd);
  addInputOptions(cmd).action(async (inputs: string[], flags: IngestFlags) => {
    const tty = !flags.json && process.stderr.isTTY;
    const read = await readInputs(inputs, {
      ...readOptionsFrom(flags),
      ...(tty ? { onProgress: (done: number, total: number) => process.stderr.write(`\r\x1b[2Kreading ${done}/${total}`) } : {}),
    });
    for (const p of read.problems) {
      if (flags.json) jsonLine({ event: 'problem', origin: p.origin, level: p.level, reason: p.reason });
      else process.stderr.write(`${tty ? '\r\x1b[2K' : ''}${formatProblem(p)}\n`);
    }
    if (read.articles.length === 0) throw new UserError('no article could be read', EXIT.nothingRead);
    const store = openForWrite(flags.db);
    const counts: Record<IngestOutcome['status'] | 'error', number> = { stored: 0, duplicate: 0, version: 0, error: 0 };
    const stories = new Set<string>();
    const started = Date.now();
    let shown = 0;
    try {
      const corpus = await Corpus.open(store);
      for (const [i, article] of read.articles.entries()) {
        try {
          const o = await corpus.ingest(article);
          counts[o.status]++;
          stories.add(o.story);
          if (flags.json) jsonLine({ event: 'article', status: o.status, id: o.id, seq: o.seq, story: o.story, origin: article.origin, nearDuplicateOf: o.nearDuplicateOf, merged: o.merged });
        } catch (e) {
          // One bad article never stops the batch.
          counts.error++;
          const reason = (e as Error).message;
          if (flags.json) jsonLine({ event: 'problem', origin: article.origin, level: 'error', reason });
          else process.stderr.write(`${tty ? '\r\x1b[2K' : ''}crosscheck: ${article.origin}: ${reason}\n`);
        }
        if (tty && (Date.now() - shown > PROGRESS_EVERY_MS || i === read.articles.length - 1)) {
          shown = Date.now();
          const rate = (i + 1) / Math.max(0.001, (Date.now() - started) / 1000);
          process.stderr.write(`\r\x1b[2Kingesting ${i + 1}/${read.articles.length} (${rate.toFixed(0)}/s)`);
        }
      }
      if (tty) process.stderr.write('\r\x1b[2K');
      const total = { articles: await store.countArticles(), stories: await store.countStories() };
      if (flags.json) jsonLine({ event: 'done', ...counts, storiesTouched: stories.size, store: total });
      else
        process.stdout.write(
          `${counts.stored} stored, ${counts.version} new versions, ${counts.duplicate} already stored, ${counts.error} failed; ` +
            `${stories.size} stories touched. Store: ${total.articles} articles in ${total.stories} stories.\n`,
        );
    } finally {
      await store.close();
    }
    if (counts.error === read.articles.length) process.exitCode = EXIT.nothingRead;
  });
}
