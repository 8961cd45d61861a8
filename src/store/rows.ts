import type { Article } from '../model/article.js';
import type { StoryRow } from './summary.js';
import type { ArticleRecord, ReplayRecord } from './types.js';

/**
 * Row shapes of the articles and stories tables, the same columns in SQLite and PostgreSQL
 * (migrations/postgres), and their mapping to store records: one mapping for both backends.
 */

export interface ArticleRow {
  seq: number;
  id: string;
  url_key: string;
  version: number;
  /** PostgreSQL gives a boolean, SQLite 1 or 0. */
  current: boolean | number;
  story_id: string;
  first_story: string;
  near_duplicate_of: string | null;
  ingested_at: string;
  published: string | null;
  article: string;
  vector: string;
  terms: string;
  minhash: string;
}

export type ReplayRow = Omit<ArticleRow, 'article'>;

export interface StoryDbRow {
  id: string;
  title: string;
  merged_into: string | null;
  version: number;
  updated_at: string;
  conflicts: number | null;
  conflicts_version: number;
}

/** Every column but the article itself: replay reads the log without the texts. */
export const REPLAY_COLUMNS = 'seq, id, url_key, version, current, story_id, first_story, near_duplicate_of, ingested_at, published, vector, terms, minhash';

const baseFields = (r: ReplayRow): Omit<ArticleRecord, 'article'> => ({
  seq: r.seq,
  id: r.id,
  urlKey: r.url_key,
  version: r.version,
  current: r.current === true || r.current === 1,
  storyId: r.story_id,
  firstStory: r.first_story,
  nearDuplicateOf: r.near_duplicate_of,
  ingestedAt: r.ingested_at,
  vector: JSON.parse(r.vector) as [string, number][],
  terms: r.terms ? r.terms.split('\n') : [],
  minhash: JSON.parse(r.minhash) as number[],
});

export const toRecord = (r: ArticleRow): ArticleRecord => ({ ...baseFields(r), article: JSON.parse(r.article) as Article });
export const toReplayRecord = (r: ReplayRow): ReplayRecord => ({ ...baseFields(r), published: r.published });

export const toStoryRow = (r: StoryDbRow): StoryRow => ({
  id: r.id,
  title: r.title,
  mergedInto: r.merged_into,
  version: r.version,
  updatedAt: r.updated_at,
  conflicts: r.conflicts,
  conflictsVersion: r.conflicts_version,
});
