import { streamInputs, type ReadOptions } from '../../ingest/index.js';
import { EXIT, UserError } from '../errors.js';
import { formatProblem } from '../load-inputs.js';
import { displayDb } from './corpus-shared.js';
import { requirePostgres } from './worker.js';

/**
 * `ingest --redis`: the inputs are read here (files are where this process is), each article stored
 * in pipeline_items and its analyze job queued; workers do the rest. Idempotent: an article already
 * in the pipeline is not queued again.
 */
export async function enqueueInputs(inputs: string[], read: ReadOptions, o: { db: string; redis: string; prefix: string; json: boolean }): Promise<void> {
  requirePostgres(o.db, 'ingest --redis');
  const [{ openPipeline }, { StageQueues }] = await Promise.all([import('../../pipeline/context.js'), import('../../pipeline/queues.js')]);
  const pipeline = await openPipeline(o.db, { poolSize: 2 });
  const queues = await StageQueues.open({ redisUrl: o.redis, prefix: o.prefix });
  let queued = 0;
  let known = 0;
  try {
    for await (const item of streamInputs(inputs, read)) {
      if ('problem' in item) {
        process.stderr.write(formatProblem(item.problem) + '\n');
        continue;
      }
      const { id, added } = await pipeline.items.addArticle(item.article);
      if (added) {
        await queues.enqueue([{ stage: 'analyze', id }]);
        queued++;
      } else known++;
      if (o.json) process.stdout.write(JSON.stringify({ event: 'queued', id, origin: item.article.origin, added }) + '\n');
    }
  } finally {
    await queues.close();
    await pipeline.close();
  }
  if (queued + known === 0) throw new UserError('no article could be read', EXIT.nothingRead);
  if (!o.json) process.stdout.write(`${queued} queued, ${known} already in the pipeline (${displayDb(o.db)}); run crosscheck worker to process them, crosscheck queue to follow.\n`);
}
