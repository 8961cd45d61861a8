import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../model/article.js';
import { Corpus } from '../store/corpus.js';
import { MemoryStore } from '../store/memory.js';
import { createApp, MAX_BODY_BYTES } from './app.js';
import { IdleRevision } from './idle-revision.js';
import { OPENAPI } from './openapi.js';

const bridge = (n: number): string =>
  `Officials in Northfield said on Monday that the river bridge collapse injured ${n} people. Engineer Maria Okafor said the bridge had failed an inspection in March. Rescue crews searched the river through the night.`;
const bank = 'The central bank raised interest rates by half a point on Tuesday, citing inflation in food and energy prices. Governor Lena Park said further rises were possible.';

async function setup(token?: string): Promise<ReturnType<typeof createApp>> {
  const corpus = await Corpus.open(new MemoryStore());
  return createApp(token ? { corpus, token } : { corpus, openWrites: true });
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
  // Counts are kept between probes, and a write is seen by the next one.
  await app.request('/articles', post({ text: `${bank} A second report, with another line.` }));
  assert.equal(((await (await app.request('/health')).json()) as { articles: number }).articles, 2);
  const doc = (await (await app.request('/openapi.json')).json()) as typeof OPENAPI;
  for (const p of ['/health', '/articles', '/stories', '/stories/{id}', '/stories/{id}/dossier']) assert.ok(p in doc.paths, p);
});

async function postOne(body: unknown): Promise<{ status: number; article: Article | null; error: string | null }> {
  const corpus = await Corpus.open(new MemoryStore());
  const res = await createApp({ corpus, openWrites: true }).request('/articles', post(body));
  const json = (await res.json()) as { results?: { id: string }[]; error?: { message: string } };
  const id = json.results?.[0]?.id;
  return { status: res.status, article: id ? ((await corpus.store.byId(id))?.article ?? null) : null, error: json.error?.message ?? null };
}

void test('POST /articles: text keeps every character and gets boilerplate marks; sent fields win over front matter', async () => {
  const text = `---\ntitle: From the front matter\nauthor: Front Author\n---\n${bridge(3)}\nAdvertisement\nRescue crews returned on Tuesday.\n`;
  const { status, article } = await postOne({ text, title: 'Sent title', outlet: 'A' });
  assert.equal(status, 201);
  assert.ok(article);
  assert.equal(article.text, text, 'the text is stored exactly as sent');
  assert.equal(article.title, 'Sent title');
  assert.equal(article.author, 'Front Author', 'a field not sent comes from the front matter');
  const marked = article.boilerplate.map((b) => article.text.slice(b.start, b.end).trim());
  assert.ok(marked.some((m) => m.startsWith('---') && m.includes('From the front matter')), 'front matter is marked');
  assert.ok(marked.includes('Advertisement'), 'the ad slot line is marked');
  assert.ok(!marked.some((m) => m.includes('Rescue crews')), 'prose is not marked');
  for (const b of article.boilerplate) assert.ok(b.start >= 0 && b.end <= article.text.length && b.start < b.end);
});

void test('POST /articles: html is extracted to article text with the page metadata', async () => {
  const paragraphs = [bridge(5), 'Engineers will inspect every bridge on the river before the end of the month, the transport office said in a statement.', 'Traffic was diverted through the town centre.'];
  const html = `<!doctype html><html><head><title>Bridge collapse injures five</title><meta name="author" content="Page Author"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Bridge collapse injures five</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><footer>Copyright News Co</footer></body></html>`;
  const { status, article } = await postOne({ html, outlet: 'B', url: 'https://news.example/bridge' });
  assert.equal(status, 201);
  assert.ok(article);
  assert.equal(article.kind, 'html');
  assert.ok(!/[<>]/.test(article.text), 'no markup left in the text');
  for (const p of paragraphs) assert.ok(article.text.includes(p), p);
  assert.ok(!article.text.includes('Copyright News Co'));
  assert.match(article.title ?? '', /Bridge collapse injures five/);
  assert.equal(article.outlet, 'B');
  assert.equal(article.url, 'https://news.example/bridge');
});

void test('POST /articles: text and html together, or neither, is refused', async () => {
  const both = await postOne({ text: bank, html: `<p>${bank}</p>` });
  assert.equal(both.status, 400);
  assert.match(both.error ?? '', /either "text" or "html"/);
  const neither = await postOne({ title: 'only a title' });
  assert.equal(neither.status, 400);
  assert.match(neither.error ?? '', /"text" \(or "html"\) must be a non-empty string/);
  const notString = await postOne({ html: 42 });
  assert.equal(notString.status, 400);
  assert.match(notString.error ?? '', /"html" must be a string/);
});

void test('stored posts arm a revision once writes go quiet; duplicates and reads do not', async () => {
  const corpus = await Corpus.open(new MemoryStore());
  const idle = new IdleRevision(corpus, 20, (e) => assert.fail(String(e)));
  const app = createApp({ corpus, openWrites: true, onStored: () => idle.poke() });
  await app.request('/articles', post({ articles: [{ text: bridge(12), outlet: 'A' }, { text: bank, outlet: 'C' }] }));
  assert.equal(corpus.arrivalsSinceRevision, 2, 'two arrivals wait for a revision');
  await new Promise((r) => setTimeout(r, 60));
  await idle.settled();
  assert.equal(corpus.arrivalsSinceRevision, 0, 'the quiet spell revised the stories');
  const revisions = [];
  for await (const entry of corpus.store.replay(0)) if (entry.kind === 'revision') revisions.push(entry);
  assert.equal(revisions.length, 1, 'the revision is in the log');

  // A duplicate stores nothing, so it does not arm another revision.
  await app.request('/articles', post({ text: bridge(12) }));
  await new Promise((r) => setTimeout(r, 60));
  await idle.settled();
  let after = 0;
  for await (const entry of corpus.store.replay(0)) if (entry.kind === 'revision') after++;
  assert.equal(after, 1);

  // After stop, a stored article waits for the corpus's own cadence.
  await idle.stop();
  await app.request('/articles', post({ text: bridge(30), outlet: 'B' }));
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(corpus.arrivalsSinceRevision, 1);
});
