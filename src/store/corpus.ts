import { bodyOf, type Article } from '../model/article.js';
import {
  DEFAULT_SPLIT,
  DocumentFrequencies,
  extractFeatures,
  featureKeys,
  reviseAssignments,
  storyTitle,
  vectorize,
  type ClusterParams,
  type SparseVector,
  type CandidateLookup,
  type ClustererState,
  type WindowDelta,
} from '../cluster/index.js';
import { contentId, urlKey } from './identity.js';
import { minhash } from './minhash.js';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint.js';
import { revisionChange } from './revision-change.js';
import { LockBatches } from './lock-batches.js';
import { revisionItems, splitNamer } from './revision-items.js';
import { OpenWindow } from './window-state.js';
import { checkedLookup, lookupModeFromEnv, type LookupMode } from './window-lookup.js';
import { StoreConflictError, type ArticleStore, type MergeEvent, type RevisionCommit } from './types.js';

/** How an ingested article landed. */
export interface IngestOutcome {
  status: 'stored' | 'duplicate' | 'version';
  /** Content id of the stored (or already stored) article. */
  id: string;
  story: string;
  seq: number;
  nearDuplicateOf: string | null;
  merged: string[];
}

/** Times a commit is retried after another writer got in first; each retry first replays their articles. */
const MAX_CONFLICT_RETRIES = 20;
/**
 * Log seqs between clustering checkpoints (store/checkpoint.ts): a joining process replays at most
 * about this many entries after loading the latest. Whoever commits a seq that is a multiple of it
 * writes the checkpoint, so concurrent assigners write one each time between them, not one each.
 */
export const CHECKPOINT_EVERY = 2000;
/**
 * Decisions of one process made under one hold of the writer lock (store/lock-batches.ts), when that
 * many are queued. Taking the lock costs two round trips and a hand-over; holding it for 8 decisions
 * (about 8 x 15 ms here) keeps another process's wait for it near one batch, as fair as per article.
 */
export const LOCK_BATCH = 8;
export interface CorpusOptions {
  checkpointEvery?: number;
  lookup?: LookupMode;
  memberSweepEvery?: number;
}

/** What one revision changed. */
export interface RevisionOutcome {
  seq: number;
  moved: number;
  splits: number;
  /** Stories whose articles changed, sorted. */
  stories: string[];
}

/**
 * Corpus mode: articles go into a store and into stories. The clustering state lives in memory
 * (window-state.ts) and is rebuilt from the store on open (its latest checkpoint, then the log after
 * it), then kept up to date with articles other processes commit, so `ingest`, `watch` and `serve`
 * can write to one store at once.
 */
export class Corpus {
  private readonly w: OpenWindow;
  private readonly batches: LockBatches; // serialises this process's work, batching decisions under the lock

  private constructor(
    readonly store: ArticleStore,
    params: Partial<ClusterParams>,
    private readonly checkpointEvery: number,
    private readonly lookupMode: LookupMode,
    memberSweepEvery?: number,
  ) {
    this.w = new OpenWindow(params, store.termFrequencies !== undefined, memberSweepEvery);
    this.batches = new LockBatches(store.exclusive?.bind(store), LOCK_BATCH, () => this.catchUpNow());
  }

  /**
   * `options.checkpointEvery`: seqs between checkpoints (tests use a small one); `options.lookup`: where
   * decisions look candidates up (window-lookup.ts; default from CROSSCHECK_WINDOW_LOOKUP, else memory);
   * `options.memberSweepEvery`: articles between sweeps of closed stories (tests).
   */
  static async open(store: ArticleStore, params: Partial<ClusterParams> = {}, options: CorpusOptions = {}): Promise<Corpus> {
    const c = Corpus.deferred(store, params, options);
    await c.catchUp();
    await c.ensureWindowTables();
    return c;
  }

  /** The state loads with the first ingest, revision or catch-up: `serve` reads the store at once, its first write waits. */
  static deferred(store: ArticleStore, params: Partial<ClusterParams> = {}, options: CorpusOptions = {}): Corpus {
    return new Corpus(store, params, options.checkpointEvery ?? CHECKPOINT_EVERY, options.lookup ?? lookupModeFromEnv(), options.memberSweepEvery);
  }

  private loaded = false;

  /** The latest checkpoint, then the log after it (from a clean state, so a failed load is retried whole). */
  private async load(): Promise<void> {
    const from = await this.rebuild();
    this.loaded = true;
    // A store written before checkpoints existed (or a long tail): the next process need not replay it.
    if (this.w.seen - from >= this.checkpointEvery) await this.checkpoint();
  }

  /**
   * This process keeps the store's window tables: the store has them and the lookup reads them. With
   * the default lookup (memory) commits carry no delta and the tables are marked stale: keeping them
   * costs each commit a centroid row and index pairs (docs/scale.md), which only pays once they are read.
   */
  private get keepsWindow(): boolean {
    return this.store.keepsWindow === true && this.lookupMode !== 'memory';
  }

  /** A store whose window tables do not follow its log (written before them, bulk-loaded, or by a memory-mode process) gets them from memory. */
  private async ensureWindowTables(): Promise<void> {
    if (this.keepsWindow) await this.batches.locked(() => this.repairWindow(true));
  }

  /** Under the writer lock: rewrites the window tables from memory if they do not follow the log. */
  private async repairWindow(catchUp: boolean): Promise<void> {
    const store = this.store;
    const save = store.saveWindow?.bind(store);
    if (!store.windowValid || !save || (await store.windowValid())) return;
    if (catchUp) await this.catchUpNow();
    await save(this.w.clusterer.windowRows(), this.w.seen);
  }

  get lastSeq(): number {
    return this.w.seen;
  }

  /** The in-memory clusterer's state (tests compare the store's window tables with it). */
  windowState(): ClustererState {
    return this.w.clusterer.exportState();
  }

  /** Where the in-memory clustering has each article (the store must agree: tests check it). */
  assignments(): Map<string, string> {
    return this.w.assignments();
  }

  /** Replays the log entries committed since we last looked (by other processes), in turn with this process's decisions. */
  catchUp(): Promise<void> {
    return this.batches.serial(() => this.catchUpNow());
  }

  private async catchUpNow(): Promise<void> {
    return this.loaded ? this.replayLog() : this.load();
  }

  private async replayLog(): Promise<void> {
    for await (const entry of this.store.replay(this.w.seen)) {
      if (entry.kind === 'article') this.w.apply(entry.record, entry.merges);
      else this.w.applyRevision(entry.revision, entry.seq);
    }
  }

  /** Loads the store's latest checkpoint into this (empty) corpus, if the store keeps them. */
  private async fromCheckpoint(): Promise<void> {
    const cp = await this.store.loadCheckpoint?.();
    if (cp) this.w.load(decodeCheckpoint(cp.body));
  }

  /** Writes a checkpoint of the state at the current seq (the store's latest few are kept). */
  async checkpoint(): Promise<void> {
    if (!this.store.saveCheckpoint) return;
    await this.store.saveCheckpoint(this.w.seen, encodeCheckpoint(this.w.snapshot()));
  }

  /** After a commit of ours at `seq`: the checkpoint is due when seq is a multiple of CHECKPOINT_EVERY. */
  private async checkpointIfDue(seq: number): Promise<void> {
    // A failed write only costs the next joiner a longer replay: the article itself is committed.
    if (seq % this.checkpointEvery === 0) await this.checkpoint().catch(() => undefined);
  }

  /** Articles placed since the last revision (in this process or read from the log): 0 means nothing to revise. */
  get arrivalsSinceRevision(): number {
    return this.w.sinceRevision;
  }

  /**
   * Revises the open stories now (ingest calls this at the end of a batch, watch after each round):
   * moves articles that fit another story better and splits stories holding two events, recording
   * both in the store. Serialised with ingests. Returns null when another writer got in first (the
   * next revision will look again).
   */
  revise(): Promise<RevisionOutcome | null> {
    return this.batches.locked(async () => {
      await this.catchUpNow();
      return this.reviseNow();
    });
  }

  private async reviseNow(): Promise<RevisionOutcome | null> {
    const clusterer = this.w.clusterer;
    const { items, stories } = revisionItems(clusterer, this.w.members);
    const fresh = splitNamer(items, (id) => clusterer.story(id) !== undefined);
    const p = clusterer.params;
    // Only stories that gained articles since the last revision are revised: the others were already.
    const only = new Set([...this.w.touched].filter((id) => clusterer.story(id) !== undefined));
    const { final } = reviseAssignments(items, { joinThreshold: p.joinThreshold, windowDays: p.windowDays, refine: true, split: DEFAULT_SPLIT, only }, fresh);
    const { moves, splits, emptied } = await revisionChange(items, final, stories, async (id) => {
      const record = await this.store.byId(id);
      return record ? storyTitle(record.article) : null;
    });
    const change: RevisionCommit = { at: new Date().toISOString(), splits, moves, emptied };
    const seq = this.keepsWindow ? await this.reviseKeepingWindow(change) : await this.store.revise(change, this.w.seen).catch(refused);
    if (seq === null) return null;
    if (this.keepsWindow) this.w.revised(seq);
    else this.w.applyRevision(change, seq);
    await this.checkpointIfDue(seq);
    return { seq, moved: moves.length, splits: splits.length, stories: [...new Set(moves.flatMap((m) => [m.from, m.to]))].sort() };
  }

  /**
   * A store keeping the window tables gets the revision's window changes in its transaction: they are
   * applied to memory first, which is rebuilt from the store if the revision is refused.
   */
  private async reviseKeepingWindow(change: RevisionCommit): Promise<number | null> {
    this.w.clusterer.journal.start();
    this.w.applyMoves(change);
    try {
      return await this.store.revise(change, this.w.seen, this.w.clusterer.takeDelta());
    } catch (e) {
      await this.rebuild();
      return refused(e);
    }
  }

  /** The candidate lookup of the next decision (window-lookup.ts): the in-memory one unless the store's is asked for. */
  private lookup(): CandidateLookup {
    const memory = this.w.clusterer.lookup;
    if (this.decidesInMemory || !this.store.windowLookup) return memory;
    const store = this.store.windowLookup(this.w.clusterer.params, () => this.w.seen);
    return this.lookupMode === 'store' ? store : checkedLookup(memory, store);
  }

  /**
   * Decisions read candidates from the clusterer's own index: they are then taken synchronously
   * (clusterer.add: the same candidates and decide() as addVia over `clusterer.lookup`). Awaiting that
   * lookup cost about 60,000 instructions per decision in callgrind (a promise and an async frame for
   * nothing to wait on), about half of what the window-tables change added to the decision.
   */
  private get decidesInMemory(): boolean {
    return this.lookupMode === 'memory' || !this.store.windowLookup;
  }

  /** Stores one article (idempotent) and places it in a story. Calls are serialised. */
  ingest(article: Article): Promise<IngestOutcome> {
    return this.batches.locked((following) => this.ingestNow(article, following));
  }

  /**
   * `following`: an earlier decision of ours in this hold of the lock left the log as we know it (only
   * a cut connection could let another writer in meanwhile, and the commit's seq check catches that).
   */
  private async ingestNow(article: Article, following: boolean): Promise<IngestOutcome> {
    for (let attempt = 0; ; attempt++) {
      if (!following || attempt > 0) await this.catchUpNow();
      try {
        const outcome = await this.decideAndCommit(article);
        if (outcome.status !== 'duplicate') await this.checkpointIfDue(outcome.seq);
        if (outcome.status !== 'duplicate' && this.w.revisionDue()) await this.reviseNow();
        return outcome;
      } catch (e) {
        if (!(e instanceof StoreConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw e;
        // Another writer committed first: the in-memory decision may be stale, so rebuild from the store.
        await this.rebuild();
      }
    }
  }

  /** Starts again from the store: its latest checkpoint, then the log after it. Returns the checkpoint's seq. */
  private async rebuild(): Promise<number> {
    this.w.reset();
    await this.fromCheckpoint();
    const from = this.w.seen;
    await this.replayLog();
    return from;
  }

  /**
   * Document frequencies with this article counted: the store's (read under the writer lock, after
   * catching up, so exactly what a replay would have counted) or the ones held in memory.
   */
  private async frequencies(terms: string[]): Promise<DocumentFrequencies> {
    if (!this.store.termFrequencies) {
      this.w.df.add(terms);
      return this.w.df;
    }
    const { docs, df } = await this.store.termFrequencies(terms);
    const read = DocumentFrequencies.fromState([docs, df]);
    read.add(terms);
    return read;
  }

  private async decideAndCommit(article: Article): Promise<IngestOutcome> {
    const id = contentId(article);
    const existing = await this.store.byId(id);
    if (existing) return { status: 'duplicate', id, story: existing.storyId, seq: existing.seq, nearDuplicateOf: existing.nearDuplicateOf, merged: [] };
    const key = urlKey(article);
    const previous = await this.store.byUrl(key);
    const features = extractFeatures(article);
    const terms = featureKeys(features);
    const sig = minhash(bodyOf(article));
    const at = new Date().toISOString();
    let vector: SparseVector;
    let story: string;
    let newStory: { id: string; title: string } | null = null;
    let merged: MergeEvent[] = [];
    const df = await this.frequencies(terms);
    const keepsWindow = this.keepsWindow;
    if (keepsWindow) await this.repairWindow(false);
    // What this decision changes in the window, for the store's tables; replays before it were written already.
    if (keepsWindow) this.w.clusterer.journal.start();
    // On any failure below, memory is rebuilt from the store, so it never holds an unstored article.
    try {
      vector = vectorize(features, df);
      if (previous) {
        // A changed text at a known URL stays in that article's story.
        story = previous.storyId;
        this.w.clusterer.restore(story, id, vector, features.time);
      } else {
        const a = this.decidesInMemory ? this.w.clusterer.add(id, vector, features.time) : await this.w.clusterer.addVia(this.lookup(), id, vector, features.time);
        story = a.story;
        if (a.created) newStory = { id: a.story, title: storyTitle(article) };
        merged = a.merged.map((from) => ({ into: a.story, from }));
      }
    } catch (e) {
      await this.rebuild();
      throw e;
    }
    // With merges, the clusterer reports the surviving story; replay joins it there and then folds
    // the others in, which gives the same sums, so the survivor is the story to record.
    const firstStory = story;
    const nearDuplicateOf = this.w.signatures.nearest(story, sig, merged);
    let window: WindowDelta | undefined;
    if (keepsWindow) {
      for (const closing of this.w.closingAfterNext()) this.w.clusterer.journal.forget(closing);
      window = this.w.clusterer.takeDelta();
    }
    try {
      const record = await this.store.commit(
        {
          record: {
            id,
            urlKey: key,
            version: previous ? previous.version + 1 : 1,
            current: true,
            storyId: story,
            firstStory,
            nearDuplicateOf,
            ingestedAt: at,
            article,
            vector: [...vector],
            terms,
            minhash: sig,
          },
          newStory,
          merges: merged,
          supersedes: previous?.id ?? null,
          ...(window ? { window } : {}),
        },
        this.w.seen,
      );
      this.w.seen = record.seq;
      this.w.placed(firstStory, id, sig, merged, { seq: record.seq, vector, time: features.time, urlKey: key });
      return { status: previous ? 'version' : 'stored', id, story: record.storyId, seq: record.seq, nearDuplicateOf, merged: merged.map((m) => m.from) };
    } catch (e) {
      // The in-memory clustering already holds this article: rebuild it from what the store holds.
      await this.rebuild();
      throw e;
    }
  }
}

/** A refused revision (another writer got in first) is null: the next revision looks again. */
function refused(e: unknown): null {
  if (e instanceof StoreConflictError) return null;
  throw e;
}
