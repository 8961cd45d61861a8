import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../../model/article.js';
import { Corpus } from '../../store/corpus.js';
import { MemoryStore } from '../../store/memory.js';
import { createApp } from '../app.js';

// What the UI says of its counts: singular and plural, independent sources beside the article count,
// copies warned about on the story page, the stories a conflicts filter cannot place yet, and an add
// page that says why it is closed.

const WIRE = 'Officials in Northfield said on Monday that the river bridge collapse injured twelve people. Engineer Maria Okafor said the bridge had failed an inspection in March. Rescue crews searched the river through the night, and the road to Northfield stayed closed.';
const bank = 'The central bank raised interest rates by half a point on Tuesday, citing inflation in food and energy prices. Governor Lena Park said further rises were possible.';

async function setup(options: { openWrites?: boolean; token?: string } = { openWrites: true }) {
  const corpus = await Corpus.open(new MemoryStore());
  // Three outlets running one wire story, each with a line of its own: near-copies, one independent source.
  for (const [i, outlet] of ['Valley Courier', 'Morning Ledger', 'Riverside Post'].entries())
    await corpus.ingest(makeArticle({ origin: `wire-${i}.txt`, kind: 'text', text: `${WIRE} ${['More later.', 'Updated at noon.', 'With reporting by staff.'][i]}`, meta: { title: `Bridge collapse injures twelve (${outlet})`, outlet, published: '2024-03-04' } }));
  await corpus.ingest(makeArticle({ origin: 'bank.txt', kind: 'text', text: bank, meta: { title: 'Rates rise', outlet: 'Money Daily', published: '2024-03-05' } }));
  return { app: createApp({ corpus, ...options }), corpus };
}

const storyIds = (list: string): string[] => [...list.matchAll(/href="\/ui\/stories\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
/** The id of the listed story whose title has these words. */
const storyTitled = (list: string, words: RegExp): string => {
  const m = [...list.matchAll(/href="\/ui\/stories\/([^"]+)">([^<]*)</g)].find((x) => words.test(x[2]!));
  assert.ok(m, `a story titled ${words}`);
  return decodeURIComponent(m[1]!);
};

async function until(fn: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out waiting for ${what}`);
}

void test('story page: counts agree with their nouns, and copies are warned about by name', async () => {
  const { app } = await setup();
  const list = await (await app.request('/ui')).text();
  const wire = storyTitled(list, /Bridge collapse/);
  const single = storyTitled(list, /Rates rise/);
  const wirePage = await (await app.request(`/ui/stories/${wire}`)).text();
  assert.match(wirePage, /id="warnings"/);
  assert.match(wirePage, /3 articles reuse one another&#39;s text: “Bridge collapse injures twelve \(Valley Courier\)”|3 articles reuse one another's text: “Bridge collapse injures twelve/);
  assert.match(wirePage, /<b>3<\/b><span>sources<\/span>/);
  assert.match(wirePage, /<b>1<\/b><span>independent source<\/span>/);
  const singlePage = await (await app.request(`/ui/stories/${single}`)).text();
  assert.match(singlePage, /<b>1<\/b><span>source<\/span>/);
  assert.doesNotMatch(singlePage, /<b>1<\/b><span>\w[\w -]*s<\/span>/, 'no "1 sources", "1 quotes"');
  assert.doesNotMatch(singlePage, /<b>0<\/b><span>[\w -]*[^s]<\/span>/, '"0 conflicts", not "0 conflict"');
  assert.doesNotMatch(singlePage, /id="warnings"/, 'no copies, no warning');
});

void test('story list: the independent count beside the article count, once built', async () => {
  const { app } = await setup();
  const first = await (await app.request('/ui?sort=articles')).text();
  assert.match(first, /3 <span class="muted indep">\((?:independent: not built yet|1 independent)\)<\/span>/);
  const built = async (): Promise<string> => (await app.request('/ui?sort=articles')).text();
  await until(async () => !/independent: not built yet|"muted">not built yet/.test(await built()), 'the list to show built counts');
  const page = await built();
  assert.match(page, /3 <span class="muted indep">\(1 independent\)/, 'three near-copies are one independent source');
  assert.match(page, /1 <span class="muted indep">\(1 independent\)/);
});

void test('conflicts filter: the stories not built yet are counted and linked, not silently left out', async () => {
  const { app } = await setup();
  const some = await (await app.request('/ui?conflicts=some')).text();
  assert.match(some, /id="unbuilt"/);
  assert.match(some, /2 stories matching the other filters are not built yet, so they are not listed here/);
  assert.match(some, /href="\/ui\?conflicts=unbuilt"/);
  // Asking builds them: once built, no story is left out and the note is gone.
  await until(async () => !/id="unbuilt"/.test(await (await app.request('/ui?conflicts=none')).text()), 'the filter to place every story');
  assert.equal(storyIds(await (await app.request('/ui?conflicts=none')).text()).length + storyIds(await (await app.request('/ui?conflicts=some')).text()).length, 2);
});

void test('add page: closed writes disable the forms and say why and how to open them; a token server asks for it', async () => {
  const closed = await (await (await setup({})).app.request('/ui/add')).text();
  assert.match(closed, /<fieldset disabled/);
  assert.match(closed, /id="writes-closed"[^>]*>[\s\S]*Adding articles is closed on this server[\s\S]*--token[\s\S]*--open-writes/);
  const open = await (await (await setup()).app.request('/ui/add')).text();
  assert.doesNotMatch(open, /disabled|writes-closed/);
  const token = await (await (await setup({ token: 'secret-token' })).app.request('/ui/add')).text();
  assert.doesNotMatch(token, /<fieldset disabled/);
  assert.match(token, /Access token/);
});

void test('story page: an article dated only by its text shows that date, said to be stated in the text', async () => {
  const corpus = await Corpus.open(new MemoryStore());
  await corpus.ingest(makeArticle({ origin: 'dated.txt', kind: 'text', text: WIRE, meta: { title: 'Bridge collapse', outlet: 'Valley Courier', published: '2024-07-10' } }));
  const built = (await import('../../ingest/articles.js')).plainTextArticle('undated.txt', 'text', `Bridge falls in Northfield\nEarlier today (9 July), ${WIRE}`);
  assert.ok(built.ok);
  await corpus.ingest(built.article);
  const app = createApp({ corpus, openWrites: true });
  const id = storyTitled(await (await app.request('/ui')).text(), /Bridge/);
  const page = await (await app.request(`/ui/stories/${id}`)).text();
  assert.match(page, /<time datetime="2024-07-09">2024-07-09<\/time> <span class="muted">\(stated in the text\)<\/span>/);
});
