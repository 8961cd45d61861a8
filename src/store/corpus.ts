import { bodyOf, type Article } from '../model/article.js';
import {
  DEFAULT_SPLIT,
  DocumentFrequencies,
  StoryClusterer,
  extractFeatures,
  featureKeys,
  reviseAssignments,
  storyTitle,
  vectorize,
  type ClusterParams,
  type SparseVector,
} from '../cluster/index.js';
import { contentId, urlKey } from './identity.js';
import { minhash } from './minhash.js';
import { decodeCheckpoint, encodeCheckpoint, type CorpusSnapshot } from './checkpoint.js';
import { StorySignatures } from './signatures.js';
import { OpenMembers, type Member } from './members.js';
import { revisionChange } from './revision-change.js';
import { LockBatches } from './lock-batches.js';
import { applyRevisionTo, revisionItems, splitNamer } from './revision-items.js';
import { StoreConflictError, type ArticleStore, type MergeEvent, type ReplayRecord, type RevisionCommit } from './types.js';

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
 * A revision runs once this many articles arrived since the last one, or REVISE_FRACTION of the
 * articles in open stories if that is more: each article is then revised a bounded number of times
 * (about 1/REVISE_FRACTION) while its story is open, so revision cost per article stays flat as the
 * store grows. On ECB+ DEV (scripts/eval/clusters.ts) revising every 25 to 1000 articles scores alike
 * (B3F1 within 0.004): what matters is that stories are revised at all.
 */
export const REVISE_MIN_ARTICLES = 100;
export const REVISE_FRACTION = 0.25;
/**
 * Decisions of one process made under one hold of the writer lock (store/lock-batches.ts), when that
 * many are queued. Taking the lock costs two round trips and a hand-over; holding it for 8 decisions
 * (about 8 x 15 ms here) keeps another process's wait for it near one batch, as fair as per article.
 */
export const LOCK_BATCH = 8;
/** Articles between sweeps of members whose stories closed (they can no longer be revised). */
const MEMBER_SWEEP_EVERY = 1000;
const DAY_MS = 86_400_000;

/** What one revision changed. */
export interface RevisionOutcome {
  seq: number;
  moved: number;
  splits: number;
  /** Stories whose articles changed, sorted. */
  stories: string[];
}

/**
 * Corpus mode: articles go into a store and into stories. The clustering state lives in memory and
 * is rebuilt from the store on open (replaying each article into the story it first joined and the
 * merges it caused), then kept up to date with articles other processes commit, so `ingest`, `watch`
 * and `serve` can write to one store at once.
 */
export class Corpus {
  private df = new DocumentFrequencies();
  private clusterer: StoryClusterer;
  private readonly signatures = new StorySignatures();
  private seen = 0;
  /** Articles of open stories (by content id) and the newest version id at each URL among them. */
  private readonly members = new OpenMembers();
  /** Articles since the last revision in the log, and the stories they went to (what the next revision examines). */
  private sinceRevision = 0;
  private readonly touched = new Set<string>();
  private sinceSweep = 0;
  private readonly batches: LockBatches; // serialises this process's work, batching decisions under the lock

  private constructor(
    readonly store: ArticleStore,
    private readonly params: Partial<ClusterParams>,
    private readonly checkpointEvery: number,
  ) {
    this.clusterer = new StoryClusterer(params);
    this.storeKeepsDf = store.termFrequencies !== undefined;
    this.batches = new LockBatches(store.exclusive?.bind(store), LOCK_BATCH, () => this.catchUpNow());
  }

  private readonly storeKeepsDf: boolean; // the store keeps document frequencies (PostgreSQL's term_df)

  /** `options.checkpointEvery`: seqs between checkpoints (tests use a small one). */
  static async open(store: ArticleStore, params: Partial<ClusterParams> = {}, options: { checkpointEvery?: number } = {}): Promise<Corpus> {
    const c = Corpus.deferred(store, params, options);
    await c.catchUp();
    return c;
  }

  /** The state loads with the first ingest, revision or catch-up: `serve` reads the store at once, its first write waits. */
  static deferred(store: ArticleStore, params: Partial<ClusterParams> = {}, options: { checkpointEvery?: number } = {}): Corpus {
    return new Corpus(store, params, options.checkpointEvery ?? CHECKPOINT_EVERY);
  }

  private loaded = false;

  /** The latest checkpoint, then the log after it (from a clean state, so a failed load is retried whole). */
  private async load(): Promise<void> {
    const from = await this.rebuild();
    this.loaded = true;
    // A store written before checkpoints existed (or a long tail): the next process need not replay it.
    if (this.seen - from >= this.checkpointEvery) await this.checkpoint();
  }

  get lastSeq(): number {
    return this.seen;
  }

  /** Where the in-memory clustering has each article (the store must agree: tests check it). */
  assignments(): Map<string, string> {
    const out = new Map<string, string>();
    for (const s of this.clusterer.allStories()) for (const a of s.articles) if (this.members.has(a)) out.set(a, s.id);
    return out;
  }

  /** Replays the log entries committed since we last looked (by other processes), in turn with this process's decisions. */
  catchUp(): Promise<void> {
    return this.batches.serial(() => this.catchUpNow());
  }

  private async catchUpNow(): Promise<void> {
    return this.loaded ? this.replayLog() : this.load();
  }

  private async replayLog(): Promise<void> {
    for await (const entry of this.store.replay(this.seen)) {
      if (entry.kind === 'article') this.apply(entry.record, entry.merges);
      else this.applyRevision(entry.revision, entry.seq);
    }
  }

  /** Loads the store's latest checkpoint into this (empty) corpus, if the store keeps them. */
  private async fromCheckpoint(): Promise<void> {
    const cp = await this.store.loadCheckpoint?.();
    if (!cp) return;
    const snap = decodeCheckpoint(cp.body);
    // A checkpoint written before the store kept frequencies still carries them: not needed then.
    if (!this.storeKeepsDf) this.df = DocumentFrequencies.fromState(snap.df);
    this.clusterer.importState(snap.clusterer);
    this.signatures.load(snap.signatures);
    this.members.load(snap.members);
    this.sinceRevision = snap.sinceRevision;
    this.sinceSweep = snap.sinceSweep;
    for (const t of snap.touched) this.touched.add(t);
    this.seen = snap.seen;
  }

  /** Writes a checkpoint of the state at the current seq (the store's latest few are kept). */
  async checkpoint(): Promise<void> {
    if (!this.store.saveCheckpoint) return;
    const snap: CorpusSnapshot = {
      seen: this.seen,
      sinceRevision: this.sinceRevision,
      sinceSweep: this.sinceSweep,
      touched: [...this.touched],
      df: this.df.exportState(),
      clusterer: this.clusterer.exportState(),
      signatures: this.signatures.entries(),
      members: this.members.rows(),
    };
    await this.store.saveCheckpoint(this.seen, encodeCheckpoint(snap));
  }

  /** After a commit of ours at `seq`: the checkpoint is due when seq is a multiple of CHECKPOINT_EVERY. */
  private async checkpointIfDue(seq: number): Promise<void> {
    // A failed write only costs the next joiner a longer replay: the article itself is committed.
    if (seq % this.checkpointEvery === 0) await this.checkpoint().catch(() => undefined);
  }

  private apply(record: ReplayRecord, merges: MergeEvent[]): void {
    if (!this.storeKeepsDf) this.df.add(record.terms);
    const vector = new Map(record.vector);
    const time = timeOf(record.published);
    this.clusterer.restore(record.firstStory, record.id, vector, time);
    for (const m of merges) this.clusterer.mergeById(m.into, m.from);
    this.signatures.remember(record.firstStory, record.id, record.minhash);
    for (const m of merges) this.signatures.rename(m.from, m.into);
    this.addMember(record.id, { seq: record.seq, vector, time, urlKey: record.urlKey });
    this.touch(record.firstStory, merges);
    this.seen = record.seq;
  }

  private touch(story: string, merges: MergeEvent[]): void {
    this.touched.add(story);
    for (const m of merges) {
      this.touched.delete(m.from);
      this.touched.add(m.into);
    }
  }

  private addMember(id: string, m: Member): void {
    this.members.add(id, m);
    this.sinceRevision++;
    if (++this.sinceSweep >= MEMBER_SWEEP_EVERY) this.sweepMembers();
  }

  /** Forgets the members of stories that closed: no later article can join them, so no revision needs them. */
  private sweepMembers(): void {
    this.sinceSweep = 0;
    const latest = this.clusterer.latestTime;
    if (latest === null) return;
    const horizon = latest - 2 * this.clusterer.params.windowDays * DAY_MS;
    for (const s of this.clusterer.allStories()) {
      if (s.maxTime === null || s.maxTime >= horizon) continue;
      for (const id of s.articles) this.members.forget(id);
      // The story itself goes too: memory (and checkpoints) then hold the open window, not the history.
      this.clusterer.forget(s.id);
      this.signatures.forget(s.id);
    }
  }

  /** Applies a revision to memory: the same code runs for our own revisions and for replayed ones. */
  private applyRevision(rev: RevisionCommit, seq: number): void {
    applyRevisionTo(rev, this.clusterer, this.members, this.signatures);
    this.sinceRevision = 0;
    this.touched.clear();
    this.seen = seq;
  }

  /** Articles after which the next revision is due. */
  private revisionDue(): boolean {
    return this.sinceRevision >= Math.max(REVISE_MIN_ARTICLES, Math.ceil(REVISE_FRACTION * this.members.size));
  }

  /** Articles placed since the last revision (in this process or read from the log): 0 means nothing to revise. */
  get arrivalsSinceRevision(): number {
    return this.sinceRevision;
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
    const { items, stories } = revisionItems(this.clusterer, this.members);
    const fresh = splitNamer(items, (id) => this.clusterer.story(id) !== undefined);
    const p = this.clusterer.params;
    // Only stories that gained articles since the last revision are revised: the others were already.
    const only = new Set([...this.touched].filter((id) => this.clusterer.story(id) !== undefined));
    const { final } = reviseAssignments(items, { joinThreshold: p.joinThreshold, windowDays: p.windowDays, refine: true, split: DEFAULT_SPLIT, only }, fresh);
    const { moves, splits, emptied } = await revisionChange(items, final, stories, async (id) => {
      const record = await this.store.byId(id);
      return record ? storyTitle(record.article) : null;
    });
    const change: RevisionCommit = { at: new Date().toISOString(), splits, moves, emptied };
    let seq: number;
    try {
      seq = await this.store.revise(change, this.seen);
    } catch (e) {
      if (e instanceof StoreConflictError) return null;
      throw e;
    }
    this.applyRevision(change, seq);
    await this.checkpointIfDue(seq);
    return { seq, moved: moves.length, splits: splits.length, stories: [...new Set(moves.flatMap((m) => [m.from, m.to]))].sort() };
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
        if (outcome.status !== 'duplicate' && this.revisionDue()) await this.reviseNow();
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
    this.clusterer = new StoryClusterer(this.params);
    this.df = new DocumentFrequencies();
    this.signatures.clear();
    this.members.clear();
    this.sinceRevision = 0;
    this.touched.clear();
    this.sinceSweep = 0;
    this.seen = 0;
    await this.fromCheckpoint();
    const from = this.seen;
    await this.replayLog();
    return from;
  }

  /**
   * Document frequencies with this article counted: the store's (read under the writer lock, after
   * catching up, so exactly what a replay would have counted) or the ones held in memory.
   */
  private async frequencies(terms: string[]): Promise<DocumentFrequencies> {
    if (!this.store.termFrequencies) {
      this.df.add(terms);
      return this.df;
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
    // On any failure below, memory is rebuilt from the store, so it never holds an unstored article.
    try {
      vector = vectorize(features, df);
      if (previous) {
        // A changed text at a known URL stays in that article's story.
        story = previous.storyId;
        this.clusterer.restore(story, id, vector, features.time);
      } else {
        const a = this.clusterer.add(id, vector, features.time);
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
    const nearDuplicateOf = this.signatures.nearest(story, sig, merged);
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
        },
        this.seen,
      );
      this.seen = record.seq;
      this.signatures.remember(firstStory, id, sig);
      for (const m of merged) this.signatures.rename(m.from, m.into);
      this.addMember(id, { seq: record.seq, vector, time: features.time, urlKey: key });
      this.touch(firstStory, merged);
      return { status: previous ? 'version' : 'stored', id, story: record.storyId, seq: record.seq, nearDuplicateOf, merged: merged.map((m) => m.from) };
    } catch (e) {
      // The in-memory clustering already holds this article: rebuild it from what the store holds.
      await this.rebuild();
      throw e;
    }
  }
}

function timeOf(published: string | null): number | null {
  const t = published ? Date.parse(published) : NaN;
  return Number.isNaN(t) ? null : t;
}
