// Big stores (`npm run bench -- big-store`): generated rows bulk-loaded (COPY into PostgreSQL, one
// transaction of inserts into SQLite), then: how long a process takes to join the store by replaying
// the whole log (before checkpoints) and from the latest checkpoint (now), story assignment latency
// (p50/p99) on top of the big store, and the store's size per million articles.
// Sizes: CROSSCHECK_BENCH_BIG=PostgreSQL articles (default 20000; 1000000 for the capacity figures),
// CROSSCHECK_BENCH_BIG_SQLITE=SQLite articles (default the same), CROSSCHECK_BENCH_BIG_PER_DAY=articles
// a day (default 2000: the open window then holds about 40,000 articles). PostgreSQL is skipped when
// not reachable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { makeArticle } from '../../src/model/article.js';
import { Corpus, SqliteStore, type ArticleStore } from '../../src/store/index.js';
import { ensurePartition, monthOf, nextMonth } from '../../src/store/postgres/partitions.js';
import { PgStore } from '../../src/store/postgres/store.js';
import { recountTermFrequencies } from '../../src/store/postgres/term-df.js';
import { scratchDatabase } from '../../src/testing/servers.js';
import { generateCorpus } from '../generate-corpus.js';
import { bigRows, copyLine, type BigRow } from './_big-rows.js';
import { loadSqlite } from './_big-sqlite.js';
import { joinPhases } from './_join-phases.js';

const PG_N = Number(process.env['CROSSCHECK_BENCH_BIG'] ?? 20_000);
const SQLITE_N = Number(process.env['CROSSCHECK_BENCH_BIG_SQLITE'] ?? PG_N);
const PER_DAY = Number(process.env['CROSSCHECK_BENCH_BIG_PER_DAY'] ?? 2000);
const LATENCY_ARTICLES = 500;

/** What the other tables need of each row, kept while the articles stream in. */
interface Key {
  seq: number;
  id: string;
  month: string;
  story: string;
  first: boolean;
  title: string;
  at: string;
}
const keyOf = (r: BigRow): Key => ({ seq: r.seq, id: r.id, month: monthOf(r.published), story: r.story, first: r.first, title: r.title, at: r.published });

async function copyInto(c: pg.PoolClient, sql: string, lines: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(lines), c.query(copyFrom(sql)));
}

function* articleLines(n: number, keys: Key[]): Generator<string> {
  for (const r of bigRows(n, PER_DAY)) {
    const k = keyOf(r);
    keys.push(k);
    yield copyLine([r.seq, k.month, r.id, r.urlKey, 1, true, r.story, r.story, null, r.published, r.outlet, r.published, r.article, r.vector, r.terms, r.minhash]);
  }
}

function* storyLines(keys: Key[]): Generator<string> {
  const count = new Map<string, { title: string; n: number; last: string }>();
  for (const k of keys) {
    const s = count.get(k.story);
    if (s) Object.assign(s, { n: s.n + 1, last: k.at });
    else count.set(k.story, { title: k.title, n: 1, last: k.at });
  }
  for (const [id, s] of count) yield copyLine([id, s.title, s.n, s.last]);
}

/** Bulk-loads `n` generated articles into a fresh PostgreSQL store; returns seconds taken. */
async function loadPg(store: PgStore, n: number): Promise<number> {
  const t = performance.now();
  const c = await store.pool.connect();
  try {
    const first = monthOf([...bigRows(1, PER_DAY)][0]!.published);
    for (let m = first; m <= monthOf('2024-01-01'); m = nextMonth(m)) await ensurePartition(c, store.schema, m);
    const keys: Key[] = [];
    await copyInto(c, 'COPY articles (seq, month, id, url_key, version, current, story_id, first_story, near_duplicate_of, ingested_at, outlet, published, article, vector, terms, minhash) FROM STDIN', articleLines(n, keys));
    await copyInto(c, 'COPY article_keys (id, seq, month) FROM STDIN', keys.map((k) => copyLine([k.id, k.seq, k.month])));
    await copyInto(c, 'COPY stories (id, title, version, updated_at) FROM STDIN', storyLines(keys));
    await copyInto(c, 'COPY story_events (kind, story, other, article, article_seq, at) FROM STDIN', keys.map((k) => copyLine([k.first ? 'created' : 'joined', k.story, null, k.id, k.seq, k.at])));
    await c.query('UPDATE log_head SET last_seq = $1', [n]);
    await recountTermFrequencies(c);
    // Loaded around the commit: the window tables do not follow the log; the first process to open writes them.
    await c.query('UPDATE window_head SET valid = false');
    await c.query('ANALYZE');
  } finally {
    c.release();
  }
  return (performance.now() - t) / 1000;
}

const seconds = async (fn: () => Promise<unknown>): Promise<number> => {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
};

/** Opens the store in a fresh corpus twice: first replaying the whole log (it then writes a checkpoint), then from that checkpoint. */
async function joins(open: () => Promise<ArticleStore> | ArticleStore): Promise<{ replayS: number; checkpointS: number; corpus: Corpus; checkpointBytes: number }> {
  const first = await open();
  const replayS = await seconds(() => Corpus.open(first));
  const checkpointBytes = (await first.loadCheckpoint?.())?.body.length ?? 0;
  await first.close();
  let corpus: Corpus | undefined;
  const checkpointS = await seconds(async () => (corpus = await Corpus.open(await open())));
  return { replayS, checkpointS, corpus: corpus!, checkpointBytes };
}

async function assignLatency(corpus: Corpus): Promise<string> {
  const list = [...generateCorpus({ articles: LATENCY_ARTICLES, seed: 3 })].map((g) => makeArticle({ origin: g.url, kind: 'text', text: g.text, meta: { url: g.url, outlet: g.outlet, title: g.title, published: g.published } }));
  const ms: number[] = [];
  for (const a of list) {
    const t = performance.now();
    await corpus.ingest(a);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const q = (f: number): string => ms[Math.min(ms.length - 1, Math.floor(f * ms.length))]!.toFixed(1);
  return `story assignment (${LATENCY_ARTICLES} generated articles, one process): p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`;
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;

async function pgFigures(): Promise<string[]> {
  let db;
  try {
    db = await scratchDatabase();
  } catch (e) {
    return [`PostgreSQL skipped: ${(e as Error).message}`];
  }
  try {
    const store = await PgStore.open(db.url);
    const loadS = await loadPg(store, PG_N);
    const sizes = await store.pool.query<{ t: string; n: number }>(
      `SELECT coalesce(p.relname, c.relname) AS t, sum(pg_total_relation_size(c.oid))::bigint AS n FROM pg_class c
       LEFT JOIN pg_inherits i ON i.inhrelid = c.oid LEFT JOIN pg_class p ON p.oid = i.inhparent
       WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace GROUP BY 1 ORDER BY 2 DESC`,
    );
    const total = sizes.rows.reduce((s, r) => s + r.n, 0);
    await store.close();
    const j = await joins(() => PgStore.open(db.url));
    const latency = await assignLatency(j.corpus);
    await j.corpus.store.close();
    const phases = await joinPhases(() => PgStore.open(db.url));
    // The window tables (migration 007): written whole by the first join, then kept by every commit.
    const probe = await PgStore.open(db.url);
    const windowSize = await probe.pool.query<{ n: number; stories: number; pairs: number }>(
      "SELECT (pg_total_relation_size('window_stories') + pg_total_relation_size('window_terms'))::bigint AS n, (SELECT count(*) FROM window_stories)::int AS stories, (SELECT count(*) FROM window_terms)::int AS pairs",
    );
    await probe.close();
    const ws = windowSize.rows[0]!;
    const perMillion = (b: number): string => mb((b / PG_N) * 1e6);
    return [
      `PostgreSQL, ${PG_N} generated articles (${PER_DAY} a day) bulk-loaded by COPY in ${loadS.toFixed(0)} s`,
      `  size ${mb(total)} = ${perMillion(total)} per million articles (${sizes.rows.slice(0, 4).map((r) => `${r.t} ${perMillion(r.n)}`).join(', ')})`,
      `  a process joining: replaying the whole log ${j.replayS.toFixed(1)} s; from the checkpoint (${mb(j.checkpointBytes)}) ${j.checkpointS.toFixed(1)} s`,
      `  ${phases}`,
      `  ${latency}`,
      `  window tables: ${ws.stories} open stories, ${ws.pairs} index pairs, ${mb(ws.n)}`,
    ];
  } finally {
    await db.drop();
  }
}

async function sqliteFigures(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-big-'));
  try {
    const path = join(dir, 'big.db');
    const loadS = loadSqlite(path, SQLITE_N, PER_DAY);
    const j = await joins(() => new SqliteStore(path));
    const latency = await assignLatency(j.corpus);
    await j.corpus.store.close();
    const phases = await joinPhases(() => new SqliteStore(path));
    return [
      `SQLite, ${SQLITE_N} generated articles loaded in ${loadS.toFixed(0)} s`,
      `  opening (serve, ingest): replaying the whole log ${j.replayS.toFixed(1)} s; from the checkpoint (${mb(j.checkpointBytes)}) ${j.checkpointS.toFixed(1)} s`,
      `  ${phases}`,
      `  ${latency}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<string[]> {
  return [...(await pgFigures()), ...(await sqliteFigures())];
}
