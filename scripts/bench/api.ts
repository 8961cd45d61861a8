// The API's read routes under load: 200 concurrent clients (rounds of 200 requests sent at once, from
// a client in its own process, on raw keep-alive sockets: scripts/bench/_socket-client.ts says why) on each route of a 400-article generated store, after a warm-up round on every route.
// Every story's dossier is built before the routes are measured. Prints p50/p99 per route and the server's CPU per request (this process is the server; the client
// and the server share the machine's cores, so the CPU figure is the one that does not depend on load).
// Requests per route: CROSSCHECK_BENCH_API_REQUESTS (default 1000).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { makeArticle } from '../../src/model/article.js';
import { createApp } from '../../src/server/app.js';
import { FastReads, fastReadsServer } from '../../src/server/fast-reads.js';
import { Corpus, SqliteStore } from '../../src/store/index.js';
import { generateCorpus } from '../generate-corpus.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Concurrent clients, as issue 15 asks. */
const CONCURRENCY = 200;
const REQUESTS = Number(process.env['CROSSCHECK_BENCH_API_REQUESTS'] ?? 1000);
const TIME_LIMIT_MS = 120_000;
/** The goal of issue 15 for every read route. */
const P99_GOAL_MS = 50;

interface LoadResult {
  n: number;
  failures: number;
  p50: number;
  p99: number;
  max: number;
  rps: number;
}

function client(url: string, requests: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', join(HERE, '_socket-client.ts'), url, String(CONCURRENCY), String(requests), String(TIME_LIMIT_MS)], { encoding: 'utf8' }, (err, stdout) => {
      if (err) reject(new Error(`load client failed: ${err.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult);
    });
  });
}

export async function run(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-api-'));
  const corpus = await Corpus.open(new SqliteStore(join(dir, 'api.db')));
  for (const g of generateCorpus({ articles: 400, seed: 3 })) {
    await corpus.ingest(makeArticle({ origin: g.url, kind: 'text', text: g.text, meta: { url: g.url, outlet: g.outlet, title: g.title, published: g.published } }));
  }
  const stories = await corpus.store.listStories();
  const biggest = stories.reduce((m, s) => (s.articleCount > m.articleCount ? s : m), stories[0]!);
  // As `serve` runs it: repeated reads answered before Hono (src/server/fast-reads.ts), unless
  // CROSSCHECK_BENCH_API_FAST=0 (to measure Hono alone).
  const fast = process.env['CROSSCHECK_BENCH_API_FAST'] === '0' ? undefined : new FastReads();
  const app = createApp({ corpus, openWrites: true, fast });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0, ...(fast ? { createServer: fastReadsServer(fast) } : {}) });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const id = encodeURIComponent(biggest.id);
  const routes = ['/health', '/stories', '/stories?sort=articles&limit=50', `/stories/${id}`, `/stories/${id}/dossier?format=json`, `/stories/${id}/dossier?format=html`, '/ui', `/ui/stories/${id}`, `/ui/stories/${id}/dossier`];
  const lines = [`API read routes, ${stories.length} stories of 400 articles, story ${biggest.id} of ${biggest.articleCount} articles; ${REQUESTS} requests per route in rounds of ${CONCURRENCY}:`];
  try {
    // Every dossier built first (the cached case issue 15 measures): otherwise builds started by the
    // list run in worker threads of this process during later routes and count as their CPU.
    const built = performance.now();
    for (const s of stories) await (await fetch(`http://127.0.0.1:${port}/stories/${encodeURIComponent(s.id)}/dossier`)).arrayBuffer();
    lines.push(`  every story's dossier built first: ${((performance.now() - built) / 1000).toFixed(1)} s`);
    // First reads, then one warm-up round per route before any is measured: otherwise the first route
    // measured carries the JIT warm-up of the code every route shares.
    const firsts = new Map<string, number>();
    for (const route of routes) {
      const url = `http://127.0.0.1:${port}${route}`;
      const t = performance.now();
      await (await fetch(url)).arrayBuffer();
      firsts.set(route, performance.now() - t);
      await client(url, CONCURRENCY);
    }
    for (const route of routes) {
      const url = `http://127.0.0.1:${port}${route}`;
      const first = firsts.get(route) ?? NaN;
      const cpu0 = process.cpuUsage();
      const hits0 = fast?.hits ?? 0;
      const r = await client(url, REQUESTS);
      const cpu = process.cpuUsage(cpu0);
      const fastShare = fast ? `  fast path ${(((fast.hits - hits0) / r.n) * 100).toFixed(0)}%` : '';
      const perRequest = (cpu.user + cpu.system) / 1000 / r.n;
      lines.push(
        `  ${route.padEnd(44)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms${r.p99 <= P99_GOAL_MS ? '' : ' (over 50)'}  ` +
          `${r.rps.toFixed(0).padStart(5)} req/s  server CPU ${perRequest.toFixed(3)} ms/request  first ${first.toFixed(0)} ms${fastShare}${r.failures ? `  ${r.failures} failed` : ''}`,
      );
    }
    lines.push(`  (load average ${loadavg()[0]?.toFixed(1) ?? '?'} on ${availableParallelism()} cores; client and server share them)`);
  } finally {
    server.close();
    await corpus.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
