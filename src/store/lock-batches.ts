/**
 * Serialises a Corpus's work in one process and batches its decisions under the store's writer
 * lock: the lock (a PostgreSQL advisory lock: two round trips, plus the hand-over between processes)
 * is taken once for up to `maxBatch` decisions queued meanwhile, instead of once per decision. Several
 * assign jobs running at once in one worker (`worker --concurrency N`) thus queue here and share one
 * lock hold; each decision is still made on the log as the previous one left it.
 *
 * Before taking the lock, `beforeLock` runs outside it (Corpus: catch up on the log), so the catch-up
 * done while holding the lock is bounded by what other processes committed while this one waited for
 * it, not by how far behind this process was (a worker that just joined, or one that was idle).
 */
export type Exclusive = <T>(fn: () => Promise<T>) => Promise<T>;

/**
 * A locked task learns whether it follows another in the same hold of the lock: the log is then as
 * that task left it (no other process could commit), so it need not be read again.
 */
type Run<T> = (following: boolean) => Promise<T>;

interface Task {
  locked: boolean;
  run: Run<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export class LockBatches {
  private readonly pending: Task[] = [];
  private draining = false;

  constructor(
    private readonly exclusive: Exclusive | undefined,
    private readonly maxBatch: number,
    private readonly beforeLock: () => Promise<void> = () => Promise.resolve(),
  ) {}

  /** Runs `fn` after the tasks queued before it, holding the writer lock. */
  locked<T>(fn: Run<T>): Promise<T> {
    return this.push(true, fn);
  }

  /** Runs `fn` after the tasks queued before it, without the lock (reading the log, for instance). */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    return this.push(false, fn);
  }

  private push<T>(locked: boolean, fn: Run<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ locked, run: fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        if (!this.pending[0]!.locked) await settle(this.pending.shift()!, false);
        else await this.lockedBatch();
      }
    } finally {
      this.draining = false;
    }
  }

  /** Takes the lock once and runs the locked tasks at the head of the queue, up to maxBatch of them. */
  private async lockedBatch(): Promise<void> {
    const runBatch = async (): Promise<void> => {
      for (let n = 0; n < this.maxBatch && this.pending[0]?.locked; n++) await settle(this.pending.shift()!, n > 0);
    };
    try {
      await this.beforeLock();
      await (this.exclusive ? this.exclusive(runBatch) : runBatch());
    } catch (e) {
      // The lock (or the catch-up before it) failed before any task ran: the first task fails with
      // it (its job is retried); the others try again.
      const first = this.pending[0];
      if (first?.locked) {
        this.pending.shift();
        first.reject(e);
      }
    }
  }
}

async function settle(t: Task, following: boolean): Promise<void> {
  try {
    t.resolve(await t.run(following));
  } catch (e) {
    t.reject(e);
  }
}
