import { createHash } from 'node:crypto';
import { decide, maxOf, minOf, pruned, withinWindow, type CandidateLookup, type CandidateStory, type Decision } from './decide.js';
import { WindowJournal, type WindowDelta, type WindowStoryRow } from './window-journal.js';
import type { SparseVector } from './vectorize.js';

/**
 * Incremental story clustering (single pass, average link). Each arriving article joins the story
 * whose members it is most similar to on average, or starts a story; when the article makes two
 * stories look like one, they merge (the older id survives, so ids users have seen stay valid).
 *
 * The average cosine between an article x and a story's members m_i equals x . (sum m_i) / n, so a
 * story keeps only the sum of its members' vectors: joining costs one sparse dot product per
 * candidate story, and candidates come from an inverted index over the stories' strongest terms.
 */
export interface ClusterParams {
  /** Least average similarity for an article to join a story. Tuned on ECB+ DEV. */
  joinThreshold: number;
  /** Least average link between two stories for them to merge. */
  mergeThreshold: number;
  /**
   * Days between an article and a story's earliest/latest article beyond which they are never one
   * story: follow-ups to an event come within days, while the same kind of event recurs months apart.
   */
  windowDays: number;
  /** Strongest terms of an article used to find candidate stories. */
  queryTerms: number;
  /** Terms kept in a story's centroid: bounds memory on long-running stores. */
  centroidTerms: number;
  /** Candidate stories scored exactly per article (the rest share too little with it to win). */
  maxCandidates: number;
  /** Articles between sweeps of the candidate index (see noteTime); tests use a small one to reach it. */
  sweepEvery: number;
}

export const DEFAULT_PARAMS: ClusterParams = {
  joinThreshold: 0.17,
  mergeThreshold: 0.2,
  windowDays: 10,
  queryTerms: 25,
  centroidTerms: 400,
  maxCandidates: 40,
  sweepEvery: 2000,
};

const DAY_MS = 86_400_000;

export interface StoryState {
  id: string;
  /** Ids of the member articles, in arrival order. */
  articles: string[];
  centroid: Map<string, number>;
  minTime: number | null;
  maxTime: number | null;
  /** Arrival sequence of the first article: the older story survives a merge. */
  createdSeq: number;
}

/** A clusterer's state as plain data (a checkpoint's part). */
export interface ClustererState {
  seq: number;
  latest: number | null;
  stories: (Omit<StoryState, 'centroid'> & { centroid: [string, number][] })[];
  index: [string, string[]][];
}

/** What happened to the stories when one article arrived. */
export interface Assignment {
  article: string;
  story: string;
  created: boolean;
  similarity: number;
  /** Stories folded into `story` because this article bridged them. */
  merged: string[];
}

export function storyIdFor(articleId: string): string {
  return 'story-' + createHash('sha256').update(articleId).digest('hex').slice(0, 12);
}

export class StoryClusterer {
  readonly params: ClusterParams;
  private readonly stories = new Map<string, StoryState>();
  /** term -> ids of stories whose members had it among their strongest terms (may be stale after merges). */
  private readonly index = new Map<string, Set<string>>();
  /** What changed since Corpus last cleared it: the window tables' share of the next commit. */
  readonly journal = new WindowJournal();
  private seq = 0;
  /** Latest article time seen, for retiring old stories from the index. */
  private latest: number | null = null;

  constructor(params: Partial<ClusterParams> = {}) {
    this.params = { ...DEFAULT_PARAMS, ...params };
  }

  get storyCount(): number {
    return this.stories.size;
  }

  story(id: string): StoryState | undefined {
    return this.stories.get(id);
  }

  allStories(): StoryState[] {
    return [...this.stories.values()].sort((a, b) => a.createdSeq - b.createdSeq);
  }

  /** Adds an article and returns where it went. Deterministic for a given arrival order. */
  add(articleId: string, vector: SparseVector, time: number | null): Assignment {
    this.noteTime(time);
    return this.apply(articleId, vector, time, decide(vector, time, this.candidates(vector, time), this.params));
  }

  /**
   * The same as add, with the candidates from `lookup` (the window tables, say) instead of this
   * clusterer's index: decisions are identical when the lookup returns what candidates() would.
   */
  async addVia(lookup: CandidateLookup, articleId: string, vector: SparseVector, time: number | null): Promise<Assignment> {
    this.noteTime(time);
    return this.apply(articleId, vector, time, decide(vector, time, await lookup.candidates(vector, time), this.params));
  }

  /** The candidate lookup over this clusterer's own index and stories. */
  get lookup(): CandidateLookup {
    return { candidates: (vector, time) => Promise.resolve(this.candidates(vector, time)) };
  }

  /**
   * Carries out a decision as a replay of its log entry does (store/window-state.ts): the article joins
   * the surviving story, then the others fold into it in the decision's order. The sums are the same
   * as joining first and merging pairwise, but only this order gives every process the same doubles
   * and centroid order, so the deciding process, the ones replaying its commit and the window tables
   * hold one state.
   */
  private apply(articleId: string, vector: SparseVector, time: number | null, d: Decision): Assignment {
    if (d.join === null) {
      const story = this.place(storyIdFor(articleId), articleId, vector, time);
      return { article: articleId, story: story.id, created: true, similarity: d.similarity, merged: [] };
    }
    const survivor = d.merges.length > 0 ? d.merges[d.merges.length - 1]!.keep : d.join;
    const target = this.stories.get(survivor);
    if (!target) throw new Error(`decision joins a story not in the window: ${survivor}`);
    this.join(target, articleId, vector, time);
    for (const m of d.merges) {
      const gone = this.stories.get(m.gone);
      if (!gone || gone === target) throw new Error(`decision merges a story not in the window: ${m.gone}`);
      this.merge(target, gone);
    }
    return { article: articleId, story: target.id, created: false, similarity: d.similarity, merged: d.merges.map((m) => m.gone) };
  }

  /** Re-creates state from a stored assignment (store start-up), without deciding anything. */
  restore(storyId: string, articleId: string, vector: SparseVector, time: number | null): void {
    this.noteTime(time);
    const s = this.stories.get(storyId);
    if (s) this.join(s, articleId, vector, time);
    else this.place(storyId, articleId, vector, time);
  }

  /** Folds story `gone` into `keep` (replaying a recorded merge, or deciding one). */
  merge(keep: StoryState, gone: StoryState): void {
    for (const [k, v] of gone.centroid) keep.centroid.set(k, (keep.centroid.get(k) ?? 0) + v);
    keep.articles.push(...gone.articles);
    keep.minTime = minOf(keep.minTime, gone.minTime);
    keep.maxTime = maxOf(keep.maxTime, gone.maxTime);
    for (const k of gone.centroid.keys()) {
      const set = this.index.get(k);
      if (set && !set.has(keep.id)) {
        set.add(keep.id);
        this.journal.indexed(k, keep.id);
      }
    }
    this.stories.delete(gone.id);
    this.journal.story(keep.id);
    this.journal.story(gone.id);
    this.prune(keep);
  }

  /**
   * Sets a story's members after a revision moved articles in or out (store revisions): the centroid
   * is summed anew from the members' vectors, since a pruned centroid cannot have a vector taken out.
   * No members deletes the story; an unknown id creates it (a split).
   */
  rebuild(storyId: string, members: { id: string; vector: SparseVector; time: number | null }[]): void {
    const known = this.stories.get(storyId);
    this.journal.story(storyId);
    if (members.length === 0) {
      if (known) this.stories.delete(storyId);
      return;
    }
    const story: StoryState = { id: storyId, articles: [], centroid: new Map(), minTime: null, maxTime: null, createdSeq: known ? known.createdSeq : this.seq };
    this.stories.set(storyId, story);
    for (const m of members) {
      story.articles.push(m.id);
      for (const [k, v] of m.vector) story.centroid.set(k, (story.centroid.get(k) ?? 0) + v);
      story.minTime = minOf(story.minTime, m.time);
      story.maxTime = maxOf(story.maxTime, m.time);
      this.indexTerms(story.id, m.vector);
    }
    this.prune(story);
  }

  /**
   * Drops a story that closed (its last article more than two windows before the latest): no later
   * article can join it, so memory holds only the open window, not the whole history.
   */
  forget(storyId: string): void {
    this.stories.delete(storyId);
    this.journal.story(storyId);
  }

  /** The state a checkpoint keeps (store/checkpoint.ts): stories, candidate index, counters. */
  exportState(): ClustererState {
    const index: [string, string[]][] = [];
    for (const [k, ids] of this.index) {
      const live = [...ids].filter((id) => this.stories.has(id));
      if (live.length > 0) index.push([k, live]);
    }
    const stories = this.allStories().map((s) => ({ ...s, articles: [...s.articles], centroid: [...s.centroid] }));
    return { seq: this.seq, latest: this.latest, stories, index };
  }

  /**
   * The whole window as the tables hold it (store/postgres/window.ts writes it for a store whose tables
   * do not follow its log): the live stories, and every index pair, those of stories gone included,
   * since a split may bring such an id back and memory still has its pairs then.
   */
  windowRows(): { stories: WindowStoryRow[]; index: [string, string][]; seq: number; latest: number | null } {
    const stories = this.allStories().map((s) => ({ id: s.id, size: s.articles.length, minTime: s.minTime, maxTime: s.maxTime, createdSeq: s.createdSeq, centroid: [...s.centroid] }));
    const index: [string, string][] = [];
    for (const [k, ids] of this.index) for (const id of ids) index.push([k, id]);
    return { stories, index, seq: this.seq, latest: this.latest };
  }

  /** Restores exportState()'s output into an empty clusterer. */
  importState(state: ClustererState): void {
    this.seq = state.seq;
    this.latest = state.latest;
    for (const s of state.stories) this.stories.set(s.id, { ...s, centroid: new Map(s.centroid) });
    for (const [k, ids] of state.index) this.index.set(k, new Set(ids));
  }

  mergeById(keepId: string, goneId: string): void {
    const keep = this.stories.get(keepId);
    const gone = this.stories.get(goneId);
    if (keep && gone && keep !== gone) this.merge(keep, gone);
  }

  private place(id: string, articleId: string, vector: SparseVector, time: number | null): StoryState {
    const story: StoryState = { id, articles: [], centroid: new Map(), minTime: null, maxTime: null, createdSeq: this.seq };
    this.stories.set(id, story);
    this.join(story, articleId, vector, time);
    return story;
  }

  private join(story: StoryState, articleId: string, vector: SparseVector, time: number | null): void {
    this.seq++;
    story.articles.push(articleId);
    this.journal.story(story.id);
    for (const [k, v] of vector) story.centroid.set(k, (story.centroid.get(k) ?? 0) + v);
    story.minTime = minOf(story.minTime, time);
    story.maxTime = maxOf(story.maxTime, time);
    this.indexTerms(story.id, vector);
    this.prune(story);
  }

  private indexTerms(storyId: string, vector: SparseVector): void {
    for (const k of topKeys(vector, this.params.queryTerms)) {
      let set = this.index.get(k);
      if (!set) this.index.set(k, (set = new Set()));
      if (set.has(storyId)) continue;
      set.add(storyId);
      this.journal.indexed(k, storyId);
    }
  }

  /** The journal's changes as a delta against this state (see WindowJournal). */
  takeDelta(): WindowDelta {
    return this.journal.take((id) => this.stories.get(id), this.seq, this.latest);
  }

  /** The latest article time seen (ms), or null: revisions look back from it. */
  get latestTime(): number | null {
    return this.latest;
  }

  /**
   * Every `sweepEvery` articles, drops from the index the stories that ended more than two windows
   * before the latest article: they can never be candidates again, and without this the posting
   * lists of common terms would grow with the whole history.
   */
  private noteTime(time: number | null): void {
    if (time !== null && (this.latest === null || time > this.latest)) this.latest = time;
    if (this.seq % this.params.sweepEvery !== 0 || this.latest === null) return;
    const horizon = this.latest - 2 * this.params.windowDays * DAY_MS;
    this.journal.sweep(horizon);
    for (const [k, ids] of this.index) {
      for (const id of ids) {
        const s = this.stories.get(id);
        if (!s || (s.maxTime !== null && s.maxTime < horizon)) ids.delete(id);
      }
      if (ids.size === 0) this.index.delete(k);
    }
  }

  private prune(story: StoryState): void {
    story.centroid = pruned(story.centroid, this.params.centroidTerms);
  }

  private candidates(vector: SparseVector, time: number | null): CandidateStory[] {
    // Stories sharing the article's strongest terms, ranked by the weight of the shared terms; only
    // the best few are scored exactly, which keeps ingest cost flat as the store grows.
    const weightByStory = new Map<string, number>();
    for (const k of topKeys(vector, this.params.queryTerms)) {
      const w = vector.get(k) ?? 0;
      for (const id of this.index.get(k) ?? []) weightByStory.set(id, (weightByStory.get(id) ?? 0) + w);
    }
    const ranked = [...weightByStory].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const out: CandidateStory[] = [];
    for (const [id] of ranked) {
      if (out.length >= this.params.maxCandidates) break;
      const s = this.stories.get(id);
      if (s && withinWindow(s, time, this.params.windowDays)) out.push(candidateOf(s));
    }
    return out;
  }
}

/** A story as a decision reads it (a view: the centroid is the story's own, not copied). */
export function candidateOf(s: StoryState): CandidateStory {
  return { id: s.id, size: s.articles.length, centroid: s.centroid, minTime: s.minTime, maxTime: s.maxTime, createdSeq: s.createdSeq };
}

export function topKeys(v: SparseVector, n: number): string[] {
  // Vectors are built strongest-first (vectorize sorts), so the first n keys are the strongest.
  const out: string[] = [];
  for (const k of v.keys()) {
    if (out.length >= n) break;
    out.push(k);
  }
  return out;
}
