import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../../model/article.js';
import { Corpus } from '../../store/corpus.js';
import { contentId, urlKey } from '../../store/identity.js';
import { MemoryStore } from '../../store/memory.js';
import { createApp } from '../app.js';
import { OPENAPI } from '../openapi.js';
import { ASSETS } from './assets.js';
import { UI_CSP } from './layout.js';

// The web UI through the app, in-process: its policy, its escaping, its error pages and its forms'
// guards. What a user does with it in a browser is tested in test/browser/ui-*.test.ts.

const bridge = (n: number): string =>
  `Officials in Northfield said on Monday that the river bridge collapse injured ${n} people. Engineer Maria Okafor said the bridge had failed an inspection in March. Rescue crews searched the river through the night.`;
const bank = 'The central bank raised interest rates by half a point on Tuesday, citing inflation in food and energy prices. Governor Lena Park said further rises were possible.';
const HOSTILE = '<img src=x onerror=alert(1)>';

async function setup(token?: string): Promise<ReturnType<typeof createApp>> {
  const corpus = await Corpus.open(new MemoryStore());
  const app = createApp(token ? { corpus, token } : { corpus, openWrites: true });
  const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  await app.request('/articles', post({ articles: [{ text: bridge(12), title: HOSTILE, outlet: `Evil ${HOSTILE}`, published: '2024-03-04' }, { text: bank }] }));
  return app;
}

const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
});

void test('UI pages: strict CSP with no inline code, untrusted text escaped, no dash for a missing count', async () => {
  const app = await setup();
  for (const path of ['/', '/ui', '/ui/add', '/ui?q=bridge']) {
    const res = await app.request(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('Content-Security-Policy'), UI_CSP);
    const body = await res.text();
    assert.doesNotMatch(body, /<script(?![^>]*\bsrc=)/, `${path}: no inline script`);
    assert.doesNotMatch(body, /<style|<[^>]*\s(?:style|on\w+)=/i, `${path}: no inline style or handler`);
  }
  assert.doesNotMatch(UI_CSP, /unsafe-inline|unsafe-eval|https?:/);
  const list = await (await app.request('/ui')).text();
  assert.ok(list.includes('&lt;img src=x onerror=alert(1)&gt;'), 'hostile title shown as text');
  assert.ok(!list.includes(HOSTILE));
  assert.ok(!list.includes('—'), 'every cell says something');
  assert.match(list, /no outlet named/);
  const id = /href="\/ui\/stories\/([^"]+)"/.exec(list)?.[1];
  assert.ok(id);
  const story = await app.request(`/ui/stories/${id}`);
  assert.equal(story.headers.get('Content-Security-Policy'), UI_CSP);
  assert.ok(!(await story.text()).includes(HOSTILE));
});

void test('UI list: query parameters filter, and a bad one is an HTML page saying which', async () => {
  const app = await setup();
  const hits = (await (await app.request('/ui?q=central+bank')).text()).match(/<tr><td><a /g) ?? [];
  assert.equal(hits.length, 1);
  const bad = await app.request('/ui?sort=colour');
  assert.equal(bad.status, 400);
  assert.match(bad.headers.get('Content-Type') ?? '', /text\/html/);
  assert.match(await bad.text(), /sort must be one of updated, published, articles, conflicts, title/);
});

void test('errors: pages under /ui, JSON for the API and for the UI script', async () => {
  const app = await setup();
  const page = await app.request('/ui/stories/story-nope');
  assert.equal(page.status, 404);
  assert.match(page.headers.get('Content-Type') ?? '', /text\/html/);
  assert.match(await page.text(), /There is no story story-nope/);
  const unknown = await app.request('/ui/nowhere');
  assert.equal(unknown.status, 404);
  assert.match(await unknown.text(), /<h1>Not found<\/h1>/);
  const asJson = await app.request('/ui/stories/story-nope', { headers: { Accept: 'application/json' } });
  assert.equal(((await asJson.json()) as { error: { status: number } }).error.status, 404);
  assert.deepEqual(await (await app.request('/nowhere')).json(), { error: { status: 404, message: 'no route for GET /nowhere' } });
});

void test('GET /stories takes the same filters, sort and paging; bad values are 400 JSON', async () => {
  const app = await setup();
  const all = (await (await app.request('/stories?sort=title&order=asc')).json()) as { total: number; stories: { title: string }[] };
  assert.equal(all.total, 2);
  const titles = all.stories.map((s) => s.title.toLowerCase());
  assert.deepEqual(titles, [...titles].sort());
  const dated = (await (await app.request('/stories?from=2024-03-01&to=2024-03-31')).json()) as { total: number };
  assert.equal(dated.total, 1);
  for (const q of ['from=2024-13-45', 'from=2024-03-05&to=2024-03-01', 'conflicts=maybe', 'order=up', 'limit=0']) {
    const res = await app.request(`/stories?${q}`);
    assert.equal(res.status, 400, q);
    assert.ok(((await res.json()) as { error: { message: string } }).error.message, q);
  }
});

void test('UI forms: cross-site posts refused, the token asked for when the server has one', async () => {
  const app = await setup();
  const text = { text: 'A new observatory opened on the hill above Carran on Friday, the council said.' };
  assert.equal((await app.request('/ui/add/text', form(text, { Origin: 'http://evil.example' }))).status, 403);
  assert.equal((await app.request('/ui/add/text', form(text, { 'Sec-Fetch-Site': 'cross-site' }))).status, 403);
  const ok = await app.request('http://localhost/ui/add/text', form(text, { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' }));
  assert.equal(ok.status, 200);
  const body = await ok.text();
  assert.match(body, /Done: 1 stored\./);
  assert.match(body, /href="\/ui\/stories\/story-/);
  const closed = createApp({ corpus: await Corpus.open(new MemoryStore()) });
  assert.equal((await closed.request('http://localhost/ui/add/text', form(text, { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' }))).status, 403, 'no token and writes not opened: the form is refused');
  const guarded = await setup('s3cret');
  const refused = await guarded.request('/ui/add/text', form(text));
  assert.equal(refused.status, 401);
  assert.match(await refused.text(), /access token is required/);
  assert.match(await (await guarded.request('/ui/add')).text(), /name="token"/, 'the add page asks for the token');
  assert.equal((await guarded.request('/ui/add/text', form({ ...text, token: 's3cret' }))).status, 200);
  assert.equal((await app.request('/ui/add/text', form({ text: '' }))).status, 400);
});

void test('UI upload: each file read by its kind, problems named; feeds on private addresses refused', async () => {
  const app = await setup();
  const data = new FormData();
  data.append('file', new File([`${JSON.stringify({ text: bridge(14), outlet: 'Wire' })}\nnot json`], 'batch.jsonl'));
  data.append('file', new File([new Uint8Array([0, 0, 1, 2, 0, 255])], 'blob.bin'));
  const res = await app.request('/ui/add/file', { method: 'POST', body: data, headers: { Accept: 'application/json' } });
  const { results } = (await res.json()) as { results: { origin: string; status: string; error?: string }[] };
  assert.deepEqual(
    results.map((r) => [r.origin, r.status]),
    [
      ['upload:batch.jsonl#2', 'error'],
      ['upload:batch.jsonl#1', 'stored'],
      ['upload:blob.bin', 'error'],
    ],
  );
  const feed = await app.request('/ui/add/feed', { ...form({ url: 'http://127.0.0.1:9/feed.xml' }), headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' } });
  const read = (await feed.json()) as { results: { status: string; error: string }[] };
  assert.equal(read.results[0]?.status, 'error');
  assert.match(read.results[0]?.error ?? '', /private|loopback|local/i);
  const streamed = await app.request('/ui/add/feed', { ...form({ url: 'http://127.0.0.1:9/feed.xml' }), headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/x-ndjson' } });
  assert.match(streamed.headers.get('Content-Type') ?? '', /application\/x-ndjson/);
  const lines = (await streamed.text()).trim().split('\n').map((l) => JSON.parse(l) as { status: string });
  assert.deepEqual(lines.map((l) => l.status), ['error'], 'streamed: one line per result');
});

void test('UI assets: served by the app with an ETag, 304 when unchanged', async () => {
  const app = await setup();
  for (const a of [ASSETS.css, ASSETS.js]) {
    const res = await app.request(a.path);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Content-Type'), a.type);
    const etag = res.headers.get('ETag');
    assert.ok(etag);
    assert.equal((await app.request(a.path, { headers: { 'If-None-Match': etag } })).status, 304);
  }
});

void test('the OpenAPI document lists the UI routes and the story list parameters', () => {
  for (const p of ['/ui', '/ui/stories/{id}', '/ui/stories/{id}/dossier', '/ui/add', '/ui/add/text', '/ui/add/file', '/ui/add/feed']) assert.ok(p in OPENAPI.paths, p);
  const names = OPENAPI.paths['/stories'].get.parameters.map((p) => p.name);
  assert.deepEqual(names, ['q', 'outlet', 'from', 'to', 'conflicts', 'sort', 'order', 'limit', 'offset']);
});

void test('story page: a merged-away id redirects; the timeline tells the merge and links the other story', async () => {
  const store = new MemoryStore();
  const texts: [string, string, boolean, { into: string; from: string }[]][] = [
    ['a', 'story-a', true, []],
    ['b', 'story-b', true, []],
    ['c', 'story-a', false, [{ into: 'story-a', from: 'story-b' }]],
  ];
  for (const [i, [name, story, starts, merges]] of texts.entries()) {
    const a = makeArticle({ origin: `${name}.txt`, kind: 'text', text: `Report ${name} about the ferry strike at Orlen port.`, meta: { title: `Ferry report ${name}`, outlet: `Outlet ${name}` } });
    const record = { id: contentId(a), urlKey: urlKey(a), version: 1, current: true, storyId: story, firstStory: story, nearDuplicateOf: null, ingestedAt: `2024-05-0${i + 1}T10:00:00Z`, article: a, vector: [['w:ferry', 1]] as [string, number][], terms: ['w:ferry'], minhash: [1] };
    await store.commit({ record, newStory: starts ? { id: story, title: `Ferry report ${name}` } : null, merges, supersedes: null }, i);
  }
  const app = createApp({ corpus: await Corpus.open(store) });
  const moved = await app.request('/ui/stories/story-b');
  assert.equal(moved.status, 308);
  assert.equal(moved.headers.get('Location'), '/ui/stories/story-a');
  const page = await (await app.request('/ui/stories/story-a')).text();
  const timeline = /<ol class="timeline"[^]*?<\/ol>/.exec(page)?.[0] ?? '';
  assert.match(timeline, /Story started<\/span>by “Ferry report a”/);
  assert.match(timeline, /Merged<\/span>story <a href="\/ui\/stories\/story-b"[^>]*>story-b<\/a> joined this one, bridged by “Ferry report c”/);
  assert.match(timeline, /Story started<\/span>by “Ferry report b”.* in <a href="\/ui\/stories\/story-b"[^>]*>story-b<\/a>, since merged into this story/);
  assert.equal((timeline.match(/<li /g) ?? []).length, 4, "a's start, b's start, the bridge's arrival, the merge: every article's arrival is there");
});
