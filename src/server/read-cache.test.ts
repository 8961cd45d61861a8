import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { Corpus } from '../store/corpus.js';
import { MemoryStore } from '../store/memory.js';
import { createApp } from './app.js';
import { GZIP_MIN_BYTES, ReadCache } from './read-cache.js';

const quarry = (n: number): string =>
  `The quarry at Millbrook will close in ${n} weeks, the owners told workers on Friday. Union organiser Tom Baxter said the staff had been given no warning. The county council said it would help those who lose their jobs.`;

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

void test('a rendering is made once per version, once for simultaneous first reads, and the oldest key is dropped past capacity', async () => {
  const cache = new ReadCache(2);
  let made = 0;
  const make = (text: string) => async (): Promise<string> => {
    made++;
    await new Promise((r) => setTimeout(r, 5));
    return text;
  };
  const first = await Promise.all(Array.from({ length: 50 }, () => cache.get('a', 'v1', make('one'))));
  assert.equal(made, 1);
  assert.ok(first.every((r) => r === first[0]));
  assert.equal((await cache.get('a', 'v1', make('other'))).body.toString(), 'one');
  const next = await cache.get('a', 'v2', make('two'));
  assert.equal(next.body.toString(), 'two');
  assert.notEqual(next.etag, first[0]!.etag);
  await cache.get('b', 'v1', make('b'));
  await cache.get('c', 'v1', make('c'));
  assert.equal(cache.size, 2);
  const before = made;
  await cache.get('a', 'v2', make('two again'));
  assert.equal(made, before + 1, 'a was the oldest and was dropped');
});

void test('GET /stories: the same bytes and ETag until an article arrives, 304 for a client that has them, gzip when accepted', async () => {
  const app = createApp({ corpus: await Corpus.open(new MemoryStore()), openWrites: true });
  await app.request('/articles', post({ articles: [{ text: quarry(6), outlet: 'A' }, { text: quarry(8), outlet: 'B' }] }));
  const one = await app.request('/stories');
  const etag = one.headers.get('ETag') ?? '';
  assert.match(etag, /^".+"$/);
  const body = await one.text();
  assert.equal((await app.request('/stories')).headers.get('ETag'), etag);
  assert.equal((await app.request('/stories', { headers: { 'If-None-Match': etag } })).status, 304);
  // Another article: the list is made again.
  await app.request('/articles', post({ text: quarry(10), outlet: 'C' }));
  const two = await app.request('/stories');
  assert.notEqual(two.headers.get('ETag'), etag);
  const after = (await two.json()) as { stories: { articleCount: number }[] };
  assert.notEqual(JSON.stringify(after), body);
  assert.equal(after.stories[0]?.articleCount, 3);
  // A body this size is sent gzipped to a client that accepts it, and unzips to the plain one.
  const ui = await app.request('/ui', { headers: { 'Accept-Encoding': 'gzip' } });
  const bytes = Buffer.from(await ui.arrayBuffer());
  assert.ok(bytes.length > 0);
  if (ui.headers.get('Content-Encoding') === 'gzip') assert.match(gunzipSync(bytes).toString(), /<table>/);
  else assert.ok(bytes.length < GZIP_MIN_BYTES);
});

void test('the UI list does not wait for dossiers: "not built yet" at once, the count once the background build is done', async () => {
  const app = createApp({ corpus: await Corpus.open(new MemoryStore()), openWrites: true });
  await app.request('/articles', post({ articles: [{ text: quarry(6), outlet: 'A' }, { text: quarry(8), outlet: 'B' }] }));
  const first = await (await app.request('/ui')).text();
  assert.match(first, /not built yet/);
  let page = first;
  for (let i = 0; i < 200 && /not built yet<\/span><\/td>/.test(page); i++) {
    await new Promise((r) => setTimeout(r, 100));
    page = await (await app.request('/ui')).text();
  }
  assert.doesNotMatch(page, /not built yet<\/span><\/td>/);
  assert.match(page, /class="badge( bad)?">\d+</);
});
