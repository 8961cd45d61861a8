// Scale-out speed (`npm run bench -- pipeline`): generated articles through the queue into PostgreSQL with
// 1, 2 and 4 worker processes (stages analyze and assign, the per-article path), beside the same
// stages in one process on SQLite and on PostgreSQL; CPU per article per stage; queue overhead per
// article; worker start-up time; story assignment latency (p50/p99) on a larger PostgreSQL store and
// its size per article. Sizes: CROSSCHECK_BENCH_PIPELINE=articles through workers (default 400),
// CROSSCHECK_BENCH_STORE=articles in the latency store (default 5000; 0 skips it),
// CROSSCHECK_BENCH_CONCURRENCY=jobs at once per worker in the last rows (default 4). Skipped without the servers.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeArticle, type Article } from '../../src/model/article.js';
import { analyzeArticle } from '../../src/nlp/analyze.js';
import { openPipeline, type Pipeline } from '../../src/pipeline/context.js';
import { StageQueues } from '../../src/pipeline/queues.js';
import { Corpus, SqliteStore, type ArticleStore } from '../../src/store/index.js';
import { PgStore } from '../../src/store/postgres/store.js';
import { REPO_ROOT } from '../../src/testing/paths.js';
import { scratchDatabase, testRedis, type TestDatabase, type TestRedis } from '../../src/testing/servers.js';
import { generateCorpus } from '../generate-corpus.js';

const N = Number(process.env['CROSSCHECK_BENCH_PIPELINE'] ?? 400);
const STORE_N = Number(process.env['CROSSCHECK_BENCH_STORE'] ?? 5000);
/** Jobs at once per worker in the concurrent rows (CROSSCHECK_BENCH_CONCURRENCY, default 4: two per core here). */
const CONCURRENCY = Number(process.env['CROSSCHECK_BENCH_CONCURRENCY'] ?? 4);

const articles = (n: number, seed: number): Article[] =>
  [...generateCorpus({ articles: n, seed })].map((g) => makeArticle({ origin: g.url, kind: 'text', text: g.text, meta: { url: g.url, outlet: g.outlet, title: g.title, published: g.published } }));

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Analyze then assign each article in this process: the stages the workers run, without the queue. */
async function inProcess(store: ArticleStore, list: Article[]): Promise<{ perSecond: number; analyzeMs: number; assignMs: number }> {
  const corpus = await Corpus.open(store);
  let analyze = 0;
  let assign = 0;
  const wall = performance.now();
  for (const a of list) {
    let t = cpuMs();
    analyzeArticle(a);
    analyze += cpuMs() - t;
    t = cpuMs();
    await corpus.ingest(a);
    assign += cpuMs() - t;
  }
  const s = (performance.now() - wall) / 1000;
  await store.close();
  return { perSecond: list.length / s, analyzeMs: analyze / list.length, assignMs: assign / list.length };
}

function worker(db: string, redis: TestRedis, concurrency: number): { child: ChildProcess; ready: Promise<number> } {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/cli/main.ts'), 'worker', '--db', db, '--redis', redis.url, '--prefix', redis.prefix, '--stages', 'analyze,assign', '--concurrency', String(concurrency)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<number>((resolve) => {
    child.stdout.on('data', (b: Buffer) => {
      if (b.toString().includes('worker started')) resolve((performance.now() - started) / 1000);
    });
  });
  return { child, ready };
}

async function throughWorkers(k: number, list: Article[], concurrency = 1): Promise<{ perSecond: number; readyS: number }> {
  const db: TestDatabase = await scratchDatabase();
  const redis = (await testRedis())!;
  const p: Pipeline = await openPipeline(db.url, { poolSize: 3 });
  const queues = await StageQueues.open({ redisUrl: redis.url, prefix: redis.prefix });
  const workers = Array.from({ length: k }, () => worker(db.url, redis, concurrency));
  try {
    const readyS = Math.max(...(await Promise.all(workers.map((w) => w.ready))));
    // Distinct content ids: a generated copy identical to another article is one item.
    const ids = new Set<string>();
    for (const a of list) ids.add((await p.items.addArticle(a)).id);
    const started = performance.now();
    await queues.enqueue([...ids].map((id) => ({ stage: 'analyze' as const, id })));
    while (((await p.items.countsByStage())['done'] ?? 0) < ids.size) await new Promise((r) => setTimeout(r, 100));
    return { perSecond: ids.size / ((performance.now() - started) / 1000), readyS };
  } finally {
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => w.child.once('exit', r))));
    await queues.close();
    await p.close();
    await redis.drop();
    await db.drop();
  }
}

/** Assignment latency once the store holds STORE_N articles, and the database size per article. */
async function assignmentLatency(): Promise<string[]> {
  const db = await scratchDatabase();
  try {
    const store = await PgStore.open(db.url);
    const corpus = await Corpus.open(store);
    const list = articles(STORE_N + 500, 3);
    for (const a of list.slice(0, STORE_N)) await corpus.ingest(a);
    const ms: number[] = [];
    for (const a of list.slice(STORE_N)) {
      const t = performance.now();
      await corpus.ingest(a);
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    const size = (await store.pool.query<{ n: number }>('SELECT pg_database_size(current_database())::bigint AS n')).rows[0]!.n;
    const t = performance.now();
    const again = await Corpus.open(await PgStore.open(db.url));
    const reopen = (performance.now() - t) / 1000;
    await again.store.close();
    await store.close();
    const q = (f: number): string => ms[Math.min(ms.length - 1, Math.floor(f * ms.length))]!.toFixed(1);
    return [
      `story assignment on a PostgreSQL store of ${STORE_N} articles (500 more, one process): p50 ${q(0.5)} ms, p99 ${q(0.99)} ms`,
      `  database size ${(size / 1e6).toFixed(0)} MB = ${(size / (STORE_N + 500) / 1024).toFixed(1)} KB per article (texts, vectors, log, indexes); a second process joining (log replay) ${reopen.toFixed(1)} s`,
    ];
  } finally {
    await db.drop();
  }
}

export async function run(): Promise<string[]> {
  try {
    await (await scratchDatabase()).drop();
    const probe = await testRedis();
    if (!probe) throw new Error('Redis not reachable');
    await probe.drop();
  } catch (e) {
    return [`skipped: ${(e as Error).message}; start PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379`];
  }
  const list = articles(N, 11);
  const lines = [`${N} generated articles, stages analyze + assign (the per-article path); this machine's cores are shared, so figures vary between runs`];
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-pipeline-'));
  let sqlite;
  try {
    sqlite = await inProcess(new SqliteStore(join(dir, 'b.db')), list);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pgDb = await scratchDatabase();
  const pg = await inProcess(await PgStore.open(pgDb.url), list).finally(() => pgDb.drop());
  lines.push(`  in process, SQLite: ${sqlite.perSecond.toFixed(1)} articles/s; CPU per article: analyze ${sqlite.analyzeMs.toFixed(1)} ms, assign ${sqlite.assignMs.toFixed(1)} ms`);
  lines.push(`  in process, PostgreSQL: ${pg.perSecond.toFixed(1)} articles/s; CPU per article (this process): analyze ${pg.analyzeMs.toFixed(1)} ms, assign ${pg.assignMs.toFixed(1)} ms`);
  const one = await throughWorkers(1, list);
  lines.push(`  queue -> PostgreSQL, 1 worker: ${one.perSecond.toFixed(1)} articles/s; queue overhead ${(1000 / one.perSecond - 1000 / pg.perSecond).toFixed(1)} ms per article over in-process PostgreSQL; worker ready in ${one.readyS.toFixed(1)} s`);
  for (const k of [2, 4]) {
    const r = await throughWorkers(k, list);
    lines.push(`  queue -> PostgreSQL, ${k} workers: ${r.perSecond.toFixed(1)} articles/s, speed-up ${(r.perSecond / one.perSecond).toFixed(2)}x over one; all ready in ${r.readyS.toFixed(1)} s`);
  }
  // Several jobs at once per worker: assign decisions then share holds of the writer lock (lock batches).
  for (const k of [1, 2]) {
    const r = await throughWorkers(k, list, CONCURRENCY);
    lines.push(`  queue -> PostgreSQL, ${k} worker(s) at --concurrency ${CONCURRENCY}: ${r.perSecond.toFixed(1)} articles/s, ${(r.perSecond / one.perSecond).toFixed(2)}x one worker at 1`);
  }
  if (STORE_N > 0) lines.push(...(await assignmentLatency()));
  return lines;
}
