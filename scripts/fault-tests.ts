// Fault tests of the worker pipeline against the real servers (CI: `node --import tsx scripts/fault-tests.ts`).
// Each scenario: a fresh database and Redis prefix, generated articles (plus one poison page) queued,
// two `crosscheck worker` processes, one fault half-way, then a check that articles in = articles
// stored + parked, each stored article in exactly one story. Exit 1 if any scenario fails.
//   sigkill     a worker is killed with SIGKILL mid-job; a replacement starts; the job is retried.
//   redis-flush every queue key is deleted mid-run; the sweeper re-enqueues from PostgreSQL.
//   pg-cut      every PostgreSQL connection of the workers is terminated; they reconnect.
// Every scenario includes the poison page: parked in the failed list, the rest flows.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { makeArticle } from '../src/model/article.js';
import { openPipeline, type Pipeline } from '../src/pipeline/context.js';
import { StageQueues } from '../src/pipeline/queues.js';
import { REPO_ROOT } from '../src/testing/paths.js';
import { scratchDatabase, testRedis, type TestRedis } from '../src/testing/servers.js';
import { generateCorpus } from './generate-corpus.js';

const ARTICLES = Number(process.env['CROSSCHECK_FAULT_ARTICLES'] ?? 40);
/** Short lock and sweep times so a lost job is noticed in seconds rather than minutes. */
const WORKER_FLAGS = ['--lock-ms', '3000', '--sweep-every', '2', '--sweep-deadline', '6', '--concurrency', '2'];
const LIMIT_MS = 180_000;

type Fault = 'sigkill' | 'redis-flush' | 'pg-cut';

function startWorker(db: string, redis: TestRedis, log: string): ChildProcess {
  const out = openSync(log, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/cli/main.ts'), 'worker', '--db', db, '--redis', redis.url, '--prefix', redis.prefix, ...WORKER_FLAGS], {
    stdio: ['ignore', out, out],
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  closeSync(out);
  return child;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function counts(p: Pipeline): Promise<{ done: number; failed: number }> {
  const c = await p.items.countsByStage();
  return { done: c['done'] ?? 0, failed: c['failed'] ?? 0 };
}

async function fault(kind: Fault, p: Pipeline, redis: TestRedis, workers: ChildProcess[], db: string, log: string): Promise<void> {
  if (kind === 'sigkill') {
    workers[0]!.kill('SIGKILL');
    workers[0] = startWorker(db, redis, log);
  } else if (kind === 'redis-flush') await redis.clear();
  else await p.store.pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
}

/** Every stored article in exactly one live story: returns [stored, in stories, stories]. */
async function tally(p: Pipeline): Promise<[number, number, number]> {
  const seen = new Set<string>();
  let twice = 0;
  const stories = await p.store.listStories();
  for (const s of stories) {
    for (const r of await p.store.storyArticles(s.id)) {
      if (seen.has(r.id)) twice++;
      seen.add(r.id);
    }
  }
  if (twice) throw new Error(`${twice} articles are in two stories`);
  return [await p.store.countArticles(), seen.size, stories.length];
}

async function scenario(kind: Fault): Promise<string> {
  const database = await scratchDatabase();
  const redis = await testRedis();
  if (!redis) throw new Error('Redis not reachable');
  const log = `/tmp/crosscheck-fault-${kind}.log`;
  const p = await openPipeline(database.url, { poolSize: 3 });
  const queues = await StageQueues.open({ redisUrl: redis.url, prefix: redis.prefix });
  const workers: ChildProcess[] = [];
  try {
    for (const g of generateCorpus({ articles: ARTICLES, seed: 7 })) {
      const { id } = await p.items.addArticle(makeArticle({ origin: g.url, kind: 'text', text: g.text, meta: { url: g.url, outlet: g.outlet, title: g.title, published: g.published } }));
      await queues.enqueue([{ stage: 'analyze', id }]);
    }
    await p.items.pool.query("INSERT INTO pipeline_items (id, stage, origin, raw, content_type) VALUES ('poison', 'extract', 'https://bad.example/binary', $1, 'text/html')", [Buffer.from([0, 159, 146, 150, 0, 0, 1])]);
    await queues.enqueue([{ stage: 'extract', id: 'poison' }]);
    workers.push(startWorker(database.url, redis, log), startWorker(database.url, redis, log));
    const started = Date.now();
    let faulted = false;
    for (;;) {
      const c = await counts(p);
      if (!faulted && c.done >= ARTICLES / 4) {
        await fault(kind, p, redis, workers, database.url, log);
        faulted = true;
      }
      if (c.done + c.failed >= ARTICLES + 1) break;
      if (Date.now() - started > LIMIT_MS) throw new Error(`timed out: ${c.done} done, ${c.failed} parked of ${ARTICLES + 1} (log: ${log})`);
      await sleep(250);
    }
    const [stored, inStories, stories] = await tally(p);
    const { failed } = await counts(p);
    const ok = stored === ARTICLES && inStories === ARTICLES && failed === 1;
    return `${ok ? 'ok  ' : 'FAIL'} ${kind}: articles in ${ARTICLES} + 1 poison; stored ${stored}, in stories ${inStories} (${stories} stories), parked ${failed}, ${((Date.now() - started) / 1000).toFixed(1)} s`;
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.filter((w) => w.exitCode === null && w.signalCode === null).map((w) => new Promise((r) => w.once('exit', r))));
    await queues.close();
    await p.close();
    await redis.drop();
    await database.drop();
  }
}

const wanted = process.argv.slice(2);
const kinds: Fault[] = (['sigkill', 'redis-flush', 'pg-cut'] as const).filter((k) => wanted.length === 0 || wanted.includes(k));
let failedAny = false;
for (const k of kinds) {
  try {
    const line = await scenario(k);
    if (line.startsWith('FAIL')) failedAny = true;
    console.log(line);
  } catch (e) {
    failedAny = true;
    console.log(`FAIL ${k}: ${(e as Error).message}`);
  }
}
process.exit(failedAny ? 1 : 0);
