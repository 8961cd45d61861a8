import { dot, type SparseVector } from './vectorize.js';

/**
 * One story as a decision reads it: the in-memory clusterer's own state, or a row of the PostgreSQL
 * window tables (store/postgres/window.ts). Read only: a decision simulates its join and merges on
 * copies, and the clusterer then applies the outcome to its state.
 */
export interface CandidateStory {
  readonly id: string;
  readonly size: number;
  readonly centroid: ReadonlyMap<string, number>;
  readonly minTime: number | null;
  readonly maxTime: number | null;
  /** Arrival sequence of the first article: the older story survives a merge. */
  readonly createdSeq: number;
}

/**
 * Where a decision finds candidate stories for an article: stories sharing its strongest terms,
 * ranked by the weight of the shared terms, the best `maxCandidates` of those within the time window.
 * Asynchronous so that the lookup can be a query (the window tables) as well as a map read.
 */
export interface CandidateLookup {
  candidates(vector: SparseVector, time: number | null): Promise<CandidateStory[]>;
}

/** What a decision found: the story to join (or a new one), and the merges it bridges, in order. */
export interface Decision {
  /** The candidate joined, or null for a new story. */
  join: string | null;
  similarity: number;
  /** Stories folded together, in order: `gone` into `keep`. */
  merges: { keep: string; gone: string }[];
}

export interface DecideParams {
  joinThreshold: number;
  mergeThreshold: number;
  windowDays: number;
  centroidTerms: number;
}

const DAY_MS = 86_400_000;

/** A candidate's state as the simulated join and merges leave it (the centroid copied when first changed). */
interface Sim {
  id: string;
  size: number;
  centroid: ReadonlyMap<string, number>;
  own: boolean;
  minTime: number | null;
  maxTime: number | null;
  createdSeq: number;
}

/**
 * Single pass, average link (clusterer.ts): the article joins the candidate it is most similar to on
 * average, or starts a story; then each other candidate it also resembles merges with the joined story
 * when the two stories' average link is high enough. Pure: the candidates are not changed.
 */
export function decide(vector: SparseVector, time: number | null, candidates: readonly CandidateStory[], p: DecideParams): Decision {
  const scored = candidates.map((s) => ({ s, sim: dot(vector, s.centroid as SparseVector) / s.size })).sort((a, b) => b.sim - a.sim || a.s.createdSeq - b.s.createdSeq);
  const best = scored[0];
  if (!best || best.sim < p.joinThreshold) return { join: null, similarity: best?.sim ?? 0, merges: [] };
  let target: Sim = { ...best.s, own: false };
  // The join is simulated only when a merge is checked (most articles have no second candidate close
  // enough), since it copies the story's centroid.
  let joined = false;
  const merges: Decision['merges'] = [];
  // Only stories this article also resembles can have been bridged by it.
  for (const { s, sim } of scored.slice(1)) {
    if (sim < p.joinThreshold * 0.75) continue;
    if (!joined) {
      joinSim(target, vector, time, p.centroidTerms);
      joined = true;
    }
    if (!compatibleTimes(target, s, p.windowDays)) continue;
    const link = dot(target.centroid as SparseVector, s.centroid as SparseVector) / (target.size * s.size);
    if (link < p.mergeThreshold) continue;
    const other: Sim = { ...s, own: false };
    const [keep, gone] = target.createdSeq <= s.createdSeq ? [target, other] : [other, target];
    mergeSim(keep, gone, p.centroidTerms);
    merges.push({ keep: keep.id, gone: gone.id });
    target = keep;
  }
  return { join: best.s.id, similarity: best.sim, merges };
}

function owned(s: Sim): Map<string, number> {
  if (!s.own) {
    s.centroid = new Map(s.centroid);
    s.own = true;
  }
  return s.centroid as Map<string, number>;
}

function joinSim(s: Sim, vector: SparseVector, time: number | null, centroidTerms: number): void {
  const c = owned(s);
  s.size++;
  for (const [k, v] of vector) c.set(k, (c.get(k) ?? 0) + v);
  s.minTime = minOf(s.minTime, time);
  s.maxTime = maxOf(s.maxTime, time);
  s.centroid = pruned(c, centroidTerms);
}

function mergeSim(keep: Sim, gone: Sim, centroidTerms: number): void {
  const c = owned(keep);
  for (const [k, v] of gone.centroid) c.set(k, (c.get(k) ?? 0) + v);
  keep.size += gone.size;
  keep.minTime = minOf(keep.minTime, gone.minTime);
  keep.maxTime = maxOf(keep.maxTime, gone.maxTime);
  keep.centroid = pruned(c, centroidTerms);
}

/**
 * A centroid past 1.5 times `max` terms cut to its `max` strongest (ties by key): bounds memory on
 * long-running stores; the slack keeps the sort rare.
 */
export function pruned(centroid: Map<string, number>, max: number): Map<string, number> {
  if (centroid.size <= max * 1.5) return centroid;
  return new Map([...centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max));
}

export function compatibleTimes(a: Pick<CandidateStory, 'minTime' | 'maxTime'>, b: Pick<CandidateStory, 'minTime' | 'maxTime'>, windowDays: number): boolean {
  if (a.minTime === null || b.minTime === null || a.maxTime === null || b.maxTime === null) return true;
  const w = windowDays * DAY_MS;
  return a.minTime <= b.maxTime + w && b.minTime <= a.maxTime + w;
}

export function withinWindow(s: Pick<CandidateStory, 'minTime' | 'maxTime'>, time: number | null, windowDays: number): boolean {
  if (time === null || s.minTime === null || s.maxTime === null) return true;
  const w = windowDays * DAY_MS;
  return time >= s.minTime - w && time <= s.maxTime + w;
}

export const minOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));
export const maxOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));
