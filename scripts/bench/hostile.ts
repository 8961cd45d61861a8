// `npm run bench -- hostile`: input shapes that once took one story tens of seconds, each in its own
// process (time to read and build the dossier, peak memory), and `serve` under load: 200 concurrent
// clients on each route (p50/p99), and /health's p99 while hostile articles are being posted.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { makeArticle } from '../../src/model/article.js';
import { createApp } from '../../src/server/app.js';
import { Corpus, SqliteStore } from '../../src/store/index.js';
import { quotedAttributesPage } from '../../src/testing/adversarial.js';
import { generateCorpus } from '../generate-corpus.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** A case still running after this is reported as stopped (it used to run for minutes). */
const CASE_LIMIT_MS = 180_000;
const CONCURRENCY = 200;
const REQUESTS = 1000;
const LOAD_LIMIT_MS = 60_000;

function cases(): string[] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(HERE, '_hostile-case.ts')], { encoding: 'utf8' });
  return (JSON.parse(r.stdout.trim()) as { cases: string[] }).cases;
}

function adversarial(): string[] {
  const out = ['case | read ms | total ms | peak MB | articles (refused)', '--- | --- | --- | --- | ---'];
  for (const name of cases()) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(HERE, '_hostile-case.ts'), name], { encoding: 'utf8', timeout: CASE_LIMIT_MS });
    if (r.status !== 0) {
      out.push(`${name} | - | over ${CASE_LIMIT_MS / 1000} s (stopped) | - | -`);
      continue;
    }
    const j = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as { readMs: number; totalMs: number; peakMb: number; articles: number; refused: number };
    out.push(`${name} | ${j.readMs} | ${j.totalMs} | ${j.peakMb} | ${j.articles} (${j.refused})`);
  }
  return out;
}

interface Load {
  n: number;
  failures: number;
  p50: number;
  p99: number;
  rps: number;
}

function client(url: string, concurrency: number, requests: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', join(HERE, '_load-client.ts'), url, String(concurrency), String(requests), String(LOAD_LIMIT_MS)], { encoding: 'utf8' }, (err, stdout) => {
      if (err) reject(new Error(`load client failed: ${err.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Load);
    });
  });
}

/** Posts hostile pages one after another until `stop` resolves; returns how many were answered and how. */
async function postHostile(base: string, stop: Promise<unknown>): Promise<string> {
  const deep = JSON.stringify({ html: `<html><body>${'<div>'.repeat(100_000)}hi</body></html>` });
  const attrs = JSON.stringify({ html: quotedAttributesPage(5, 1_500_000) });
  let done = false;
  void stop.then(() => (done = true));
  const statuses = new Map<number, number>();
  for (let i = 0; !done; i++) {
    const res = await fetch(`${base}/articles`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: i % 2 ? attrs : deep });
    await res.arrayBuffer();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  }
  return [...statuses].map(([s, n]) => `${n}×${s}`).join(', ');
}

async function serveLoad(dir: string): Promise<string[]> {
  const corpus = await Corpus.open(new SqliteStore(join(dir, 'load.db')));
  for (const g of generateCorpus({ articles: 200, seed: 5 })) {
    await corpus.ingest(makeArticle({ origin: g.url, kind: 'text', text: g.text, meta: { url: g.url, outlet: g.outlet, title: g.title, published: g.published } }));
  }
  const [story] = await corpus.store.listStories({ limit: 1 });
  const app = createApp({ corpus, openWrites: true });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const routes = ['/health', '/stories', `/stories/${story?.id ?? ''}`, `/stories/${story?.id ?? ''}/dossier?format=json`, '/'];
  const out = [`serve, ${CONCURRENCY} concurrent clients, ${REQUESTS} requests per route (load average ${loadavg()[0]?.toFixed(1)}):`, 'route | p50 ms | p99 ms | req/s | failed', '--- | --- | --- | --- | ---'];
  try {
    for (const route of routes) {
      await client(`${base}${route}`, CONCURRENCY, CONCURRENCY); // warm-up (caches, connections)
      const r = await client(`${base}${route}`, CONCURRENCY, REQUESTS);
      out.push(`${route.replace(story?.id ?? '-', ':id')} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.failures}`);
    }
    const health = client(`${base}/health`, 10, 2000);
    const posted = postHostile(base, health);
    const h = await health;
    out.push(`/health while hostile pages are posted (100,000-deep <div>, 1.5 MB of quoted attributes): p50 ${h.p50.toFixed(1)} ms, p99 ${h.p99.toFixed(1)} ms (goal <= 200 ms); posts answered ${await posted}`);
  } finally {
    server.close();
    await corpus.store.close();
  }
  return out;
}

export async function run(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-hostile-'));
  try {
    return [...adversarial(), '', ...(await serveLoad(dir))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
