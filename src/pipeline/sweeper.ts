import type { PipelineItems } from './items.js';
import type { StageQueues } from './queues.js';

/**
 * The sweeper: PostgreSQL says which items are unfinished; any untouched for longer than the deadline
 * is enqueued again at its stage. Redis can then be flushed, restarted empty or lost: every article
 * still moves on. Re-enqueueing an item whose job is still queued is harmless (job ids dedupe, and
 * handlers are idempotent). Every worker runs one; they do not need to agree.
 */

/** An item untouched this long is presumed lost from the queue: far above one stage's run time (seconds). */
export const DEFAULT_SWEEP_DEADLINE_MS = 5 * 60_000;
export const DEFAULT_SWEEP_EVERY_MS = 30_000;
/** Items re-enqueued per sweep: bounds one sweep's work after a large loss; the next sweep takes the rest. */
const SWEEP_BATCH = 5000;

export async function sweepOnce(items: PipelineItems, queues: StageQueues, deadlineMs: number): Promise<number> {
  const stale = await items.stale(deadlineMs, SWEEP_BATCH);
  if (stale.length === 0) return 0;
  await queues.enqueue(stale);
  await items.touch(stale.map((s) => s.id));
  return stale.length;
}

export interface Sweeper {
  stop(): Promise<void>;
}

export function startSweeper(items: PipelineItems, queues: StageQueues, options: { deadlineMs: number; everyMs: number; onSweep?: (n: number) => void; onError?: (e: unknown) => void }): Sweeper {
  let running: Promise<void> = Promise.resolve();
  const tick = (): void => {
    running = sweepOnce(items, queues, options.deadlineMs)
      .then((n) => (n > 0 ? options.onSweep?.(n) : undefined))
      .catch((e: unknown) => options.onError?.(e));
  };
  const timer = setInterval(tick, options.everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
