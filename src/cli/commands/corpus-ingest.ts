import type { Command } from 'commander';
import type { ArticleStore, Corpus, IngestOutcome } from '../../store/index.js';
import { EXIT, UserError } from '../errors.js';
import { addInputOptions, formatProblem, readOptionsFrom, type InputFlags } from '../load-inputs.js';
import { addDbOption, openForWrite, safeLine } from './corpus-shared.js';
import { heapBudget } from '../heap-budget.js';

interface IngestFlags extends InputFlags {
  db: string;
  json?: boolean;
  redis?: string;
  prefix: string;
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
 * come back as duplicates). Inputs are read one at a time and stored as they are read. At the end,
 * the open stories are revised (Corpus.revise): articles that fit another story better move, and
 * stories holding two events split; both are recorded as story events.
 */
export function registerIngest(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('store articles and group them into stories (idempotent); ends by revising the stories that grew (moves, splits)')
    .argument('<inputs...>', 'files, directories, feeds, JSONL, URLs or - for stdin')
    .option('--json', 'machine-readable log: one JSON object per line on stdout')
    .option('--redis <url>', 'queue the articles for `crosscheck worker` instead of processing them here (needs a postgres:// --db)')
    .option('--prefix <prefix>', 'Redis key prefix of the queues (with --redis)', 'crosscheck');
  addDbOption(cmd);
  addInputOptions(cmd).action(async (inputs: string[], flags: IngestFlags) => {
    if (flags.redis) {
      const { enqueueInputs } = await import('./ingest-enqueue.js');
      return enqueueInputs(inputs, readOptionsFrom(flags), { db: flags.db, redis: flags.redis, prefix: flags.prefix, json: !!flags.json });
    }
    const [{ streamInputs }, { Corpus }, { storageFault }] = await Promise.all([import('../../ingest/index.js'), import('../../store/index.js'), import('../../store/sqlite-health.js')]);
    const tty = !flags.json && process.stderr.isTTY;
    const counts: Record<IngestOutcome['status'] | 'error', number> = { stored: 0, duplicate: 0, version: 0, error: 0 };
    const stories = new Set<string>();
    const started = Date.now();
    let shown = 0;
    let inputsDone = '';
    let seen = 0;
    // The store opens with the first article read, so inputs that yield nothing create no store file.
    let store: ArticleStore | null = null;
    let corpus: Corpus | null = null;
    // Peak memory stays flat at any input size (issue 15): see heap-budget.ts.
    const heap = heapBudget();
    const progress = (force = false): void => {
      if (!tty || (!force && Date.now() - shown < PROGRESS_EVERY_MS)) return;
      shown = Date.now();
      const rate = seen / Math.max(0.001, (Date.now() - started) / 1000);
      process.stderr.write(`\r\x1b[2Kinputs ${inputsDone}, ${seen} articles ingested (${rate.toFixed(0)}/s)`);
    };
    const clearLine = tty ? '\r\x1b[2K' : '';
    try {
      const read = streamInputs(inputs, {
        ...readOptionsFrom(flags),
        onProgress: (done: number, total: number) => {
          inputsDone = `${done}/${total}`;
          progress();
        },
      });
      for await (const item of read) {
        if ('problem' in item) {
          const p = item.problem;
          if (flags.json) jsonLine({ event: 'problem', origin: p.origin, level: p.level, reason: p.reason });
          else process.stderr.write(`${clearLine}${formatProblem(p)}\n`);
          continue;
        }
        const article = item.article;
        seen++;
        if (!corpus) {
          store = await openForWrite(flags.db);
          corpus = await Corpus.open(store);
        }
        try {
          const o = await corpus.ingest(article);
          counts[o.status]++;
          stories.add(o.story);
          if (flags.json) jsonLine({ event: 'article', status: o.status, id: o.id, seq: o.seq, story: o.story, origin: article.origin, nearDuplicateOf: o.nearDuplicateOf, merged: o.merged });
        } catch (e) {
          // A storage fault (full disk, I/O error) would fail every later article too: stop at the
          // first, with one message. What was stored before it is committed and kept.
          const fault = storageFault(e);
          if (fault) throw new UserError(`${flags.db}: ${fault} (${(e as Error).message}): stopped after ${counts.stored + counts.version} articles stored; fix it and run again (articles already stored are kept)`, EXIT.nothingRead);
          // One bad article never stops the batch.
          counts.error++;
          const reason = (e as Error).message;
          if (flags.json) jsonLine({ event: 'problem', origin: article.origin, level: 'error', reason });
          else process.stderr.write(`${clearLine}crosscheck: ${safeLine(article.origin)}: ${reason}\n`);
        }
        heap.check();
        progress();
      }
      if (!corpus || !store) throw new UserError('no article could be read', EXIT.nothingRead);
      // The batch is in: revise the open stories once more (moves and splits are recorded in the store).
      if (tty) process.stderr.write(`${clearLine}revising stories`);
      const revision = counts.stored + counts.version > 0 ? await corpus.revise() : null;
      if (tty) process.stderr.write(clearLine);
      const total = { articles: await store.countArticles(), stories: await store.countStories() };
      if (flags.json) {
        if (revision) jsonLine({ event: 'revision', seq: revision.seq, moved: revision.moved, splits: revision.splits, stories: revision.stories });
        jsonLine({ event: 'done', ...counts, storiesTouched: stories.size, store: total });
      } else
        process.stdout.write(
          `${counts.stored} stored, ${counts.version} new versions, ${counts.duplicate} already stored, ${counts.error} failed; ` +
            `${stories.size} stories touched` +
            (revision && revision.moved > 0 ? `; revision moved ${revision.moved} articles (${revision.splits} stories split off)` : '') +
            `. Store: ${total.articles} articles in ${total.stories} stories.\n`,
        );
    } finally {
      await store?.close();
    }
    if (counts.error === seen) process.exitCode = EXIT.nothingRead;
  });
}
