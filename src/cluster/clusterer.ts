import { createHash } from 'node:crypto';
import { dot, type SparseVector } from './vectorize.js';

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
}

export const DEFAULT_PARAMS: ClusterParams = {
  joinThreshold: 0.17,
  mergeThreshold: 0.2,
  windowDays: 10,
  queryTerms: 25,
  centroidTerms: 400,
  maxCandidates: 40,
};

const DAY_MS = 86_400_000;
/** Articles between sweeps of the index (see noteTime). */
const SWEEP_EVERY = 2000;

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
    const scored = this.candidates(vector, time)
      .map((s) => ({ s, sim: dot(vector, s.centroid) / s.articles.length }))
      .sort((a, b) => b.sim - a.sim || a.s.createdSeq - b.s.createdSeq);
    const best = scored[0];
    if (!best || best.sim < this.params.joinThreshold) {
      const story = this.place(storyIdFor(articleId), articleId, vector, time);
      return { article: articleId, story: story.id, created: true, similarity: best?.sim ?? 0, merged: [] };
    }
    let target = best.s;
    this.join(target, articleId, vector, time);
    const merged: string[] = [];
    // Only stories this article also resembles can have been bridged by it.
    for (const { s, sim } of scored.slice(1)) {
      if (sim < this.params.joinThreshold * 0.75 || !this.stories.has(s.id) || !this.stories.has(target.id)) continue;
      if (!this.compatibleTimes(target, s)) continue;
      const link = dot(target.centroid, s.centroid) / (target.articles.length * s.articles.length);
      if (link < this.params.mergeThreshold) continue;
      const [keep, gone] = target.createdSeq <= s.createdSeq ? [target, s] : [s, target];
      this.merge(keep, gone);
      merged.push(gone.id);
      target = keep;
    }
    return { article: articleId, story: target.id, created: false, similarity: best.sim, merged };
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
    for (const k of gone.centroid.keys()) this.index.get(k)?.add(keep.id);
    this.stories.delete(gone.id);
    this.prune(keep);
  }

  /**
   * Sets a story's members after a revision moved articles in or out (store revisions): the centroid
   * is summed anew from the members' vectors, since a pruned centroid cannot have a vector taken out.
   * No members deletes the story; an unknown id creates it (a split).
   */
  rebuild(storyId: string, members: { id: string; vector: SparseVector; time: number | null }[]): void {
    const known = this.stories.get(storyId);
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
      set.add(storyId);
    }
  }

  /** The latest article time seen (ms), or null: revisions look back from it. */
  get latestTime(): number | null {
    return this.latest;
  }

  /**
   * Every SWEEP_EVERY articles, drops from the index the stories that ended more than two windows
   * before the latest article: they can never be candidates again, and without this the posting
   * lists of common terms would grow with the whole history.
   */
  private noteTime(time: number | null): void {
    if (time !== null && (this.latest === null || time > this.latest)) this.latest = time;
    if (this.seq % SWEEP_EVERY !== 0 || this.latest === null) return;
    const horizon = this.latest - 2 * this.params.windowDays * DAY_MS;
    for (const [k, ids] of this.index) {
      for (const id of ids) {
        const s = this.stories.get(id);
        if (!s || (s.maxTime !== null && s.maxTime < horizon)) ids.delete(id);
      }
      if (ids.size === 0) this.index.delete(k);
    }
  }

  private prune(story: StoryState): void {
    const max = this.params.centroidTerms;
    if (story.centroid.size <= max * 1.5) return;
    const kept = [...story.centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max);
    story.centroid = new Map(kept);
  }

  private candidates(vector: SparseVector, time: number | null): StoryState[] {
    // Stories sharing the article's strongest terms, ranked by the weight of the shared terms; only
    // the best few are scored exactly, which keeps ingest cost flat as the store grows.
    const weightByStory = new Map<string, number>();
    for (const k of topKeys(vector, this.params.queryTerms)) {
      const w = vector.get(k) ?? 0;
      for (const id of this.index.get(k) ?? []) weightByStory.set(id, (weightByStory.get(id) ?? 0) + w);
    }
    const ranked = [...weightByStory].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const out: StoryState[] = [];
    for (const [id] of ranked) {
      if (out.length >= this.params.maxCandidates) break;
      const s = this.stories.get(id);
      if (s && this.withinWindow(s, time)) out.push(s);
    }
    return out;
  }

  private withinWindow(s: StoryState, time: number | null): boolean {
    if (time === null || s.minTime === null || s.maxTime === null) return true;
    const w = this.params.windowDays * DAY_MS;
    return time >= s.minTime - w && time <= s.maxTime + w;
  }

  private compatibleTimes(a: StoryState, b: StoryState): boolean {
    if (a.minTime === null || b.minTime === null || a.maxTime === null || b.maxTime === null) return true;
    const w = this.params.windowDays * DAY_MS;
    return a.minTime <= b.maxTime + w && b.minTime <= a.maxTime + w;
  }
}

function topKeys(v: SparseVector, n: number): string[] {
  // Vectors are built strongest-first (vectorize sorts), so the first n keys are the strongest.
  const out: string[] = [];
  for (const k of v.keys()) {
    if (out.length >= n) break;
    out.push(k);
  }
  return out;
}

const minOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));
