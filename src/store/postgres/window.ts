import type pg from 'pg';
import { topKeys, type CandidateLookup, type CandidateStory, type ClusterParams, type SparseVector, type WindowStoryRow } from '../../cluster/index.js';

export interface WindowRows {
  stories: WindowStoryRow[];
  index: [string, string][];
  seq: number;
  latest: number | null;
}

/**
 * The clustering window's candidate lookup over PostgreSQL's window tables (migration 007): the
 * stories sharing an article's strongest terms, ranked and cut exactly as StoryClusterer.candidates
 * ranks them in memory, with their centroids, so a decision made on either decides the same.
 */

const DAY_MS = 86_400_000;

export type WindowLookupParams = Pick<ClusterParams, 'queryTerms' | 'maxCandidates' | 'windowDays' | 'sweepEvery'>;

interface HitRow {
  story: string;
  hits: number[];
}

interface StoryRow {
  story: string;
  n: number;
  min_time: number | null;
  max_time: number | null;
  created_seq: number;
  centroid: [string, number][];
}

/** The window tables do not reflect the log as the caller knows it: nothing may be decided on them. */
export class WindowStaleError extends Error {}

export class PgWindowLookup implements CandidateLookup {
  constructor(
    private readonly db: pg.Pool | pg.ClientBase,
    private readonly p: WindowLookupParams,
    /** The log seq the caller has caught up to: the tables must reflect exactly that. */
    private readonly expectedSeq: () => number,
  ) {}

  async candidates(vector: SparseVector, time: number | null): Promise<CandidateStory[]> {
    const head = await windowStatus(this.db);
    if (!head.valid || head.logSeq !== this.expectedSeq()) throw new WindowStaleError(`window tables at seq ${head.logSeq} (valid: ${head.valid}), the log at ${this.expectedSeq()}`);
    const terms = topKeys(vector, this.p.queryTerms);
    if (terms.length === 0) return [];
    const w = this.p.windowDays * DAY_MS;
    // A sweep due at this article (the clusterer sweeps before it looks) leaves no pairs of stories
    // that ended before the horizon: they are left out here the same way.
    const r = await this.db.query<HitRow>(
      `WITH h AS (
         SELECT CASE WHEN seq % $4 = 0 AND greatest(latest, $2::float8) IS NOT NULL
                THEN greatest(latest, $2::float8) - $5::float8 END AS horizon FROM window_head
       )
       SELECT t.story, array_agg(q.i::int ORDER BY q.i) AS hits
       FROM unnest($1::text[]) WITH ORDINALITY AS q(term, i)
       JOIN window_terms t ON t.term = q.term
       JOIN window_stories s ON s.story = t.story
       CROSS JOIN h
       WHERE ($2::float8 IS NULL OR s.min_time IS NULL OR s.max_time IS NULL OR ($2::float8 >= s.min_time - $3::float8 AND $2::float8 <= s.max_time + $3::float8))
         AND NOT (h.horizon IS NOT NULL AND s.max_time IS NOT NULL AND s.max_time < h.horizon)
       GROUP BY t.story`,
      [terms, time, w, this.p.sweepEvery, 2 * w],
    );
    // Weights summed in the query terms' order, as the clusterer sums them (same doubles, same ties).
    const weights = terms.map((k) => vector.get(k) ?? 0);
    const ranked = r.rows
      .map((row) => {
        let sum = 0;
        for (const i of row.hits) sum += weights[i - 1]!;
        return [row.story, sum] as const;
      })
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, this.p.maxCandidates)
      .map(([id]) => id);
    if (ranked.length === 0) return [];
    const rows = await this.db.query<StoryRow>('SELECT story, n, min_time, max_time, created_seq, centroid FROM window_stories WHERE story = ANY($1::text[])', [ranked]);
    const byId = new Map(rows.rows.map((s) => [s.story, s]));
    return ranked.map((id) => {
      const s = byId.get(id);
      if (!s) throw new Error(`window story ${id} vanished between two reads`);
      return { id, size: s.n, centroid: new Map(s.centroid), minTime: s.min_time, maxTime: s.max_time, createdSeq: s.created_seq };
    });
  }
}

/**
 * Writes the whole window (a clusterer's windowRows) for log seq `logSeq` and marks the tables valid,
 * if the log is still at that seq (the caller holds the writer lock). For a store written before
 * migration 007, or loaded around the commit (the big-store bench's COPY).
 */
export async function saveWindow(c: pg.ClientBase, rows: WindowRows, logSeq: number): Promise<boolean> {
  const head = await c.query<{ last_seq: number }>('SELECT last_seq FROM log_head FOR UPDATE');
  if ((head.rows[0]?.last_seq ?? 0) !== logSeq) return false;
  await c.query('TRUNCATE window_stories, window_terms');
  await c.query(
    `INSERT INTO window_stories (story, n, min_time, max_time, created_seq, centroid)
     SELECT x.id, x.size, x."minTime", x."maxTime", x."createdSeq", x.centroid
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, size integer, "minTime" double precision, "maxTime" double precision, "createdSeq" bigint, centroid jsonb)`,
    [JSON.stringify(rows.stories)],
  );
  await c.query('INSERT INTO window_terms (term, story) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [rows.index.map((p) => p[0]), rows.index.map((p) => p[1])]);
  await c.query('UPDATE window_head SET seq = $1, latest = $2, log_seq = $3, valid = true', [rows.seq, rows.latest, logSeq]);
  return true;
}

/** Whether the window tables follow the log (every commit since the migration carried a delta), and to which seq. */
export async function windowStatus(db: pg.Pool | pg.ClientBase): Promise<{ valid: boolean; logSeq: number; seq: number; latest: number | null }> {
  const r = await db.query<{ valid: boolean; log_seq: number; seq: number; latest: number | null }>('SELECT valid, log_seq, seq, latest FROM window_head');
  const row = r.rows[0];
  return row ? { valid: row.valid, logSeq: row.log_seq, seq: row.seq, latest: row.latest } : { valid: false, logSeq: 0, seq: 0, latest: null };
}

/** The window tables' open stories and index, for tests comparing them with a clusterer's state. */
export async function readWindow(db: pg.Pool | pg.ClientBase): Promise<{ stories: StoryRow[]; index: [string, string][] }> {
  const stories = (await db.query<StoryRow>('SELECT story, n, min_time, max_time, created_seq, centroid FROM window_stories ORDER BY story')).rows;
  const index = (await db.query<{ term: string; story: string }>('SELECT t.term, t.story FROM window_terms t JOIN window_stories s ON s.story = t.story ORDER BY 1, 2')).rows.map((r) => [r.term, r.story] as [string, string]);
  return { stories, index };
}
