import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { isPostgresUrl } from '../../store/default-db.js';
import { parseStages, STAGES } from '../../pipeline/stages.js';
import type { RunWorkerOptions } from '../../pipeline/run-worker.js';
import { displayDb, parsePort, parsePositiveInt } from './corpus-shared.js';
import { watchHeap } from '../heap-budget.js';

/** The flags are the worker's options, less the printable store label the command derives. */
type WorkerFlags = Omit<RunWorkerOptions, 'dbLabel'>;

export function requirePostgres(db: string, command: string): void {
  if (!isPostgresUrl(db)) throw new UserError(`${command} needs a PostgreSQL store: --db postgres://... (or $DATABASE_URL); got ${db}`);
}

/** `crosscheck worker`: runs stage jobs from the Redis queues against the PostgreSQL store until SIGTERM. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run pipeline stages from the Redis queues (BullMQ) against a PostgreSQL store; stops cleanly on SIGTERM')
    .option('--db <url>', 'the PostgreSQL store (default: $DATABASE_URL)', process.env['DATABASE_URL'] ?? '')
    .option('--redis <url>', 'the Redis server (default: $REDIS_URL)', process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379')
    .option('--stages <list>', `stages to run, comma-separated (${STAGES.join(',')})`, parseStages, [...STAGES])
    .option('--concurrency <n>', 'jobs at once per stage in this process (assign decisions share the writer lock in batches; revise runs one at a time)', parsePositiveInt, 2)
    .option('--prefix <prefix>', 'Redis key prefix of the queues', 'crosscheck')
    .option('--port <n>', 'serve /healthz, /readyz and /metrics on this port (loopback)', parsePort)
    .option('--sweep-deadline <seconds>', 're-enqueue items unfinished and untouched this long', parsePositiveInt, 300)
    .option('--sweep-every <seconds>', 'seconds between sweeps', parsePositiveInt, 30)
    .option('--allow-private-network', 'let the fetch stage read private, loopback and link-local addresses')
    .option('--lock-ms <ms>', 'how long a silent worker keeps a job before another takes it over', parsePositiveInt)
    .action(async (flags: WorkerFlags) => {
      requirePostgres(flags.db, 'worker');
      const { runWorker } = await import('../../pipeline/run-worker.js');
      // A worker runs for days: its heap is kept near what is alive (heap-budget.ts).
      const heap = watchHeap();
      try {
        await runWorker({ ...flags, dbLabel: displayDb(flags.db) });
      } finally {
        heap.stop();
      }
    });
}
