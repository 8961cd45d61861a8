import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateCorpus } from '../../../scripts/generate-corpus.js';
import type { ClustererState } from '../../cluster/index.js';
import { makeArticle, type Article } from '../../model/article.js';
import { testDatabase } from '../../testing/servers.js';
import { Corpus } from '../corpus.js';
import { PgStore } from './store.js';
import { readWindow, windowStatus } from './window.js';

/**
 * Small sweeps and a one-day window, so that 160 generated articles (about three days of them) reach
 * the index sweep, the member sweep and stories closing, which 2,000 and 1,000 articles would.
 */
const PARAMS = { sweepEvery: 37, windowDays: 1 };
const OPTIONS = { memberSweepEvery: 23 } as const;

function articles(n: number, seed: number): Article[] {
  return [...generateCorpus({ articles: n, seed })].map((g) =>
    makeArticle({ origin: g.url, kind: 'text', text: g.text, meta: { url: g.url, outlet: g.outlet, title: g.title, published: g.published } }),
  );
}

/** The tables as the clusterer's state shows them: live stories (centroids in order) and their index pairs. */
async function assertTablesMatch(store: PgStore, state: ClustererState): Promise<void> {
  const t = await readWindow(store.pool);
  const memStories = state.stories.map((s) => ({ story: s.id, n: s.articles.length, min_time: s.minTime, max_time: s.maxTime, created_seq: s.createdSeq, centroid: s.centroid })).sort((a, b) => (a.story < b.story ? -1 : 1));
  assert.deepEqual(t.stories, memStories, 'window_stories = the open stories in memory');
  const memIndex = state.index.flatMap(([term, ids]) => ids.map((id) => [term, id] as [string, string])).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const tIndex = [...t.index].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  assert.deepEqual(tIndex, memIndex, 'window_terms = the candidate index in memory');
  const head = await windowStatus(store.pool);
  assert.equal(head.valid, true);
  assert.equal(head.logSeq, await store.lastSeq());
  assert.equal(head.seq, state.seq);
  assert.equal(head.latest, state.latest);
}

const db = await testDatabase();
if (db) {
  after(() => db.drop());

  void test('postgres: the window tables follow commits, merges, versions, revisions and sweeps, and candidates read from them equal memory', async () => {
    const store = await PgStore.open(db.url, { schema: 'window_follow' });
    // 'checked' compares the tables' candidates with memory's before every decision and fails on a difference.
    const corpus = await Corpus.open(store, PARAMS, { ...OPTIONS, lookup: 'checked' });
    const list = articles(160, 11);
    let merges = 0;
    for (const [i, a] of list.entries()) {
      merges += (await corpus.ingest(a)).merged.length;
      if (i % 40 === 39) await assertTablesMatch(store, corpus.windowState());
    }
    // A new text at a known URL (restore into the article's story), then a revision.
    const first = list[0]!;
    await corpus.ingest({ ...first, text: first.text + ' A later paragraph adds what the Varga inquiry found.' });
    const rev = await corpus.revise();
    assert.ok(rev, 'the revision was committed');
    await assertTablesMatch(store, corpus.windowState());
    const swept = corpus.windowState();
    assert.ok(swept.stories.length < (await store.countStories()), 'some stories closed and left the window (the member sweep ran)');
    assert.ok(merges + rev.moved > 0, 'the run exercised merges or moves');
    await store.close();
  });

  void test('postgres: a process deciding from the tables alone (lookup "store") places articles exactly as one deciding from memory', async () => {
    const list = articles(120, 5);
    const place = async (schema: string, lookup: 'memory' | 'store'): Promise<string[]> => {
      const store = await PgStore.open(db.url, { schema });
      const corpus = await Corpus.open(store, PARAMS, { ...OPTIONS, lookup });
      const out: string[] = [];
      for (const a of list) {
        const o = await corpus.ingest(a);
        out.push(`${o.story} ${o.merged.join(',')}`);
      }
      await store.close();
      return out;
    };
    assert.deepEqual(await place('window_store', 'store'), await place('window_memory', 'memory'));
  });

  void test('postgres: two processes taking turns hold one window: the memory of each equals the tables the other wrote', async () => {
    const stores = await Promise.all([0, 1].map(() => PgStore.open(db.url, { schema: 'window_turns' })));
    // 'checked': each decision compares the tables (written by whichever process decided before) with this process's replay.
    const corpora = await Promise.all(stores.map((s) => Corpus.open(s, PARAMS, { ...OPTIONS, lookup: 'checked' })));
    let merges = 0;
    for (const [i, a] of articles(120, 6).entries()) merges += (await corpora[i % 2]!.ingest(a)).merged.length;
    assert.ok(merges > 0, 'the run exercised merges (where the order of sums matters)');
    await corpora[0]!.catchUp();
    await assertTablesMatch(stores[0]!, corpora[0]!.windowState());
    await Promise.all(stores.map((s) => s.close()));
  });

  void test('postgres: a commit without a window delta marks the tables stale; opening, or the next decision from them, writes them from memory', async () => {
    const store = await PgStore.open(db.url, { schema: 'window_stale' });
    const corpus = await Corpus.open(store, PARAMS, { lookup: 'store' });
    await corpus.ingest(articles(1, 2)[0]!);
    const record = (await store.storyArticles((await store.listStories())[0]!.id))[0]!;
    // A commit as an older process would make it (no `window`).
    await store.commit({ record: { ...record, id: 'other', urlKey: 'other', storyId: record.storyId, firstStory: record.firstStory }, newStory: null, merges: [], supersedes: null }, await store.lastSeq());
    assert.equal((await windowStatus(store.pool)).valid, false);
    const reopened = await Corpus.open(store, PARAMS, { lookup: 'checked' });
    assert.equal((await windowStatus(store.pool)).valid, true, 'opening rewrote the tables');
    // A process in the default (memory) mode commits without a delta: the next decision from the tables rewrites them first.
    const memoryMode = await Corpus.open(store, PARAMS, { lookup: 'memory' });
    const more = articles(30, 9);
    await memoryMode.ingest(more[0]!);
    assert.equal((await windowStatus(store.pool)).valid, false);
    for (const a of more.slice(1)) await reopened.ingest(a);
    await assertTablesMatch(store, reopened.windowState());
    await store.close();
  });
}
