import type pg from 'pg';

/**
 * Document frequencies of the clustering's feature terms in PostgreSQL (table term_df, migration
 * 004): the commit adds each article's terms in its transaction; a Corpus reads the frequencies of
 * one article's terms before deciding where it goes.
 */

/** The frequencies of `terms` (absent: never seen) and the number of articles counted. */
export async function readTermFrequencies(db: pg.Pool | pg.ClientBase, terms: readonly string[]): Promise<{ docs: number; df: [string, number][] }> {
  const r = await db.query<{ term: string | null; df: number }>(
    'SELECT term, df FROM term_df WHERE term = ANY($1::text[]) UNION ALL SELECT NULL, docs FROM log_head',
    [terms],
  );
  let docs = 0;
  const df: [string, number][] = [];
  for (const row of r.rows) {
    if (row.term === null) docs = row.df;
    else df.push([row.term, row.df]);
  }
  return { docs, df };
}

/**
 * Counts the frequencies again from the articles table: for rows loaded around the commit (the
 * big-store bench's COPY), as migration 004 does for a store written before it.
 */
export async function recountTermFrequencies(c: pg.ClientBase): Promise<void> {
  await c.query('TRUNCATE term_df');
  await c.query("INSERT INTO term_df (term, df) SELECT t, count(*) FROM articles, unnest(string_to_array(terms, E'\\n')) AS t GROUP BY t");
  await c.query('UPDATE log_head SET docs = (SELECT count(*) FROM articles)');
}
