import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/**
 * Versioned schema migrations for the PostgreSQL store: the files of migrations/postgres/, applied in
 * name order, each in its own transaction, under a session advisory lock so that several processes
 * starting at once apply each file exactly once (the others wait, then find it applied).
 */

/** Where the SQL files are: the package root's migrations/postgres, found from this module (src or dist). */
export function migrationsDir(): string {
  for (let d = dirname(fileURLToPath(import.meta.url)); ; d = dirname(d)) {
    const candidate = join(d, 'migrations', 'postgres');
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) throw new Error('migrations/postgres not found beside the package');
  }
}

export interface Migration {
  name: string;
  sql: string;
}

export function readMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** A lock id per schema: stores in different schemas of one database migrate independently. */
export const lockKey = (schema: string, purpose: string): string => `crosscheck:${purpose}:${schema}`;

/** Applies the migrations not yet applied; returns how many are applied in all (the schema version). */
export async function migrate(client: pg.ClientBase, schema: string, migrations = readMigrations()): Promise<number> {
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey(schema, 'migrate')]);
  try {
    // Inside the lock: CREATE ... IF NOT EXISTS still races with a concurrent create of the same name.
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [m.name]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
      }
      done.add(m.name);
    }
    return done.size;
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey(schema, 'migrate')]);
  }
}
