import type { Command } from 'commander';
import { STAGES } from '../../pipeline/stages.js';
import { displayDb, safeLine } from './corpus-shared.js';
import { requirePostgres } from './worker.js';

/** Seconds over which `queue` measures throughput (items finished). */
const THROUGHPUT_WINDOW_S = 60;

/** `crosscheck queue`: each queue's depth and failures, the items by stage in PostgreSQL, and throughput. */
export function registerQueue(program: Command): void {
  program
    .command('queue')
    .description('show the pipeline: jobs per queue (waiting, active, delayed, failed), items per stage, throughput, recent failures')
    .option('--db <url>', 'the PostgreSQL store (default: $DATABASE_URL)', process.env['DATABASE_URL'] ?? '')
    .option('--redis <url>', 'the Redis server (default: $REDIS_URL)', process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379')
    .option('--prefix <prefix>', 'Redis key prefix of the queues', 'crosscheck')
    .option('--json', 'one JSON object on stdout')
    .action(async (flags: { db: string; redis: string; prefix: string; json?: boolean }) => {
      requirePostgres(flags.db, 'queue');
      const [{ openPipeline }, { StageQueues }] = await Promise.all([import('../../pipeline/context.js'), import('../../pipeline/queues.js')]);
      const pipeline = await openPipeline(flags.db, { poolSize: 2 });
      const queues = await StageQueues.open({ redisUrl: flags.redis, prefix: flags.prefix });
      try {
        const [jobs, items, done, failures] = await Promise.all([queues.counts(), pipeline.items.countsByStage(), pipeline.items.doneWithin(THROUGHPUT_WINDOW_S), pipeline.items.failures(10)]);
        const perSecond = done / THROUGHPUT_WINDOW_S;
        if (flags.json) {
          process.stdout.write(JSON.stringify({ queues: jobs, items, articlesPerSecond: perSecond, failures }) + '\n');
          return;
        }
        const lines = [`store ${displayDb(flags.db)}, redis prefix ${flags.prefix}`, 'queue      waiting  active  delayed  failed'];
        for (const s of STAGES) {
          const c = jobs[s];
          lines.push(`${s.padEnd(9)} ${String(c.waiting).padStart(8)} ${String(c.active).padStart(7)} ${String(c.delayed).padStart(8)} ${String(c.failed).padStart(7)}`);
        }
        lines.push(`items by stage: ${Object.entries(items).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
        lines.push(`throughput: ${perSecond.toFixed(2)} articles/s over the last ${THROUGHPUT_WINDOW_S} s`);
        for (const f of failures) lines.push(`failed at ${f.stage}: ${safeLine(f.origin)}: ${safeLine(f.reason)}`);
        process.stdout.write(lines.join('\n') + '\n');
      } finally {
        await queues.close();
        await pipeline.close();
      }
    });
}
