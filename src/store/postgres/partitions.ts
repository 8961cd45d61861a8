import type pg from 'pg';
import { lockKey } from './migrate.js';

/**
 * Monthly partitions of `articles`. Each month gets its own table, created ahead of the rows that
 * need it (the current and next month at open, any other month the first time a commit meets it);
 * rows of a month without one go to articles_default. A month's table can then be detached whole.
 */

/** First day of the month of an ISO timestamp, as YYYY-MM-01 (UTC). */
export function monthOf(iso: string): string {
  const t = Date.parse(iso);
  const d = Number.isNaN(t) ? new Date() : new Date(t);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export const partitionName = (month: string): string => `articles_${month.slice(0, 4)}_${month.slice(5, 7)}`;

/**
 * Creates the month's partition unless it exists. Serialised by an advisory lock (two processes
 * creating one table race on the catalog). If the default partition already holds rows of that
 * month, PostgreSQL refuses the new partition: those rows then stay in the default, which is correct,
 * only not detachable by month.
 */
export async function ensurePartition(client: pg.ClientBase, schema: string, month: string): Promise<void> {
  if (!/^\d{4}-\d{2}-01$/.test(month)) throw new Error(`bad partition month ${month}`);
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey(schema, 'partition')]);
  try {
    const exists = await client.query('SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1', [partitionName(month)]);
    if (exists.rowCount) return;
    await client.query(`CREATE TABLE ${partitionName(month)} PARTITION OF articles FOR VALUES FROM ('${month}') TO ('${nextMonth(month)}')`);
  } catch (e) {
    if (!/would be violated by some row/.test((e as Error).message)) throw e;
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey(schema, 'partition')]);
  }
}
