import type { ArticleStore, StorySummary } from '../store/types.js';

/**
 * The store reads nearly every read route makes first (the log's seq, the version of every list and of
 * /health; a story's summary, for its routes' versions), shared by the requests handled in one turn
 * of the event loop. Two hundred concurrent clients' requests arrive together, and each read is a
 * query (a story's summary reads its articles' outlets and dates): a cache hit then cost more in these
 * reads than in sending its bytes (seqNow alone was 11% of a cached /health request's CPU).
 *
 * A value lives until the loop's next check phase (setImmediate), so a write committed by another
 * process shows at most one turn later, as if the request had arrived a moment earlier; and it is
 * dropped at once when this process changes what it read (`localVersion`: its corpus's seq and its
 * dossier builds, which set conflict counts), so a client never misses its own write.
 */
export class TurnReads {
  private seq: Promise<number> | null = null;
  private readonly stories = new Map<string, Promise<StorySummary | null>>();
  /** The values above once they resolved, for the synchronous peeks of src/server/fast-reads.ts. */
  private seqValue: number | undefined;
  private readonly storyValues = new Map<string, StorySummary | null>();
  private local = '';
  private armed = false;

  constructor(
    private readonly store: ArticleStore,
    private readonly localVersion: () => string,
  ) {}

  lastSeq(): Promise<number> {
    this.fresh();
    if (!this.seq) {
      const p = this.store.lastSeq();
      this.seq = p;
      p.then((v) => {
        if (this.seq === p) this.seqValue = v;
      }, () => undefined);
    }
    return this.seq;
  }

  story(id: string): Promise<StorySummary | null> {
    this.fresh();
    let p = this.stories.get(id);
    if (!p) {
      const read = this.store.story(id);
      this.stories.set(id, (p = read));
      read.then((v) => {
        if (this.stories.get(id) === read) this.storyValues.set(id, v);
      }, () => undefined);
    }
    return p;
  }

  /** What lastSeq() resolves to in this turn, if it was read and has resolved; else undefined. */
  seqNow(): number | undefined {
    this.fresh();
    return this.seqValue;
  }

  /** What story(id) resolves to in this turn, if it was read and has resolved; else undefined. */
  storyNow(id: string): StorySummary | null | undefined {
    this.fresh();
    return this.storyValues.get(id);
  }

  private clear(): void {
    this.seq = null;
    this.seqValue = undefined;
    this.stories.clear();
    this.storyValues.clear();
  }

  private fresh(): void {
    const local = this.localVersion();
    if (local !== this.local) {
      this.local = local;
      this.clear();
    }
    if (this.armed) return;
    this.armed = true;
    setImmediate(() => {
      this.armed = false;
      this.clear();
    });
  }
}
