import type pg from 'pg';

/**
 * Reads the latest clustering checkpoint in slices. node-pg receives bytea as hex text, so one
 * 200 MB checkpoint arrived as one 400-million-character string: about 10 s to read at 100,000
 * generated articles (npm run bench -- big-store), and past V8's string limit (about 536 million
 * characters) a checkpoint over about 268 MB could not be read at all. Slices of CHUNK_BYTES keep each
 * string small; the column is stored EXTERNAL (uncompressed, migration 003), so PostgreSQL reads only
 * the TOAST chunks each slice covers. The slices are read in one REPEATABLE READ transaction, so a
 * checkpoint written meanwhile cannot mix into this one.
 */

/** Bytes per slice: 16 MB arrives as 32 MB of hex, far under the string limit, in few round trips. */
export const CHUNK_BYTES = 16 * 1024 * 1024;

export async function readCheckpoint(c: pg.PoolClient, chunkBytes = CHUNK_BYTES): Promise<{ seq: number; body: Buffer } | null> {
  await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    // A checkpoint past the log's end belongs to a log that was cut back (restored backup): ignore it.
    const head = await c.query<{ seq: number; n: number }>(
      'SELECT seq, octet_length(body) AS n FROM cluster_checkpoints WHERE seq <= (SELECT last_seq FROM log_head) ORDER BY seq DESC LIMIT 1',
    );
    const row = head.rows[0];
    if (!row) return null;
    const total = Number(row.n);
    const parts: Buffer[] = [];
    for (let at = 0; at < total; at += chunkBytes) {
      // substring counts from 1.
      const r = await c.query<{ part: Buffer }>('SELECT substring(body FROM $2::int FOR $3::int) AS part FROM cluster_checkpoints WHERE seq = $1', [row.seq, at + 1, chunkBytes]);
      const part = r.rows[0]?.part;
      if (!part) throw new Error(`checkpoint ${String(row.seq)} vanished while being read`);
      parts.push(part);
    }
    return { seq: row.seq, body: Buffer.concat(parts, total) };
  } finally {
    await c.query('COMMIT');
  }
}
