import type { Corpus } from '../store/corpus.js';

/**
 * How long the server waits after the last stored article before revising the stories. The corpus
 * revises by itself every few hundred arrivals; a server fed a trickle of articles would otherwise
 * leave its stories unrevised for days. A quiet minute is a natural end of a batch of posts.
 */
export const SERVE_REVISE_IDLE_MS = 60_000;

/**
 * Revises the corpus once writes have gone quiet: each `poke()` (an article stored) re-arms a timer,
 * and when it fires with arrivals pending the corpus revises (serialised with ingests by the corpus
 * itself). The timer does not keep the process alive; `stop()` disarms it and waits for a revision
 * under way, so the store can be closed after it.
 */
export class IdleRevision {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly corpus: Corpus,
    private readonly idleMs: number,
    private readonly onError: (e: unknown) => void,
  ) {}

  poke(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), this.idleMs);
    this.timer.unref();
  }

  private fire(): void {
    this.timer = undefined;
    if (this.stopped || this.corpus.arrivalsSinceRevision === 0) return;
    this.running = this.running.then(async () => {
      try {
        await this.corpus.revise();
      } catch (e) {
        this.onError(e);
      }
    });
  }

  /** Waits for a revision under way; no later one starts. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Resolves when the revision started by the last timer (if any) has finished: for tests. */
  settled(): Promise<void> {
    return this.running;
  }
}
