import { serve } from '@hono/node-server';
import { opsRoutes } from '../server/ops.js';
import { openPipeline } from './context.js';
import { createLogger } from './log.js';
import { createMetrics } from './metrics.js';
import { StageQueues, startWorkers } from './queues.js';
import type { Stage } from './stages.js';
import { startSweeper } from './sweeper.js';

export interface RunWorkerOptions {
  db: string;
  dbLabel: string;
  redis: string;
  stages: Stage[];
  concurrency: number;
  prefix: string;
  port?: number;
  sweepDeadline: number;
  sweepEvery: number;
  lockMs?: number;
  allowPrivateNetwork?: boolean;
}

/** One worker process: stage workers, a sweeper, optional ops routes; resolves after SIGTERM/SIGINT once current jobs finished. */
export async function runWorker(o: RunWorkerOptions): Promise<void> {
  const log = await createLogger();
  const opened = await openPipeline(o.db);
  const pipeline = o.allowPrivateNetwork ? { ...opened, fetch: { allowPrivateNetwork: true } } : opened;
  const queues = await StageQueues.open({ redisUrl: o.redis, prefix: o.prefix, ...(o.lockMs ? { lockMs: o.lockMs } : {}) });
  const metrics = await createMetrics(queues);
  const workers = await startWorkers(queues, pipeline, {
    stages: o.stages,
    concurrency: o.concurrency,
    onEvent: (e) => {
      metrics.observe(e);
      if (e.event === 'done') log.debug(e, 'job done');
      else log.warn(e, e.event === 'parked' ? 'job parked in the failed list' : 'job failed, will retry');
    },
  });
  const sweeper = startSweeper(pipeline.items, queues, {
    deadlineMs: o.sweepDeadline * 1000,
    everyMs: o.sweepEvery * 1000,
    onSweep: (n) => log.info({ requeued: n }, 'sweeper re-enqueued unfinished items'),
    onError: (e) => log.error({ err: e instanceof Error ? e.message : String(e) }, 'sweep failed'),
  });
  const ready = async (): Promise<boolean> => {
    await pipeline.store.pool.query('SELECT 1');
    return (await queues.connection.ping()) === 'PONG';
  };
  const server = o.port === undefined ? null : serve({ fetch: opsRoutes({ ready, metrics, failures: () => pipeline.items.failures() }).fetch, hostname: '127.0.0.1', port: o.port });
  log.info({ db: o.dbLabel, stages: o.stages, concurrency: o.concurrency }, 'worker started');
  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      log.info({ signal }, 'stopping: current jobs finish first');
      void (async () => {
        await workers.close();
        await sweeper.stop();
        server?.close();
        await queues.close();
        await pipeline.close();
        log.info({}, 'worker stopped');
        resolve();
      })();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
