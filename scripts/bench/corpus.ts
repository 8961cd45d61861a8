// Corpus mode speed: ingest with clustering at 10k / 50k / 100k generated articles (each in its own
// process, peak RSS sampled), and the API under load: 200 concurrent requests for a cached story
// dossier on 127.0.0.1. Sizes: CROSSCHECK_BENCH_SIZES=10000,50000,100000 (the default).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { makeArticle } from '../../src/model/article.js';
import { createApp } from '../../src/server/app.js';
import { FastReads, fastReadsServer } from '../../src/server/fast-reads.js';
import { Corpus, SqliteStore } from '../../src/store/index.js';
import { generateCorpus } from '../generate-corpus.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Concurrent requests in flight, as the issue asks. */
const CONCURRENCY = 200;
/** Requests measured in all (bounded), and a time limit for the whole load test. */
const REQUESTS = 2000;
const LOAD_TIME_LIMIT_MS = 120_000;

interface Run {
  articles: number;
  wall: number;
  cpu: number;
  perSecondWall: number;
  perSecondCpu: number;
  peakRssMB: number;
  stories: number;
  goldStories: number;
  b3f1: number;
  reopenSeconds: number;
}

function ingestScaling(dir: string): string[] {
  const sizes = (process.env['CROSSCHECK_BENCH_SIZES'] ?? '10000,50000,100000').split(',').map(Number);
  const lines = ['ingest with clustering (SQLite store, one process per size):'];
  const runs: Run[] = [];
  for (const n of sizes) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(HERE, '_corpus-worker.ts'), String(n), join(dir, `${n}.db`)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as Run;
    runs.push(r);
    lines.push(
      `  ${String(n).padStart(6)} articles: ${r.wall.toFixed(1)} s wall (${r.perSecondWall.toFixed(0)}/s), ${r.cpu.toFixed(1)} s CPU (${r.perSecondCpu.toFixed(0)}/s on one core), ` +
        `peak RSS ${r.peakRssMB.toFixed(0)} MB, ${r.stories} stories for ${r.goldStories} generated, B3F1 ${r.b3f1.toFixed(3)}; ` +
        `reopening the store (log replay) ${r.reopenSeconds.toFixed(1)} s`,
    );
  }
  if (runs.length > 1) {
    const a = runs[0]!;
    const b = runs[runs.length - 1]!;
    lines.push(`  CPU time per article: ${((a.cpu / a.articles) * 1000).toFixed(2)} ms at ${a.articles}, ${((b.cpu / b.articles) * 1000).toFixed(2)} ms at ${b.articles} (flat = linear growth)`);
  }
  return lines;
}

interface LoadResult {
  n: number;
  failures: number;
  p50: number;
  p99: number;
  max: number;
  rps: number;
}

/** Runs the load client in its own process (asynchronously: the server must keep serving meanwhile). */
function client(url: string, concurrency: number, requests: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', join(HERE, '_socket-client.ts'), url, String(concurrency), String(requests), String(LOAD_TIME_LIMIT_MS)], { encoding: 'utf8' }, (err, stdout) => {
      if (err) reject(new Error(`load client failed: ${err.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult);
    });
  });
}

async function apiLoad(dir: string): Promise<string[]> {
  const corpus = await Corpus.open(new SqliteStore(join(dir, 'api.db')));
  for (const g of generateCorpus({ articles: 400, seed: 3 })) {
    await corpus.ingest(makeArticle({ origin: g.url, kind: 'text', text: g.text, meta: { url: g.url, outlet: g.outlet, title: g.title, published: g.published } }));
  }
  const [top] = await corpus.store.listStories({ limit: 1 });
  const stories = await corpus.store.listStories();
  const biggest = stories.reduce((m, s) => (s.articleCount > m.articleCount ? s : m), top!);
  // As `serve` runs it, repeated reads answered before Hono (src/server/fast-reads.ts).
  const fast = new FastReads();
  const app = createApp({ corpus, openWrites: true, fast });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0, createServer: fastReadsServer(fast) });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/stories/${biggest.id}/dossier?format=json`;
  const lines: string[] = [];
  try {
    const coldStart = performance.now();
    const first = await fetch(url);
    await first.arrayBuffer();
    lines.push(`API: dossier of a ${biggest.articleCount}-article story, first (uncached) request ${(performance.now() - coldStart).toFixed(0)} ms`);
    // Warm-up round so the measured requests see the cached dossier and open connections.
    await client(url, CONCURRENCY, CONCURRENCY);
    const cpu0 = process.cpuUsage();
    const r = await client(url, CONCURRENCY, REQUESTS);
    const cpu = process.cpuUsage(cpu0);
    lines.push(
      `  ${r.n} requests in rounds of ${CONCURRENCY} sent at once, cached: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms, ` +
        `${r.rps.toFixed(0)} req/s, ${r.failures} failed (target p99 <= 200 ms; raw-socket client in a separate process, scripts/bench/_socket-client.ts)`,
      `  server CPU ${(((cpu.user + cpu.system) / 1000) / r.n).toFixed(2)} ms per request; machine load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores ` +
        `(a round of ${CONCURRENCY} costs about ${((((cpu.user + cpu.system) / 1000) / r.n) * CONCURRENCY).toFixed(0)} ms of server CPU)`,
    );
  } finally {
    server.close();
    await corpus.store.close();
  }
  return lines;
}

export async function run(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-corpus-'));
  try {
    return [...(await apiLoad(dir)), ...ingestScaling(dir)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
