import { DocumentFrequencies, StoryClusterer, type ClusterParams, type StoryState } from '../cluster/index.js';
import type { CorpusSnapshot } from './checkpoint.js';
import { OpenMembers, type Member } from './members.js';
import { applyRevisionTo } from './revision-items.js';
import { StorySignatures } from './signatures.js';
import type { MergeEvent, ReplayRecord, RevisionCommit } from './types.js';

/**
 * A revision runs once this many articles arrived since the last one, or REVISE_FRACTION of the
 * articles in open stories if that is more: each article is then revised a bounded number of times
 * (about 1/REVISE_FRACTION) while its story is open, so revision cost per article stays flat as the
 * store grows. On ECB+ DEV (scripts/eval/clusters.ts) revising every 25 to 1000 articles scores alike
 * (B3F1 within 0.004): what matters is that stories are revised at all.
 */
export const REVISE_MIN_ARTICLES = 100;
export const REVISE_FRACTION = 0.25;
/** Articles between sweeps of members whose stories closed (they can no longer be revised). */
export const MEMBER_SWEEP_EVERY = 1000;
const DAY_MS = 86_400_000;

/**
 * The clustering window a Corpus holds in process memory: the clusterer (open stories, centroids,
 * candidate index), document frequencies when the store does not keep them, near-duplicate
 * signatures, the open stories' members (for revisions) and the revision counters. Corpus owns the
 * store side (catching up, committing, checkpoints); this is what a replay or a decision changes.
 */
export class OpenWindow {
  df = new DocumentFrequencies();
  clusterer: StoryClusterer;
  readonly signatures = new StorySignatures();
  /** Articles of open stories (by content id) and the newest version id at each URL among them. */
  readonly members = new OpenMembers();
  /** Log seq this window has applied. */
  seen = 0;
  /** Articles since the last revision in the log, and the stories they went to (what the next revision examines). */
  sinceRevision = 0;
  readonly touched = new Set<string>();
  private sinceSweep = 0;

  constructor(
    private readonly params: Partial<ClusterParams>,
    /** The store keeps document frequencies (PostgreSQL's term_df): none are counted here. */
    private readonly storeKeepsDf: boolean,
    /** Articles between member sweeps (tests use a small one to reach it). */
    private readonly memberSweepEvery = MEMBER_SWEEP_EVERY,
  ) {
    this.clusterer = new StoryClusterer(params);
  }

  /** Empties the window (before loading a checkpoint and replaying anew). */
  reset(): void {
    this.clusterer = new StoryClusterer(this.params);
    this.df = new DocumentFrequencies();
    this.signatures.clear();
    this.members.clear();
    this.sinceRevision = 0;
    this.touched.clear();
    this.sinceSweep = 0;
    this.seen = 0;
  }

  /** Loads a checkpoint into this (empty) window. */
  load(snap: CorpusSnapshot): void {
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

  snapshot(): CorpusSnapshot {
    return {
      seen: this.seen,
      sinceRevision: this.sinceRevision,
      sinceSweep: this.sinceSweep,
      touched: [...this.touched],
      df: this.df.exportState(),
      clusterer: this.clusterer.exportState(),
      signatures: this.signatures.entries(),
      members: this.members.rows(),
    };
  }

  /** Where the clustering has each member article. */
  assignments(): Map<string, string> {
    const out = new Map<string, string>();
    for (const s of this.clusterer.allStories()) for (const a of s.articles) if (this.members.has(a)) out.set(a, s.id);
    return out;
  }

  /** Replays one logged article: into the story it first joined, then the merges it caused. */
  apply(record: ReplayRecord, merges: MergeEvent[]): void {
    if (!this.storeKeepsDf) this.df.add(record.terms);
    const vector = new Map(record.vector);
    const time = timeOf(record.published);
    this.clusterer.restore(record.firstStory, record.id, vector, time);
    for (const m of merges) this.clusterer.mergeById(m.into, m.from);
    this.placed(record.firstStory, record.id, record.minhash, merges, { seq: record.seq, vector, time, urlKey: record.urlKey });
    this.seen = record.seq;
  }

  /** After the clusterer took an article (replayed, or decided and committed): the rest of the window follows. */
  placed(firstStory: string, id: string, minhash: number[], merges: MergeEvent[], member: Member): void {
    this.signatures.remember(firstStory, id, minhash);
    for (const m of merges) this.signatures.rename(m.from, m.into);
    this.members.add(id, member);
    this.sinceRevision++;
    if (++this.sinceSweep >= this.memberSweepEvery) this.sweepMembers();
    this.touched.add(firstStory);
    for (const m of merges) {
      this.touched.delete(m.from);
      this.touched.add(m.into);
    }
  }

  /**
   * The stories the member sweep will forget once the next article is placed (none unless it is due):
   * known before the commit, so the window tables lose them in the same transaction.
   */
  closingAfterNext(): string[] {
    return this.sinceSweep + 1 >= this.memberSweepEvery ? this.closedStories().map((s) => s.id) : [];
  }

  /** Open stories whose last article is more than two windows before the latest. */
  private closedStories(): StoryState[] {
    const latest = this.clusterer.latestTime;
    if (latest === null) return [];
    const horizon = latest - 2 * this.clusterer.params.windowDays * DAY_MS;
    return this.clusterer.allStories().filter((s) => s.maxTime !== null && s.maxTime < horizon);
  }

  /** Forgets the members of stories that closed: no later article can join them, so no revision needs them. */
  private sweepMembers(): void {
    this.sinceSweep = 0;
    for (const s of this.closedStories()) {
      for (const id of s.articles) this.members.forget(id);
      // The story itself goes too: memory (and checkpoints) then hold the open window, not the history.
      this.clusterer.forget(s.id);
      this.signatures.forget(s.id);
    }
  }

  /** Applies a revision: the same code runs for a process's own revisions and for replayed ones. */
  applyRevision(rev: RevisionCommit, seq: number): void {
    this.applyMoves(rev);
    this.revised(seq);
  }

  /** A revision's moves and splits, without its counters (a store keeping the window needs them before the commit). */
  applyMoves(rev: RevisionCommit): void {
    applyRevisionTo(rev, this.clusterer, this.members, this.signatures);
  }

  /** The revision at `seq` is in the log: what it examined starts again. */
  revised(seq: number): void {
    this.sinceRevision = 0;
    this.touched.clear();
    this.seen = seq;
  }

  /** Articles after which the next revision is due. */
  revisionDue(): boolean {
    return this.sinceRevision >= Math.max(REVISE_MIN_ARTICLES, Math.ceil(REVISE_FRACTION * this.members.size));
  }
}

export function timeOf(published: string | null): number | null {
  const t = published ? Date.parse(published) : NaN;
  return Number.isNaN(t) ? null : t;
}
