import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Corpus } from '../store/corpus.js';
import { MemoryStore } from '../store/memory.js';
import { createApp } from './app.js';
import { FastReads, fastReadsServer } from './fast-reads.js';

// The fast path answers repeated reads before Hono: these tests hold it to Hono's answers, route by
// route (the same status, bytes and headers), and check that it steps aside whenever it cannot tell
// the answer is current. It serves only the requests of one event-loop turn after the first has read
// the store, so each check sends a burst of simultaneous requests, as a loaded server receives them.

const bridge = (n: number): string =>
  `Officials in Northfield said on Monday that the river bridge collapse injured ${n} people. Engineer Maria Okafor said the bridge had failed an inspection in March. Rescue crews searched the river through the night.`;

interface Raw {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Kept-alive sockets, so a burst's requests arrive together (as a loaded server's do), not one connection at a time. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** A GET over node:http, bytes as sent (no decompression), headers lower-cased, Date left out. */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (k !== 'date' && k !== 'connection' && k !== 'keep-alive' && k !== 'transfer-encoding' && typeof v === 'string') h[k] = v;
        resolve({ status: res.statusCode ?? 0, headers: h, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function start(allowedHosts: string[] = []): Promise<{ port: number; fast: FastReads; story: string; close: () => void }> {
  const corpus = await Corpus.open(new MemoryStore());
  const fast = new FastReads();
  const app = createApp({ corpus, openWrites: true, fast, allowedHosts });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0, createServer: fastReadsServer(fast) });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const posted = await fetch(`http://127.0.0.1:${port}/articles`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ articles: [{ text: bridge(12), outlet: 'A' }, { text: bridge(14), outlet: 'B' }] }),
  });
  const { results } = (await posted.json()) as { results: { story: string }[] };
  return {
    port,
    fast,
    story: encodeURIComponent(results[0]!.story),
    close: () => {
      agent.destroy();
      server.close();
    },
  };
}

/** A burst of `n` simultaneous GETs; the first one reads the store through Hono, the rest may be fast. */
const burst = (port: number, path: string, headers: Record<string, string> = {}, n = 12): Promise<Raw[]> => Promise.all(Array.from({ length: n }, () => get(port, path, headers)));

void test('every read route: the fast path sends the bytes and headers Hono sends, plain, gzipped and 304', async () => {
  const s = await start();
  try {
    const routes = ['/health', '/stories', '/stories?sort=articles&limit=5', `/stories/${s.story}`, `/stories/${s.story}/dossier?format=json`, `/stories/${s.story}/dossier?format=html`, `/stories/${s.story}/dossier?format=md`, '/ui', `/ui/stories/${s.story}`, `/ui/stories/${s.story}/dossier`];
    for (const route of routes) {
      for (const headers of [{}, { 'Accept-Encoding': 'gzip' }]) {
        const reference = await get(s.port, route, headers); // one request alone: Hono answers it
        await burst(s.port, route, headers); // opens the sockets
        const before = s.fast.hits;
        const answers = await burst(s.port, route, headers);
        assert.ok(s.fast.hits > before, `${route}: no request of the burst took the fast path`);
        for (const a of answers) assert.deepEqual(a, reference, `${route} ${JSON.stringify(headers)}`);
        const etag = reference.headers['etag'];
        assert.ok(etag, `${route}: an ETag`);
        const notModified = await get(s.port, route, { ...headers, 'If-None-Match': etag });
        assert.equal(notModified.status, 304);
        for (const a of await burst(s.port, route, { ...headers, 'If-None-Match': etag })) assert.deepEqual(a, notModified, `${route} 304`);
      }
    }
  } finally {
    s.close();
  }
});

void test('a write is seen at once: the fast path does not answer with what was current before it', async () => {
  const s = await start();
  try {
    const before = s.fast.hits;
    for (const path of ['/health', '/stories', '/health', '/stories']) await burst(s.port, path);
    assert.ok(s.fast.hits > before, 'the reads before the write took the fast path');
    const posted = await fetch(`http://127.0.0.1:${s.port}/articles`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: bridge(20), outlet: 'C' }) });
    assert.equal(posted.status, 201);
    for (const a of await burst(s.port, '/health')) assert.equal((JSON.parse(a.body.toString()) as { articles: number }).articles, 3);
    for (const a of await burst(s.port, '/stories')) assert.equal((JSON.parse(a.body.toString()) as { stories: { articleCount: number }[] }).stories[0]?.articleCount, 3);
  } finally {
    s.close();
  }
});

void test('the fast path steps aside for a Referer that changes the page, HEAD, and a Host not allowed', async () => {
  const s = await start(['news.example']);
  try {
    const page = `/ui/stories/${s.story}`;
    await burst(s.port, page);
    const warm = s.fast.hits;
    await burst(s.port, page);
    assert.ok(s.fast.hits > warm, 'the page without a Referer took the fast path');
    const referer = `http://127.0.0.1:${s.port}/ui?q=bridge`;
    for (const a of await burst(s.port, page, { Referer: referer })) assert.match(a.body.toString(), /href="\/ui\?q=bridge"/);

    const before = s.fast.hits;
    const heads = await Promise.all(Array.from({ length: 6 }, () => get(s.port, '/health', {}, 'HEAD')));
    for (const h of heads) assert.equal(h.status, 200);
    assert.equal(s.fast.hits, before, 'HEAD goes through Hono');

    await burst(s.port, '/health', { Host: 'news.example' });
    for (const a of await burst(s.port, '/health', { Host: 'evil.example' })) assert.equal(a.status, 421);
  } finally {
    s.close();
  }
});
