import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Corpus } from '../store/corpus.js';
import { MemoryStore } from '../store/memory.js';
import { conditionalGet } from './conditional-fetch.js';
import { nextDelaySeconds, watchFeeds, type WatchEvent } from './watcher.js';

const body = (n: number): string =>
  Array.from({ length: 12 }, (_, i) => `Sentence ${i} of the report on the harbour fire in Eastport, where ${n + i} boats burned overnight and the coastguard closed the port.`).join(' ');

function feed(items: number): string {
  const entries = Array.from(
    { length: items },
    (_, i) => `<item><title>Harbour fire ${i}</title><link>https://news.example/fire-${i}</link><pubDate>Mon, 0${i + 1} Jan 2024 10:00:00 GMT</pubDate><description>${body(i * 100)}</description></item>`,
  ).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://news.example/</link>${entries}</channel></rss>`;
}

void test('watch: conditional requests, 304 costs nothing, new items are ingested once', async () => {
  let items = 2;
  const seen: (string | undefined)[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push(req.headers['if-none-match']);
    const etag = `"v${items}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(feed(items));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  try {
    const corpus = await Corpus.open(new MemoryStore());
    const events: WatchEvent[] = [];
    const opts = { intervalSeconds: 1, once: true, allowPrivateNetwork: true, log: (e: WatchEvent) => events.push(e) };
    // One shared validator state across rounds is what the long-running loop keeps; emulate with conditionalGet directly.
    await watchFeeds(corpus, [url], opts);
    assert.equal(await corpus.store.countArticles(), 2);
    const first = await conditionalGet(url, { etag: null, lastModified: null }, { allowPrivateNetwork: true });
    assert.equal(first.status, 'ok');
    const validators = first.status === 'ok' ? first.validators : { etag: null, lastModified: null };
    assert.equal((await conditionalGet(url, validators, { allowPrivateNetwork: true })).status, 'not-modified');
    items = 3;
    await watchFeeds(corpus, [url], opts);
    assert.equal(await corpus.store.countArticles(), 3, 'only the new item is added; the others are duplicates');
    assert.ok(events.some((e) => e.event === 'article' && e.status === 'duplicate'));
    assert.ok(seen.includes('"v2"'), 'the validator was sent back');
  } finally {
    server.close();
  }
});

void test('watch: the polling loop sends its validators back and a 304 round trip ingests nothing', async () => {
  const LAST_MODIFIED = 'Mon, 01 Jan 2024 10:00:00 GMT';
  const requests: { inm: string | undefined; ims: string | undefined }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ inm: req.headers['if-none-match'], ims: req.headers['if-modified-since'] });
    if (req.headers['if-none-match'] === '"feed-1"' && req.headers['if-modified-since'] === LAST_MODIFIED) {
      res.writeHead(304, { etag: '"feed-1"' }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"feed-1"', 'last-modified': LAST_MODIFIED }).end(feed(1));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  try {
    const corpus = await Corpus.open(new MemoryStore());
    const polls: WatchEvent[] = [];
    const stop = new AbortController();
    await watchFeeds(corpus, [url], {
      intervalSeconds: 0.01,
      allowPrivateNetwork: true,
      signal: stop.signal,
      log: (e) => {
        if (e.event !== 'poll') return;
        polls.push(e);
        if (polls.length === 2) stop.abort();
      },
    });
    assert.deepEqual(
      polls.map((e) => (e.event === 'poll' ? e.status : null)),
      ['ok', 'not-modified'],
    );
    assert.deepEqual(requests, [
      { inm: undefined, ims: undefined },
      { inm: '"feed-1"', ims: LAST_MODIFIED },
    ]);
    assert.equal(await corpus.store.countArticles(), 1);
  } finally {
    server.close();
  }
});

void test('watch: an overloaded feed gives its Retry-After to the back-off', async () => {
  const server = createServer((_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(503, { 'retry-after': '600' }).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  try {
    const r = await conditionalGet(url, { etag: null, lastModified: null }, { allowPrivateNetwork: true });
    assert.equal(r.status, 'error');
    assert.match(r.status === 'error' ? r.reason : '', /HTTP 503/);
    assert.equal(r.status === 'error' ? r.retryAfterMs : null, 600_000);
  } finally {
    server.close();
  }
});

void test('watch: loopback feeds are refused unless allowed', async () => {
  const r = await conditionalGet('http://127.0.0.1:9/feed', { etag: null, lastModified: null });
  assert.equal(r.status, 'error');
  assert.match(r.status === 'error' ? r.reason : '', /private or local/);
});

void test('back-off doubles per failure up to the cap, honours Retry-After, resets on success', () => {
  const mid = (): number => 0.5; // no jitter
  assert.equal(nextDelaySeconds(60, 0, 3600, null, mid), 60);
  assert.equal(nextDelaySeconds(60, 1, 3600, null, mid), 120);
  assert.equal(nextDelaySeconds(60, 3, 3600, null, mid), 480);
  assert.equal(nextDelaySeconds(60, 20, 3600, null, mid), 3600);
  assert.equal(nextDelaySeconds(60, 1, 3600, 900, mid), 900);
  const jittered = nextDelaySeconds(100, 0, 3600, null, () => 1);
  assert.ok(Math.abs(jittered - 110) < 1e-9, "at most 10% longer");
});
