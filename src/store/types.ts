import type { CandidateLookup, ClusterParams, StoryClusterer, WindowDelta } from '../cluster/index.js';
import type { Article } from '../model/article.js';

/**
 * Storage behind corpus mode. Every backend passes the one conformance suite (conformance.ts). The
 * interface is asynchronous so that a networked backend can implement it; clustering decisions are
 * made outside the store (ingestor.ts) and written with `commit`, one atomic change per article.
 */

/** One stored article version with what clustering and duplicate detection derived from it. */
export interface ArticleRecord {
  /** Arrival sequence number, assigned by the store on commit: increasing, shared with revisions. */
  seq: number;
  /** Content identity: a hash of the normalised body text (identity.ts). */
  id: string;
  /** URL identity: the canonical URL, else the origin (identity.ts). */
  urlKey: string;
  /** 1 for the first text seen at this URL, then 2, 3... for changed texts. */
  version: number;
  /** False once a newer version at the same URL arrived. */
  current: boolean;
  /** The story the article is in now (after any merges). */
  storyId: string;
  /** The story clustering first put it in: replaying these and the merges rebuilds the clustering. */
  firstStory: string;
  /** The earlier article this one nearly duplicates (syndicated copy, light rewrite), if any. */
  nearDuplicateOf: string | null;
  ingestedAt: string;
  article: Article;
  /** The clustering vector, strongest term first. */
  vector: [string, number][];
  /** Every feature key of the article, for document frequencies. */
  terms: string[];
  /** MinHash signature of the body's word shingles. */
  minhash: number[];
}

export interface MergeEvent {
  /** The story that survives. */
  into: string;
  from: string;
}

/**
 * created/joined: an article started or joined a story; merged: an article bridged two stories;
 * version: a changed text at a known URL; moved: a revision moved an article to a story it fits
 * better; split: a revision cut a story in two (`story` is the part split off, `other` the story it left).
 */
export type StoryEventKind = 'created' | 'joined' | 'merged' | 'version' | 'moved' | 'split';

export interface StoryEvent {
  seq: number;
  kind: StoryEventKind;
  story: string;
  /** The other story of a merge, split or move (the one merged away, split from or moved from), or null. */
  other: string | null;
  /** The article that caused the event (for a split, the first article of the new story). */
  article: string;
  at: string;
}

/** What one ingested article changes, written atomically. */
export interface ArticleCommit {
  record: Omit<ArticleRecord, 'seq'>;
  /** Set when the article starts a story. */
  newStory: { id: string; title: string } | null;
  merges: MergeEvent[];
  /** Id of the previous version at the same URL, now no longer current. */
  supersedes: string | null;
  /** What the decision changed in the clustering window, for a store that keeps it (`keepsWindow`). */
  window?: WindowDelta;
}

/** One article moved by a revision. Moving into an unknown story id creates that story (a split). */
export interface StoryMove {
  article: string;
  from: string;
  to: string;
}

/**
 * What one revision of the clustering changes, written atomically. A revision takes its own sequence
 * number in the same log as articles, so replaying the log in order rebuilds the same stories.
 */
export interface RevisionCommit {
  at: string;
  /** Stories a split creates: the part of `from` starting with its article `article`. */
  splits: { id: string; title: string; from: string; article: string }[];
  moves: StoryMove[];
  /** Stories left without articles, with the story that took their first article: their ids resolve there. */
  emptied: MergeEvent[];
}

/**
 * What replaying needs of a stored article: the record without the article itself (its text is what
 * makes a record large, and start-up replays every record), plus the publication date.
 */
export type ReplayRecord = Omit<ArticleRecord, 'article'> & { published: string | null };

/** One entry of the store's log, in sequence order: an article with the merges it caused, or a revision. */
export type LogEntry =
  | { kind: 'article'; seq: number; record: ReplayRecord; merges: MergeEvent[] }
  | { kind: 'revision'; seq: number; revision: RevisionCommit };

export interface StorySummary {
  id: string;
  title: string;
  /** Current article versions in the story. */
  articleCount: number;
  outlets: string[];
  /** When an article last joined the story (ISO 8601). */
  updatedAt: string;
  firstPublished: string | null;
  lastPublished: string | null;
  /** Changes whenever the story's articles change: a cache key for its dossier. */
  version: number;
  /** Conflicts found in the story's dossier, when it has been built for this version. */
  conflicts: number | null;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
}

/** Orders of the story list; `updated` (newest first) is the default. */
export const STORY_SORTS = ['updated', 'published', 'articles', 'conflicts', 'title'] as const;
export type StorySort = (typeof STORY_SORTS)[number];

/**
 * Filters of the story list, all optional and combined with AND. A store that implements
 * `queryStories` applies them itself (SQLite in SQL); others are filtered by `queryStoriesIn`
 * (story-query.ts) over their whole list.
 */
export interface StoryQuery extends ListOptions {
  /** Case-insensitive substring of the story's title or of a current article's title. */
  text?: string;
  /** Case-insensitive substring of a current article's outlet. */
  outlet?: string;
  /** A current article was published on or after this day (YYYY-MM-DD, compared with the date's first 10 characters). */
  from?: string;
  /** A current article was published on or before this day (YYYY-MM-DD, inclusive). */
  to?: string;
  /** some: the dossier built for this version has conflicts; none: it has none; unbuilt: not built for this version. */
  conflicts?: 'some' | 'none' | 'unbuilt';
  /** updated: last change; published: latest publication date (undated last); articles; conflicts (unbuilt last); title. */
  sort?: StorySort;
  /** Default: desc, except title (asc). */
  order?: 'asc' | 'desc';
}

/** One page of a story query, with the number of stories matching it. */
export interface StoryPage {
  total: number;
  stories: StorySummary[];
}

/** Thrown by `commit` or `revise` when another writer committed since `expectedSeq`: replay and decide again. */
export class StoreConflictError extends Error {
  constructor(readonly expected: number, readonly actual: number) {
    super(`store changed by another writer (expected last seq ${expected}, found ${actual})`);
    this.name = 'StoreConflictError';
  }
}

/** What a feed server said of its last full answer, sent back to it as If-None-Match / If-Modified-Since. */
export interface FeedValidators {
  etag: string | null;
  lastModified: string | null;
}

export interface ArticleStore {
  /** Highest committed seq, of an article or a revision (0 when empty). */
  lastSeq(): Promise<number>;
  /**
   * Writes one article and its story changes in one transaction. Fails with StoreConflictError,
   * writing nothing, when the store's last seq is not `expectedSeq`.
   */
  commit(change: ArticleCommit, expectedSeq: number): Promise<ArticleRecord>;
  byId(id: string): Promise<ArticleRecord | null>;
  /** The newest version at a URL key. */
  byUrl(urlKey: string): Promise<ArticleRecord | null>;
  /**
   * Writes one revision (moves, splits) in one transaction and returns its seq. Fails with
   * StoreConflictError, writing nothing, when the store's last seq is not `expectedSeq`.
   */
  revise(change: RevisionCommit, expectedSeq: number, window?: WindowDelta): Promise<number>;
  /** Log entries with seq > after, in seq order: articles with their merges, and revisions. */
  replay(after: number, batch?: number): AsyncIterable<LogEntry>;
  countArticles(): Promise<number>;
  listStories(options?: ListOptions): Promise<StorySummary[]>;
  countStories(): Promise<number>;
  story(id: string): Promise<StorySummary | null>;
  /** The story's current article versions, in arrival order. */
  storyArticles(id: string): Promise<ArticleRecord[]>;
  /** Where a merged-away story id went (follows chains), or null for live or unknown ids. */
  resolveStory(id: string): Promise<string | null>;
  storyEvents(id: string): Promise<StoryEvent[]>;
  /**
   * Optional: the stories matching `query`, one page of them, in its order, with the total matching.
   * Stores without it are queried through `queryStoriesIn` over `listStories()` (fine for small stores).
   */
  queryStories?(query: StoryQuery): Promise<StoryPage>;
  /** Records the conflict count of a story's dossier built for `version` (ignored if stale). */
  setConflictCount(id: string, version: number, conflicts: number): Promise<void>;
  /**
   * Runs `fn` holding the store's writer lock, across processes (optional: a backend without it relies
   * on the seq check alone). Corpus decides and commits inside it, so concurrent assigners take turns
   * instead of deciding on a stale log and rebuilding after each refused commit.
   */
  exclusive?<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Optional: keeps a clustering checkpoint taken at log seq `seq` (store/checkpoint.ts), so that a
   * process joining later replays only the log after it. Keeps the latest few; older ones are dropped.
   */
  saveCheckpoint?(seq: number, body: Buffer): Promise<void>;
  /** The latest checkpoint at or below the log's last seq, or null. */
  loadCheckpoint?(): Promise<{ seq: number; body: Buffer } | null>;
  /** Optional: a watched feed's validators from its last full read (ETag, Last-Modified), or null. */
  feedValidators?(url: string): Promise<FeedValidators | null>;
  /** Keeps a watched feed's validators, so the next `watch` (even `--once`) sends a conditional request. */
  saveFeedValidators?(url: string, validators: FeedValidators): Promise<void>;
  /**
   * Optional: the store keeps the clustering's document frequencies itself, updated by `commit` in
   * the same transaction (PostgreSQL: table term_df). Returns the articles counted so far and the
   * frequency of each of `terms` that any article had (absent terms: 0). A Corpus over such a store
   * keeps no frequencies in memory or in checkpoints and reads these per article.
   */
  termFrequencies?(terms: readonly string[]): Promise<{ docs: number; df: [string, number][] }>;
  /**
   * Optional: the store keeps the clustering window (open stories, centroids, candidate index) in
   * tables of its own (PostgreSQL: migration 007), written from each commit's and revision's
   * `window` delta in the same transaction, and `windowLookup` reads candidates from them.
   */
  readonly keepsWindow?: boolean;
  /** Whether the window tables follow the log (false: some commit came without a delta, or none yet was written). */
  windowValid?(): Promise<boolean>;
  /** Writes the whole window for log seq `logSeq` (under the writer lock); false if the log moved on. */
  saveWindow?(rows: ReturnType<StoryClusterer['windowRows']>, logSeq: number): Promise<boolean>;
  windowLookup?(params: Pick<ClusterParams, 'queryTerms' | 'maxCandidates' | 'windowDays' | 'sweepEvery'>, expectedSeq: () => number): CandidateLookup;
  close(): Promise<void>;
}
