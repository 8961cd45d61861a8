import type { Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { HANDLERS, PoisonError, type StageContext } from './handlers.js';
import { ITEM_STAGES, STAGES, type ItemStage, type NextJob, type Stage } from './stages.js';

/**
 * The queue plumbing, in one place: a BullMQ queue per stage, job = one id, retries with exponential
 * back-off, a job that keeps failing (or fails for good: PoisonError) parked in PostgreSQL with its
 * reason. BullMQ and ioredis are loaded only when a command is given --redis.
 */

/** Attempts per job before it is parked: enough to ride out a restart of PostgreSQL or a flaky site. */
export const DEFAULT_ATTEMPTS = 4;
/** First retry delay; doubles each attempt (1 s, 2 s, 4 s). */
export const BACKOFF_MS = 1000;
/**
 * Dossier and revision jobs are debounced: one job per story (per revision) per window, run at its end,
 * so a story receiving 50 articles in a burst is rebuilt once, not 50 times.
 */
export const DEBOUNCE_MS = 2000;
/** How long a job stays locked by a worker that stopped answering before another takes it over. */
export const DEFAULT_LOCK_MS = 30_000;
/** Finished jobs kept in Redis for `crosscheck queue`: the items' state lives in PostgreSQL. */
const KEEP_FAILED = 1000;

export interface QueueConfig {
  redisUrl: string;
  /** Redis key prefix: several deployments (or test runs) can share one Redis. */
  prefix?: string;
  attempts?: number;
  lockMs?: number;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export const queueName = (stage: Stage): string => `crosscheck-${stage}`;

export class StageQueues {
  private constructor(
    readonly config: Required<QueueConfig>,
    readonly connection: Redis,
    private readonly queues: Map<Stage, Queue>,
  ) {}

  static async open(config: QueueConfig): Promise<StageQueues> {
    const [{ Queue }, { Redis }] = await Promise.all([import('bullmq'), import('ioredis')]);
    const full: Required<QueueConfig> = { prefix: 'crosscheck', attempts: DEFAULT_ATTEMPTS, lockMs: DEFAULT_LOCK_MS, ...config };
    // maxRetriesPerRequest null: BullMQ's blocking commands wait through a Redis restart instead of failing.
    const connection = new Redis(full.redisUrl, { maxRetriesPerRequest: null });
    connection.on('error', () => undefined);
    const queues = new Map<Stage, Queue>(STAGES.map((s) => [s, new Queue(queueName(s), { connection, prefix: full.prefix })]));
    return new StageQueues(full, connection, queues);
  }

  private queue(stage: Stage): Queue {
    return this.queues.get(stage)!;
  }

  /** Adds jobs; a job whose id is already queued is not added twice (BullMQ job ids). */
  async enqueue(jobs: NextJob[]): Promise<void> {
    for (const j of jobs) {
      const debounced = j.stage === 'dossier' || j.stage === 'revise';
      const jobId = debounced ? `${j.id}-${Math.floor(Date.now() / DEBOUNCE_MS)}` : j.id;
      await this.queue(j.stage).add(
        j.stage,
        { id: j.id },
        {
          jobId,
          attempts: this.config.attempts,
          backoff: { type: 'exponential', delay: BACKOFF_MS },
          removeOnComplete: true,
          removeOnFail: { count: KEEP_FAILED },
          ...(debounced ? { delay: DEBOUNCE_MS } : {}),
        },
      );
    }
  }

  async counts(): Promise<Record<Stage, QueueCounts>> {
    const out = {} as Record<Stage, QueueCounts>;
    for (const s of STAGES) {
      const c = await this.queue(s).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
      out[s] = { waiting: (c['waiting'] ?? 0) + (c['prioritized'] ?? 0), active: c['active'] ?? 0, delayed: c['delayed'] ?? 0, failed: c['failed'] ?? 0, completed: c['completed'] ?? 0 };
    }
    return out;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}

/** What the workers report, for logs and metrics. */
export type WorkerEvent =
  | { event: 'done'; stage: Stage; id: string; ms: number }
  | { event: 'retry'; stage: Stage; id: string; attempt: number; reason: string }
  | { event: 'parked'; stage: Stage; id: string; reason: string };

export interface WorkerOptions {
  stages: Stage[];
  /** Jobs run at once per stage in this process. */
  concurrency: number;
  onEvent?: (e: WorkerEvent) => void;
}

const isItemStage = (s: Stage): s is ItemStage => (ITEM_STAGES as readonly string[]).includes(s);

/** Starts one BullMQ worker per stage; `close()` lets current jobs finish (SIGTERM), then stops. */
export async function startWorkers(queues: StageQueues, ctx: StageContext, options: WorkerOptions): Promise<{ close: () => Promise<void> }> {
  const { Worker, UnrecoverableError } = await import('bullmq');
  const report = options.onEvent ?? ((): void => undefined);
  // BullMQ does not close a connection it was given: these are closed below, after the workers.
  const connections: Redis[] = [];
  const workers: Worker[] = options.stages.map((stage) => {
    const run = async (job: Job<{ id: string }>): Promise<void> => {
      const started = performance.now();
      try {
        await queues.enqueue(await HANDLERS[stage](ctx, job.data.id));
      } catch (e) {
        // Retrying cannot fix a poison input: fail the job now, so it is parked below.
        if (e instanceof PoisonError) throw new UnrecoverableError(e.message);
        throw e;
      }
      report({ event: 'done', stage, id: job.data.id, ms: performance.now() - started });
    };
    const w = new Worker<{ id: string }>(queueName(stage), run, {
      connection: quiet(queues.connection.duplicate(), connections),
      prefix: queues.config.prefix,
      // Assign jobs run N at once: their item reads and writes overlap, and their decisions queue in
      // the Corpus and share a hold of the writer lock (store/lock-batches.ts). One revision at a time.
      concurrency: stage === 'revise' ? 1 : options.concurrency,
      lockDuration: queues.config.lockMs,
      stalledInterval: Math.max(1000, Math.floor(queues.config.lockMs / 2)),
    });
    w.on('failed', (job, err) => {
      if (!job) return;
      const reason = err.message.split('\n')[0] ?? '';
      const final = err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
      const id = job.data.id;
      if (!final) {
        report({ event: 'retry', stage, id, attempt: job.attemptsMade, reason });
        if (isItemStage(stage)) void ctx.items.noteAttempt(id, reason).catch(() => undefined);
        return;
      }
      report({ event: 'parked', stage, id, reason });
      if (isItemStage(stage)) void ctx.items.park(id, stage, reason).catch(() => undefined);
    });
    w.on('error', () => undefined);
    return w;
  });
  return {
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
      for (const c of connections) c.disconnect();
    },
  };
}

/** A connection's errors surface as failed commands (and retries); the event itself must not crash the process. */
function quiet(r: Redis, keep: Redis[]): Redis {
  r.on('error', () => undefined);
  keep.push(r);
  return r;
}
