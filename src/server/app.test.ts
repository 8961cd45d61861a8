import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from '../store/corpus.js';
import { MemoryStore } from '../store/memory.js';
import { createApp, MAX_BODY_BYTES } from './app.js';
import { OPENAPI } from './openapi.js';

const bridge = (n: number): string =>
  `Officials in Northfield said on Monday that the river bridge collapse injured ${n} people. Engineer Maria Okafor said the bridge had failed an inspection in March. Rescue crews searched the river through the night.`;
const bank = 'The central bank raised interest rates by half a point on Tuesday, citing inflation in food and energy prices. Governor Lena Park said further rises were possible.';

async function setup(token?: string): Promise<ReturnType<typeof createApp>> {
  const corpus = await Corpus.open(new MemoryStore());
  return createApp({ corpus, token });
}

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

void test('POST /articles stores a batch, groups stories, and a bad item does not stop the batch', async () => {
  const app = await setup();
  const res = await app.request(
    '/articles',
    post({ articles: [{ text: bridge(12), outlet: 'A' }, { title: 'no text' }, { text: bridge(14), outlet: 'B' }, { text: bank, outlet: 'C' }] }),
  );
  assert.equal(res.status, 201);
  const { results } = (await res.json()) as { results: { status: string; story?: string }[] };
  assert.deepEqual(
    results.map((r) => r.status),
    ['stored', 'error', 'stored', 'stored'],
  );
  assert.equal(results[0]!.story, results[2]!.story);
  assert.notEqual(results[0]!.story, results[3]!.story);

  const list = (await (await app.request('/stories')).json()) as { total: number; stories: { id: string; articleCount: number }[] };
  assert.equal(list.total, 2);
  const story = list.stories.find((s) => s.id === results[0]!.story);
  assert.equal(story?.articleCount, 2);

  const again = await app.request('/articles', post({ text: bridge(12) }));
  assert.equal(again.status, 200);
  assert.equal(((await again.json()) as { results: { status: string }[] }).results[0]?.status, 'duplicate');
});

void test('story, dossier in every format, and errors as JSON with the right status', async () => {
  const app = await setup();
  const r = (await (await app.request('/articles', post({ text: bridge(12), outlet: '<b>Evil</b>', title: '<script>alert(1)</script>' }))).json()) as {
    results: { story: string }[];
  };
  const id = r.results[0]!.story;
  const story = (await (await app.request(`/stories/${id}`)).json()) as { story: { id: string }; articles: unknown[]; events: { kind: string }[] };
  assert.equal(story.story.id, id);
  assert.equal(story.articles.length, 1);
  assert.equal(story.events[0]?.kind, 'created');

  const json = await app.request(`/stories/${id}/dossier?format=json`);
  assert.equal(json.status, 200);
  assert.equal(((await json.json()) as { schema: string }).schema, 'crosscheck/dossier@1');
  const html = await app.request(`/stories/${id}/dossier?format=html`);
  assert.match(html.headers.get('Content-Type') ?? '', /text\/html/);
  assert.ok(html.headers.get('Content-Security-Policy'));
  assert.ok(!(await html.text()).includes('<script>alert(1)'), 'untrusted text is escaped');
  assert.equal((await app.request(`/stories/${id}/dossier?format=md`)).status, 200);

  const badFormat = await app.request(`/stories/${id}/dossier?format=pdf`);
  assert.equal(badFormat.status, 400);
  assert.match(((await badFormat.json()) as { error: { message: string } }).error.message, /format/);
  assert.equal((await app.request('/stories/story-nope')).status, 404);
  assert.equal((await app.request('/stories?limit=0')).status, 400);
  assert.equal((await app.request('/nowhere')).status, 404);
  assert.equal((await app.request('/articles', post('{not json'))).status, 400);
  assert.equal((await app.request('/articles', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' })).status, 415);
  assert.equal((await app.request('/articles', post({ text: '' }))).status, 400);

  const page = await app.request('/');
  const text = await page.text();
  assert.ok(text.includes('&lt;b&gt;Evil&lt;/b&gt;'), 'outlet escaped in the story list');
  assert.ok(!text.includes('<script>alert'), 'title escaped in the story list');
  assert.equal((await app.request(`/ui/stories/${id}`)).status, 200);
});

void test('bearer token guards writes only; oversized bodies are refused', async () => {
  const app = await setup('s3cret');
  assert.equal((await app.request('/articles', post({ text: bank }))).status, 401);
  assert.equal((await app.request('/articles', post({ text: bank }, { Authorization: 'Bearer wrong' }))).status, 401);
  assert.equal((await app.request('/articles', post({ text: bank }, { Authorization: 'Bearer s3cret' }))).status, 201);
  assert.equal((await app.request('/stories')).status, 200);
  const huge = JSON.stringify({ text: 'x'.repeat(MAX_BODY_BYTES + 10) });
  assert.equal((await app.request('/articles', post(huge, { Authorization: 'Bearer s3cret', 'Content-Length': String(huge.length) }))).status, 413);
});

void test('health counts, and the OpenAPI document lists every API route', async () => {
  const app = await setup();
  await app.request('/articles', post({ text: bank }));
  assert.deepEqual(await (await app.request('/health')).json(), { status: 'ok', articles: 1, stories: 1 });
  const doc = (await (await app.request('/openapi.json')).json()) as typeof OPENAPI;
  for (const p of ['/health', '/articles', '/stories', '/stories/{id}', '/stories/{id}/dossier']) assert.ok(p in doc.paths, p);
});
