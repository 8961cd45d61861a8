import { randomBytes } from 'node:crypto';
import { test } from 'node:test';

/**
 * Real PostgreSQL and Redis for tests. Each test file gets its own database (random name, dropped
 * when the file's tests end) and its own Redis key prefix. A server that is not there fails the run
 * under CI=true and skips the file's tests elsewhere, with one line saying how to start it.
 */

export const TEST_PG_URL = process.env['CROSSCHECK_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env['CROSSCHECK_TEST_REDIS'] ?? 'redis://127.0.0.1:6379';

const HOW_TO_START =
  'start PostgreSQL 15 on 127.0.0.1:5432 (trust auth) and Redis 7 on 127.0.0.1:6379, or point CROSSCHECK_TEST_PG / CROSSCHECK_TEST_REDIS at them';

export interface TestDatabase {
  /** Connection URL of the fresh database. */
  url: string;
  drop(): Promise<void>;
}

const randomName = (prefix: string): string => `${prefix}_${randomBytes(6).toString('hex')}`;

function missing(what: string, e: unknown): null {
  const reason = e instanceof Error ? e.message : String(e);
  if (process.env['CI'] === 'true') throw new Error(`${what} is required under CI=true: ${reason}`);
  void test(`${what} tests`, { skip: `${what} not reachable (${reason}): ${HOW_TO_START}` }, () => undefined);
  return null;
}

/** Creates a database for this test file, or returns null (after registering one skipped test) when PostgreSQL is not there. */
export async function testDatabase(): Promise<TestDatabase | null> {
  try {
    return await scratchDatabase();
  } catch (e) {
    return missing('PostgreSQL', e);
  }
}

/** Creates a database with a random name on the test server (for tests, evals and benches); throws when unreachable. */
export async function scratchDatabase(): Promise<TestDatabase> {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  await admin.connect();
  const name = randomName('crosscheck_test');
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestRedis {
  url: string;
  /** Key prefix of this test file: every queue it makes lives under it. */
  prefix: string;
  /** Deletes every key under the prefix (what a flush does to this test's queues). */
  clear(): Promise<void>;
  /** Clears, then closes the connection; a second call does nothing. */
  drop(): Promise<void>;
}

/** A Redis key prefix for this test file, or null (after registering one skipped test) when Redis is not there. */
export async function testRedis(): Promise<TestRedis | null> {
  const { Redis } = await import('ioredis');
  const probe = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } catch (e) {
    probe.disconnect();
    return missing('Redis', e);
  }
  const prefix = randomName('cctest');
  let open = true;
  const clear = async (): Promise<void> => {
    let cursor = '0';
    do {
      const [next, keys] = await probe.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await probe.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  };
  return {
    url: TEST_REDIS_URL,
    prefix,
    clear,
    drop: async () => {
      if (!open) return;
      open = false;
      try {
        await clear();
      } finally {
        probe.disconnect();
      }
    },
  };
}
