import { metadataPublished } from '../../model/article.js';
import pg from 'pg';
import { summarise } from '../summary.js';
import {
  StoreConflictError,
  type ArticleCommit,
  type ArticleRecord,
  type ArticleStore,
  type FeedValidators,
  type ListOptions,
  type LogEntry,
  type MergeEvent,
  type RevisionCommit,
  type StoryEvent,
  type StorySummary,
} from '../types.js';
import { readCheckpoint } from './checkpoint-read.js';
import { lockKey, migrate } from './migrate.js';
import { readTermFrequencies } from './term-df.js';
import { PgWindowLookup, saveWindow, windowStatus, type WindowLookupParams, type WindowRows } from './window.js';
import type { WindowDelta } from '../../cluster/index.js';
import { ensurePartition, monthOf, nextMonth } from './partitions.js';
import { REPLAY_COLUMNS, toRecord, toReplayRecord, toStoryRow, type ArticleRow, type ReplayRow, type StoryDbRow } from '../rows.js';

/**
 * Connections per process: a worker or API server runs a handful of queries at once; PostgreSQL's
 * default max_connections (100) then leaves room for about 10 processes. See docs/deploy.md.
 */
export const DEFAULT_POOL_SIZE = 10;

export interface PgStoreOptions {
  /** Schema holding the tables (created if missing): tests give each store its own. */
  schema?: string;
  poolSize?: number;
}

// Sequence numbers are bigint columns; node-postgres gives them as strings unless told. They stay far
// below 2^53, so numbers are exact.
const INT8_OID = 20;
const parseInt8 = (v: string): number => Number(v);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === INT8_OID ? parseInt8 : (pg.types.getTypeParser(oid, format ?? 'text') as unknown)) as typeof pg.types.getTypeParser,
};

/** SQLSTATE commit_article raises when the log head is not the expected seq (migration 005). */
const SEQ_CONFLICT = 'CC409';

/** Checkpoints kept: the latest, and one before it. */
const CHECKPOINTS_KEPT = 2;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The corpus log in PostgreSQL: the same tables and semantics as the SQLite backend, articles partitioned by month. */
export class PgStore implements ArticleStore {
  readonly pool: pg.Pool;
  private readonly months = new Set<string>();
  private schemaVersion = 0;

  private constructor(
    readonly url: string,
    readonly schema: string,
    poolSize: number,
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: poolSize, types, options: `-c search_path=${schema}` });
    // A connection the server cut (restart, pg_terminate_backend) errors on the idle client; the pool
    // drops it and opens a new one on the next query, so this only needs to not crash the process.
    this.pool.on('error', () => undefined);
  }

  /** Connects, creates the schema if needed, applies pending migrations and this month's partitions. */
  static async open(url: string, options: PgStoreOptions = {}): Promise<PgStore> {
    const schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(schema)) throw new Error(`bad schema name ${schema}`);
    const store = new PgStore(url, schema, options.poolSize ?? DEFAULT_POOL_SIZE);
    try {
      await store.withClient(async (c) => {
        store.schemaVersion = await migrate(c, schema);
        const month = monthOf(new Date().toISOString());
        for (const m of [month, nextMonth(month)]) await store.partition(c, m);
      });
    } catch (e) {
      await store.pool.end();
      throw e;
    }
    return store;
  }

  /** Number of migrations applied. */
  version(): number {
    return this.schemaVersion;
  }

  private async withClient<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      return await fn(c);
    } finally {
      c.release();
    }
  }

  private tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.withClient(async (c) => {
      await c.query('BEGIN');
      try {
        const out = await fn(c);
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  private async partition(c: pg.ClientBase, month: string): Promise<void> {
    if (this.months.has(month)) return;
    await ensurePartition(c, this.schema, month);
    this.months.add(month);
  }

  /** Takes the next seq if the log's last is still `expected` (the row lock orders concurrent writers). */
  private async nextSeq(c: pg.ClientBase, expected: number): Promise<number> {
    const r = await c.query<{ last_seq: number }>('UPDATE log_head SET last_seq = last_seq + 1 WHERE last_seq = $1 RETURNING last_seq', [expected]);
    const row = r.rows[0];
    if (row) return row.last_seq;
    const actual = (await c.query<{ last_seq: number }>('SELECT last_seq FROM log_head')).rows[0]?.last_seq ?? 0;
    throw new StoreConflictError(expected, actual);
  }

  async lastSeq(): Promise<number> {
    return (await this.pool.query<{ last_seq: number }>('SELECT last_seq FROM log_head')).rows[0]?.last_seq ?? 0;
  }

  async saveCheckpoint(seq: number, body: Buffer): Promise<void> {
    await this.tx(async (c) => {
      await c.query('INSERT INTO cluster_checkpoints (seq, body) VALUES ($1, $2) ON CONFLICT (seq) DO UPDATE SET body = excluded.body, at = now()', [seq, body]);
      await c.query('DELETE FROM cluster_checkpoints WHERE seq NOT IN (SELECT seq FROM cluster_checkpoints ORDER BY seq DESC LIMIT $1)', [CHECKPOINTS_KEPT]);
    });
  }

  async loadCheckpoint(): Promise<{ seq: number; body: Buffer } | null> {
    return this.withClient((c) => readCheckpoint(c));
  }

  async feedValidators(url: string): Promise<FeedValidators | null> {
    const r = await this.pool.query<{ etag: string | null; last_modified: string | null }>('SELECT etag, last_modified FROM feed_validators WHERE url = $1', [url]);
    const row = r.rows[0];
    return row ? { etag: row.etag, lastModified: row.last_modified } : null;
  }

  async saveFeedValidators(url: string, v: FeedValidators): Promise<void> {
    await this.pool.query(
      'INSERT INTO feed_validators (url, etag, last_modified) VALUES ($1, $2, $3) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, at = now()',
      [url, v.etag, v.lastModified],
    );
  }

  /** Commits and revisions keep the window tables (migration 007). */
  readonly keepsWindow = true;

  async windowValid(): Promise<boolean> {
    return (await windowStatus(this.pool)).valid;
  }

  saveWindow(rows: WindowRows, logSeq: number): Promise<boolean> {
    return this.tx((c) => saveWindow(c, rows, logSeq));
  }

  windowLookup(params: WindowLookupParams, expectedSeq: () => number): PgWindowLookup {
    return new PgWindowLookup(this.pool, params, expectedSeq);
  }

  termFrequencies(terms: readonly string[]): Promise<{ docs: number; df: [string, number][] }> {
    return readTermFrequencies(this.pool, terms);
  }

  /** One statement (migration 005's commit_article): the writer lock is held for one round trip, not about twelve. */
  async commit(change: ArticleCommit, expectedSeq: number): Promise<ArticleRecord> {
    const r = change.record;
    const month = monthOf(r.ingestedAt);
    if (change.newStory && change.newStory.id !== r.firstStory) throw new Error('a new story is the story its first article joins');
    if (!this.months.has(month)) await this.withClient((c) => this.partition(c, month));
    let seq: number;
    try {
      const out = await this.pool.query<{ seq: number }>(
        'SELECT commit_article($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) AS seq',
        [
          expectedSeq, month, r.id, r.urlKey, r.version, r.current, r.firstStory, r.nearDuplicateOf, r.ingestedAt, r.article.outlet, metadataPublished(r.article),
          JSON.stringify(r.article), JSON.stringify(r.vector), r.terms, JSON.stringify(r.minhash), change.newStory?.title ?? null, change.supersedes,
          change.merges.map((m) => m.into), change.merges.map((m) => m.from), change.window ? JSON.stringify(change.window) : null,
        ],
      );
      seq = out.rows[0]!.seq;
    } catch (e) {
      const err = e as { code?: string; message: string };
      if (err.code === SEQ_CONFLICT) throw new StoreConflictError(expectedSeq, Number(err.message));
      throw e;
    }
    // What was written, as a read would give it (a commit's article starts in the story it first joined).
    return { ...r, seq, storyId: r.firstStory };
  }

  async revise(change: RevisionCommit, expectedSeq: number, window?: WindowDelta): Promise<number> {
    return this.tx(async (c) => {
      const seq = await this.nextSeq(c, expectedSeq);
      // The window tables follow the revision, or are marked as no longer following the log.
      if (window) await c.query('SELECT window_apply($1::jsonb, $2)', [JSON.stringify(window), seq]);
      else await c.query('UPDATE window_head SET valid = false WHERE valid');
      const at = change.at;
      await c.query('INSERT INTO revisions (seq, at, body) VALUES ($1, $2, $3)', [seq, at, JSON.stringify(change)]);
      const event = (kind: string, story: string, other: string | null, article: string): Promise<unknown> =>
        c.query('INSERT INTO story_events (kind, story, other, article, article_seq, at) VALUES ($1, $2, $3, $4, $5, $6)', [kind, story, other, article, seq, at]);
      const splitIds = new Set<string>();
      for (const sp of change.splits) {
        // A split part may take back the id of a story merged away earlier (ids derive from first articles).
        await c.query('INSERT INTO stories (id, title, updated_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET merged_into = NULL, title = excluded.title', [sp.id, sp.title, at]);
        await event('split', sp.id, sp.from, sp.article);
        splitIds.add(sp.id);
      }
      const touched = new Set<string>();
      for (const m of change.moves) {
        await c.query('UPDATE articles SET story_id = $1 WHERE id = $2', [m.to, m.article]);
        if (!splitIds.has(m.to)) await event('moved', m.to, m.from, m.article);
        touched.add(m.from).add(m.to);
      }
      for (const e of change.emptied) {
        await c.query('UPDATE stories SET merged_into = $1 WHERE id = $2', [e.into, e.from]);
        await event('merged', e.into, e.from, change.moves.find((m) => m.from === e.from)?.article ?? '');
      }
      for (const id of [...touched].sort()) await c.query('UPDATE stories SET version = version + 1, updated_at = $1 WHERE id = $2', [at, id]);
      return seq;
    });
  }

  async byId(id: string): Promise<ArticleRecord | null> {
    const r = await this.pool.query<ArticleRow>('SELECT a.* FROM article_keys k JOIN articles a ON a.month = k.month AND a.seq = k.seq WHERE k.id = $1', [id]);
    return r.rows[0] ? toRecord(r.rows[0]) : null;
  }

  async byUrl(urlKey: string): Promise<ArticleRecord | null> {
    const r = await this.pool.query<ArticleRow>('SELECT * FROM articles WHERE url_key = $1 ORDER BY version DESC LIMIT 1', [urlKey]);
    return r.rows[0] ? toRecord(r.rows[0]) : null;
  }

  async *replay(after: number, batch = 2000): AsyncIterable<LogEntry> {
    const revisionEntry = (r: { seq: number; body: string }): LogEntry => ({ kind: 'revision', seq: r.seq, revision: JSON.parse(r.body) as RevisionCommit });
    // Caught up already (the common case before each decision): one query instead of two.
    if ((await this.lastSeq()) <= after) return;
    let at = after;
    for (;;) {
      const page = (await this.pool.query<ReplayRow>(`SELECT ${REPLAY_COLUMNS} FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2`, [at, batch])).rows;
      if (page.length === 0) {
        const tail = await this.pool.query<{ seq: number; body: string }>('SELECT seq, body FROM revisions WHERE seq > $1 ORDER BY seq', [at]);
        for (const r of tail.rows) yield revisionEntry(r);
        return;
      }
      const last = page[page.length - 1]!.seq;
      const merges = await this.pool.query<{ into: string; from: string; article_seq: number }>(
        "SELECT story AS \"into\", other AS \"from\", article_seq FROM story_events WHERE kind = 'merged' AND article_seq > $1 AND article_seq <= $2 ORDER BY seq",
        [at, last],
      );
      const bySeq = new Map<number, MergeEvent[]>();
      for (const m of merges.rows) {
        const list = bySeq.get(m.article_seq) ?? [];
        list.push({ into: m.into, from: m.from });
        bySeq.set(m.article_seq, list);
      }
      // Revisions between this page's articles, interleaved by seq (a revision's own merged events carry
      // its seq, which no article has).
      const revs = (await this.pool.query<{ seq: number; body: string }>('SELECT seq, body FROM revisions WHERE seq > $1 AND seq < $2 ORDER BY seq', [at, last])).rows;
      let k = 0;
      for (const row of page) {
        while (k < revs.length && revs[k]!.seq < row.seq) yield revisionEntry(revs[k++]!);
        yield { kind: 'article', seq: row.seq, record: toReplayRecord(row), merges: bySeq.get(row.seq) ?? [] };
      }
      at = last;
    }
  }

  async countArticles(): Promise<number> {
    return (await this.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM article_keys')).rows[0]!.n;
  }

  private async summaries(rows: StoryDbRow[]): Promise<StorySummary[]> {
    if (rows.length === 0) return [];
    const arts = await this.pool.query<{ story_id: string; outlet: string | null; published: string | null }>(
      'SELECT story_id, outlet, published FROM articles WHERE story_id = ANY($1) AND current ORDER BY seq',
      [rows.map((r) => r.id)],
    );
    const by = new Map<string, { outlet: string | null; published: string | null }[]>();
    for (const a of arts.rows) {
      const list = by.get(a.story_id) ?? [];
      list.push({ outlet: a.outlet, published: a.published });
      by.set(a.story_id, list);
    }
    return rows.map((s) => summarise(toStoryRow(s), by.get(s.id) ?? []));
  }

  async listStories(options: ListOptions = {}): Promise<StorySummary[]> {
    const r = await this.pool.query<StoryDbRow>('SELECT * FROM stories WHERE merged_into IS NULL ORDER BY updated_at DESC, id LIMIT $1 OFFSET $2', [options.limit ?? null, options.offset ?? 0]);
    return this.summaries(r.rows);
  }

  async countStories(): Promise<number> {
    return (await this.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM stories WHERE merged_into IS NULL')).rows[0]!.n;
  }

  async story(id: string): Promise<StorySummary | null> {
    const r = await this.pool.query<StoryDbRow>('SELECT * FROM stories WHERE id = $1 AND merged_into IS NULL', [id]);
    return r.rows[0] ? ((await this.summaries(r.rows))[0] ?? null) : null;
  }

  async storyArticles(id: string): Promise<ArticleRecord[]> {
    const r = await this.pool.query<ArticleRow>('SELECT * FROM articles WHERE story_id = $1 AND current ORDER BY seq', [id]);
    return r.rows.map(toRecord);
  }

  async resolveStory(id: string): Promise<string | null> {
    // Follows merged_into to the live story; the depth bound guards against a cycle in a damaged store.
    const r = await this.pool.query<{ id: string }>(
      `WITH RECURSIVE chain(id, next, depth) AS (
         SELECT id, merged_into, 0 FROM stories WHERE id = $1
         UNION ALL SELECT s.id, s.merged_into, c.depth + 1 FROM stories s JOIN chain c ON s.id = c.next WHERE c.depth < 10000
       ) SELECT id FROM chain WHERE next IS NULL AND depth > 0 LIMIT 1`,
      [id],
    );
    return r.rows[0]?.id ?? null;
  }

  async storyEvents(id: string): Promise<StoryEvent[]> {
    const r = await this.pool.query<StoryEvent>('SELECT seq, kind, story, other, article, at FROM story_events WHERE story = $1 OR other = $1 ORDER BY seq', [id]);
    return r.rows;
  }

  async setConflictCount(id: string, version: number, conflicts: number): Promise<void> {
    await this.pool.query('UPDATE stories SET conflicts = $1, conflicts_version = $2 WHERE id = $3 AND version = $2', [conflicts, version, id]);
  }

  /**
   * A session advisory lock on a connection of its own: released on unlock, or by the server when the
   * process dies or the connection is cut, so a killed worker never leaves the store locked. If the
   * connection is cut while `fn` runs, another process may get in: the seq check then refuses the stale
   * commit, so the lock is for throughput and the check for correctness.
   */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    let broken = false;
    try {
      await c.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey(this.schema, 'assign')]);
      try {
        return await fn();
      } finally {
        await c.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey(this.schema, 'assign')]).catch(() => (broken = true));
      }
    } catch (e) {
      broken = true;
      throw e;
    } finally {
      c.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
