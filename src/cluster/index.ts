import { metadataPublished, type Article } from '../model/article.js';
import { contentId } from '../store/identity.js';
import { firstLine, firstLineTitle } from '../extract/title.js';
import { StoryClusterer, storyIdFor, type Assignment, type ClusterParams } from './clusterer.js';
import { extractFeatures } from './features.js';
import type { RefineItem } from './refine.js';
import { reviseAssignments } from './revise.js';
import { DEFAULT_SPLIT, type SplitParams } from './split.js';
import { DocumentFrequencies, featureKeys, vectorize, DEFAULT_WEIGHTS, type FeatureWeights } from './vectorize.js';

export { decide, type CandidateLookup, type CandidateStory, type Decision } from './decide.js';
export { type WindowDelta, type WindowStoryRow } from './window-journal.js';
export { StoryClusterer, storyIdFor, candidateOf, topKeys, DEFAULT_PARAMS, type Assignment, type ClusterParams, type ClustererState, type StoryState } from './clusterer.js';
export { extractFeatures, type ArticleFeatures } from './features.js';
export { reviseAssignments, type Revision } from './revise.js';
export { DEFAULT_SPLIT, type SplitParams } from './split.js';
export { DocumentFrequencies, featureKeys, vectorize, DEFAULT_WEIGHTS, type FeatureWeights, type SparseVector } from './vectorize.js';

/** One story of `crosscheck cluster` output (schemas/cluster.schema.json). */
export interface ClusterStory {
  id: string;
  title: string;
  articles: string[];
}

export interface ClusterResult {
  stories: ClusterStory[];
  /** Every merge decided on the way, in order. */
  merges: { into: string; from: string; article: string }[];
  /** Stories split off by the batch's second stage: `into` left `from`, starting with `article`. */
  splits: { from: string; into: string; article: string }[];
}

export interface BatchOptions {
  params?: Partial<ClusterParams>;
  weights?: FeatureWeights;
  /** Revise the single pass once all articles are in (refine.ts); on by default. */
  refine?: boolean;
  /** Split stories holding two groups with different names/dates (split.ts); on with `refine`. */
  split?: boolean;
  splitParams?: Partial<SplitParams>;
  /**
   * The order articles arrive in: `published` (publication order, then origin: output independent of
   * the input order; the default) or `input` (as given: the order `ingest` stores them in, so a story
   * gets the id `ingest` gives it in a fresh store).
   */
  order?: 'published' | 'input';
}

/**
 * Largest batch revised after the single pass: revision compares each article with the stories sharing
 * its strongest terms, which still grows faster than linearly (about 2 minutes for 20,000 generated
 * articles on a loaded 2-core machine); bigger batches keep the single pass.
 */
export const REFINE_MAX_ARTICLES = 20_000;

/** Longest title shown for a story named after its first line. */
const TITLE_MAX = 120;

/**
 * A story's display title: its first article's title (for plain texts, their first line: the rule of
 * src/extract/title.ts), else the start of that article's first line of prose.
 */
export function storyTitle(a: Pick<Article, 'title' | 'text' | 'boilerplate'>): string {
  const t = a.title?.trim() || firstLineTitle(a.text, a.boilerplate);
  if (t) return t;
  const line = firstLine(a.text, a.boilerplate) ?? '';
  return line.length > TITLE_MAX ? line.slice(0, TITLE_MAX - 1) + '…' : line;
}

/** Publication order, then origin: the order `cluster` feeds articles in, so output does not depend on argument order. */
export function arrivalOrder(a: Article, b: Article): number {
  const pa = metadataPublished(a);
  const pb = metadataPublished(b);
  const ta = pa ? Date.parse(pa) : NaN;
  const tb = pb ? Date.parse(pb) : NaN;
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
  if (Number.isNaN(ta) !== Number.isNaN(tb)) return Number.isNaN(ta) ? 1 : -1;
  return a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0;
}

/**
 * `crosscheck cluster`: the same incremental clustering as the store, over a batch. Document
 * frequencies are taken over the whole batch first, then articles arrive in publication order (or
 * as given, with `order: 'input'`).
 */
export function clusterArticles(input: Article[], options: BatchOptions = {}): ClusterResult {
  const articles = options.order === 'input' ? [...input] : [...input].sort(arrivalOrder);
  const features = articles.map((a) => extractFeatures(a));
  const df = new DocumentFrequencies();
  for (const f of features) df.add(featureKeys(f));
  const clusterer = new StoryClusterer(options.params);
  const merges: ClusterResult['merges'] = [];
  const byId = new Map<string, Article>();
  const items: RefineItem[] = [];
  const keys: string[] = [];
  articles.forEach((a, i) => {
    // Keyed by content identity, as the store keys its articles, so a story gets the same id from
    // `cluster` and `ingest`; the same text given twice gets a suffix so both are listed.
    const id = contentId(a);
    const key = byId.has(id) ? `${id}~${i}` : id;
    byId.set(key, a);
    const f = features[i]!;
    const vector = vectorize(f, df, options.weights ?? DEFAULT_WEIGHTS);
    const result: Assignment = clusterer.add(key, vector, f.time);
    for (const from of result.merged) merges.push({ into: result.story, from, article: a.origin });
    items.push({ vector, time: f.time, story: result.story });
    keys.push(key);
  });
  // Stories as the single pass left them (after merges), then the batch revision.
  const storyOf = new Map<string, string>();
  for (const s of clusterer.allStories()) for (const k of s.articles) storyOf.set(k, s.id);
  items.forEach((it, i) => (it.story = storyOf.get(keys[i]!)!));
  const refine = options.refine ?? articles.length <= REFINE_MAX_ARTICLES;
  const { refined: revised, final } = reviseAssignments(
    items,
    { joinThreshold: clusterer.params.joinThreshold, windowDays: clusterer.params.windowDays, refine, split: (options.split ?? refine) ? { ...DEFAULT_SPLIT, ...options.splitParams } : null },
    (first) => storyIdFor(keys[first]!),
  );
  const order = clusterer.allStories().map((s) => s.id);
  const known = new Set(order);
  const splits: ClusterResult['splits'] = [];
  final.forEach((id, i) => {
    if (known.has(id)) return;
    known.add(id);
    order.push(id);
    splits.push({ from: revised[i]!, into: id, article: byId.get(keys[i]!)!.origin });
  });
  const members = new Map<string, Article[]>(order.map((id) => [id, []]));
  final.forEach((story, i) => members.get(story)!.push(byId.get(keys[i]!)!));
  const stories = order
    .map((id) => ({ id, list: members.get(id)! }))
    .filter((s) => s.list.length > 0)
    .map((s) => ({ id: s.id, title: storyTitle(s.list[0]!), articles: s.list.map((m) => m.origin) }));
  return { stories, merges, splits };
}
