import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Article } from '../model/article.js';
import { contentId } from '../store/identity.js';
import type { ItemStage, ItemState } from './stages.js';

/**
 * The rows of pipeline_items (migrations/postgres/002_pipeline.sql): where each input is and what its
 * finished stages produced. Stage changes are compare-and-set on the current stage, so a job delivered
 * twice (a worker killed after its write, a sweeper re-enqueue) finds the row moved on and does nothing.
 */
export interface ItemRow {
  id: string;
  stage: ItemState;
  origin: string;
  url: string | null;
  raw: Buffer | null;
  content_type: string | null;
  article_id: string | null;
  article: string | null;
  analysis: string | null;
  story_id: string | null;
  attempts: number;
  failed_stage: string | null;
  last_error: string | null;
}

export interface StageOutput {
  raw?: Buffer;
  content_type?: string | null;
  article_id?: string;
  article?: string;
  analysis?: string;
  story_id?: string;
}

const OUTPUT_COLUMNS = new Set(['raw', 'content_type', 'article_id', 'article', 'analysis', 'story_id']);

export const urlItemId = (url: string): string => 'url-' + createHash('sha256').update(url).digest('hex').slice(0, 24);

export class PipelineItems {
  constructor(readonly pool: pg.Pool) {}

  /** A page to fetch (watch): idempotent per URL. Returns the id and whether the row is new. */
  async addUrl(url: string, origin = url): Promise<{ id: string; added: boolean }> {
    const id = urlItemId(url);
    const r = await this.pool.query("INSERT INTO pipeline_items (id, stage, origin, url) VALUES ($1, 'fetch', $2, $3) ON CONFLICT (id) DO NOTHING", [id, origin, url]);
    return { id, added: r.rowCount === 1 };
  }

  /** An article read elsewhere (ingest of files): it starts at analyze. Idempotent per content id. */
  async addArticle(article: Article): Promise<{ id: string; added: boolean }> {
    const id = contentId(article);
    const r = await this.pool.query(
      "INSERT INTO pipeline_items (id, stage, origin, url, article_id, article) VALUES ($1, 'analyze', $2, $3, $1, $4) ON CONFLICT (id) DO NOTHING",
      [id, article.origin, article.url, JSON.stringify(article)],
    );
    return { id, added: r.rowCount === 1 };
  }

  async get(id: string): Promise<ItemRow | null> {
    return (await this.pool.query<ItemRow>('SELECT * FROM pipeline_items WHERE id = $1', [id])).rows[0] ?? null;
  }

  /** Moves the item from `from` to `to` with the stage's output; false if it was not at `from` (done already). */
  async advance(id: string, from: ItemStage, to: ItemState, output: StageOutput = {}): Promise<boolean> {
    const cols = Object.keys(output).filter((k) => OUTPUT_COLUMNS.has(k));
    const sets = cols.map((k, i) => `${k} = $${i + 4}`);
    const values = cols.map((k) => output[k as keyof StageOutput] ?? null);
    const r = await this.pool.query(
      `UPDATE pipeline_items SET stage = $3, attempts = 0, last_error = NULL, updated_at = now()${sets.length ? ', ' + sets.join(', ') : ''} WHERE id = $1 AND stage = $2`,
      [id, from, to, ...values],
    );
    return r.rowCount === 1;
  }

  /** Records a failed attempt (it will be retried): the reason shows in `crosscheck queue`. */
  async noteAttempt(id: string, reason: string): Promise<void> {
    await this.pool.query('UPDATE pipeline_items SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [id, reason]);
  }

  /** Parks the item: out of the flow until a person looks (its stage and reason are kept). */
  async park(id: string, stage: ItemStage, reason: string): Promise<void> {
    await this.pool.query("UPDATE pipeline_items SET stage = 'failed', failed_stage = $2, last_error = $3, updated_at = now() WHERE id = $1 AND stage = $2", [id, stage, reason]);
  }

  /** Items whose stage is unfinished and untouched for `olderThanMs`: what the sweeper re-enqueues. */
  async stale(olderThanMs: number, limit: number): Promise<{ id: string; stage: ItemStage }[]> {
    const r = await this.pool.query<{ id: string; stage: ItemStage }>(
      "SELECT id, stage FROM pipeline_items WHERE stage NOT IN ('done', 'failed') AND updated_at < now() - make_interval(secs => $1) ORDER BY updated_at LIMIT $2",
      [olderThanMs / 1000, limit],
    );
    return r.rows;
  }

  /** Pushes the sweeper's deadline back for items just re-enqueued, so one sweep does not enqueue them again next time. */
  async touch(ids: string[]): Promise<void> {
    if (ids.length) await this.pool.query('UPDATE pipeline_items SET updated_at = now() WHERE id = ANY($1)', [ids]);
  }

  async countsByStage(): Promise<Record<string, number>> {
    const r = await this.pool.query<{ stage: string; n: number }>('SELECT stage, COUNT(*)::int AS n FROM pipeline_items GROUP BY stage');
    return Object.fromEntries(r.rows.map((x) => [x.stage, x.n]));
  }

  /** Items finished in the last `seconds`: the throughput `crosscheck queue` shows. */
  async doneWithin(seconds: number): Promise<number> {
    const r = await this.pool.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM pipeline_items WHERE stage = 'done' AND updated_at > now() - make_interval(secs => $1)", [seconds]);
    return r.rows[0]?.n ?? 0;
  }

  async failures(limit = 50): Promise<{ id: string; origin: string; stage: string; reason: string; at: string }[]> {
    const r = await this.pool.query<{ id: string; origin: string; stage: string; reason: string; at: Date }>(
      "SELECT id, origin, failed_stage AS stage, COALESCE(last_error, '') AS reason, updated_at AS at FROM pipeline_items WHERE stage = 'failed' ORDER BY updated_at DESC LIMIT $1",
      [limit],
    );
    return r.rows.map((x) => ({ ...x, at: x.at.toISOString() }));
  }

  /** Stored analyses of articles, by content id (the dossier stage reuses them). */
  async analyses(articleIds: string[]): Promise<Map<string, string>> {
    if (articleIds.length === 0) return new Map();
    const r = await this.pool.query<{ article_id: string; analysis: string }>('SELECT article_id, analysis FROM pipeline_items WHERE article_id = ANY($1) AND analysis IS NOT NULL', [articleIds]);
    return new Map(r.rows.map((x) => [x.article_id, x.analysis]));
  }
}
