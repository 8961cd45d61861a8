import type { StoryState } from './clusterer.js';

/** One open story as the window tables hold it (migration 007's window_stories). */
export interface WindowStoryRow {
  id: string;
  size: number;
  minTime: number | null;
  maxTime: number | null;
  createdSeq: number;
  /** In the clusterer's order: sums are taken in it, so a read-back story decides identically. */
  centroid: [string, number][];
}

/**
 * What one decision (or revision) changed in the clustering window, for the store to apply in the
 * same transaction as the commit: the candidate-index sweep (first, against the state before), the
 * stories changed (upserted) or gone, the (term, story) pairs added to the index and the counters.
 */
export interface WindowDelta {
  /** The index sweep ran: pairs of stories gone or ended before this time (ms) are dropped. */
  sweepBefore: number | null;
  stories: WindowStoryRow[];
  gone: string[];
  index: [string, string][];
  seq: number;
  latest: number | null;
}

/**
 * Records the changes a StoryClusterer makes, between start() and take(); nothing otherwise. Corpus
 * starts it before each decision, after catching up, so the changes replayed from other processes'
 * commits (which those commits already wrote) are not written again.
 */
export class WindowJournal {
  private sweepBefore: number | null = null;
  private readonly dirty = new Set<string>();
  private readonly forgotten = new Set<string>();
  private readonly index = new Map<string, [string, string]>();
  private ops = 0;
  private recording = false;
  private inexact = false;

  start(): void {
    this.recording = true;
    this.inexact = false;
    this.sweepBefore = null;
    this.dirty.clear();
    this.forgotten.clear();
    this.index.clear();
    this.ops = 0;
  }

  sweep(horizon: number): void {
    if (!this.recording) return;
    // The store applies the sweep before everything else: exact only when nothing came before it.
    if (this.ops > 0) this.inexact = true;
    this.sweepBefore = horizon;
  }

  story(id: string): void {
    if (!this.recording) return;
    this.ops++;
    this.dirty.add(id);
  }

  /** A story that will be forgotten once the commit is in (the member sweep): gone from the tables. */
  forget(id: string): void {
    if (!this.recording) return;
    this.ops++;
    this.forgotten.add(id);
  }

  indexed(term: string, story: string): void {
    if (!this.recording) return;
    this.ops++;
    const key = term + '\u0000' + story;
    if (!this.index.has(key)) this.index.set(key, [term, story]);
  }

  /** The delta against the clusterer's state now. */
  take(lookup: (id: string) => StoryState | undefined, seq: number, latest: number | null): WindowDelta {
    if (!this.recording) throw new Error('window journal: take() without start()');
    if (this.inexact) throw new Error('window journal: an index sweep came after other changes');
    this.recording = false;
    const stories: WindowStoryRow[] = [];
    const gone: string[] = [];
    for (const id of [...this.dirty].sort()) {
      const s = this.forgotten.has(id) ? undefined : lookup(id);
      if (s) stories.push({ id, size: s.articles.length, minTime: s.minTime, maxTime: s.maxTime, createdSeq: s.createdSeq, centroid: [...s.centroid] });
      else gone.push(id);
    }
    for (const id of [...this.forgotten].sort()) if (!this.dirty.has(id)) gone.push(id);
    return { sweepBefore: this.sweepBefore, stories, gone, index: [...this.index.values()], seq, latest };
  }
}
