import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle, type Article } from '../model/article.js';
import { Corpus } from './corpus.js';
import { contentId, urlKey } from './identity.js';
import { runStoryQueryConformance } from './query-conformance.js';
import { StoreConflictError, type ArticleCommit, type ArticleStore } from './types.js';

/**
 * The one test suite every ArticleStore backend must pass (run from memory.test.ts and sqlite.test.ts,
 * and from any future backend's test). `open` gives a fresh, empty store each call.
 */
export function runStoreConformance(name: string, open: () => Promise<ArticleStore> | ArticleStore): void {
  runStoryQueryConformance(name, open);
  const withStore = (title: string, fn: (s: ArticleStore) => Promise<void>): void => {
    void test(`${name}: ${title}`, async () => {
      const s = await open();
      try {
        await fn(s);
      } finally {
        await s.close();
      }
    });
  };

  const art = (origin: string, text: string, meta: Partial<Pick<Article, 'outlet' | 'published' | 'url' | 'title'>> = {}): Article =>
    makeArticle({ origin, kind: 'text', text, meta });

  const change = (a: Article, story: string, opts: Partial<Omit<ArticleCommit, 'record'>> & { version?: number } = {}): ArticleCommit => ({
    record: {
      id: contentId(a),
      urlKey: urlKey(a),
      version: opts.version ?? 1,
      current: true,
      storyId: story,
      firstStory: story,
      nearDuplicateOf: null,
      ingestedAt: new Date().toISOString(),
      article: a,
      vector: [['w:alpha', 1]],
      terms: ['w:alpha'],
      minhash: [1, 2, 3],
    },
    newStory: opts.newStory === undefined ? null : opts.newStory,
    merges: opts.merges ?? [],
    supersedes: opts.supersedes ?? null,
  });

  withStore('starts empty', async (s) => {
    assert.equal(await s.lastSeq(), 0);
    assert.equal(await s.countArticles(), 0);
    assert.deepEqual(await s.listStories(), []);
    assert.equal(await s.story('story-x'), null);
  });

  withStore('commit stores an article in a new story and numbers it', async (s) => {
    const a = art('a.txt', 'Alpha text one.', { outlet: 'Outlet A', published: '2024-01-02' });
    const r = await s.commit(change(a, 'story-1', { newStory: { id: 'story-1', title: 'Alpha' } }), 0);
    assert.equal(r.seq, 1);
    assert.equal(r.storyId, 'story-1');
    assert.equal(await s.lastSeq(), 1);
    assert.deepEqual((await s.byId(contentId(a)))?.article, a);
    assert.equal((await s.byUrl(urlKey(a)))?.id, contentId(a));
    const story = await s.story('story-1');
    assert.equal(story?.title, 'Alpha');
    assert.equal(story?.articleCount, 1);
    assert.deepEqual(story?.outlets, ['Outlet A']);
    assert.equal(story?.firstPublished, '2024-01-02');
    assert.deepEqual(
      (await s.storyEvents('story-1')).map((e) => e.kind),
      ['created'],
    );
  });

  withStore('commit with a stale sequence number is refused and writes nothing', async (s) => {
    await s.commit(change(art('a.txt', 'One.'), 'story-1', { newStory: { id: 'story-1', title: 'T' } }), 0);
    await assert.rejects(s.commit(change(art('b.txt', 'Two.'), 'story-2', { newStory: { id: 'story-2', title: 'T' } }), 0), StoreConflictError);
    assert.equal(await s.countArticles(), 1);
    assert.equal(await s.story('story-2'), null);
  });

  withStore('the same content is never stored twice', async (s) => {
    const a = art('a.txt', 'Same.');
    await s.commit(change(a, 'story-1', { newStory: { id: 'story-1', title: 'T' } }), 0);
    await assert.rejects(s.commit(change(a, 'story-1'), 1));
    assert.equal(await s.countArticles(), 1);
  });

  withStore('joining bumps the story version; a new version supersedes the old one', async (s) => {
    const v1 = art('x', 'First text.', { url: 'https://example.org/a' });
    const v2 = art('x', 'Second text.', { url: 'https://example.org/a' });
    await s.commit(change(v1, 'story-1', { newStory: { id: 'story-1', title: 'T' } }), 0);
    const before = (await s.story('story-1'))!.version;
    await s.commit(change(v2, 'story-1', { version: 2, supersedes: contentId(v1) }), 1);
    const after = await s.story('story-1');
    assert.ok(after!.version > before);
    assert.equal(after!.articleCount, 1, 'only the current version counts');
    assert.deepEqual(
      (await s.storyArticles('story-1')).map((r) => r.id),
      [contentId(v2)],
    );
    assert.equal((await s.byUrl(urlKey(v2)))?.version, 2);
    assert.equal((await s.byId(contentId(v1)))?.current, false);
    assert.ok((await s.storyEvents('story-1')).some((e) => e.kind === 'version'));
  });

  withStore('a merge moves articles, retires the old id and is replayed with its article', async (s) => {
    await s.commit(change(art('a', 'A.'), 'story-a', { newStory: { id: 'story-a', title: 'A' } }), 0);
    await s.commit(change(art('b', 'B.'), 'story-b', { newStory: { id: 'story-b', title: 'B' } }), 1);
    await s.commit(change(art('c', 'C.'), 'story-a', { merges: [{ into: 'story-a', from: 'story-b' }] }), 2);
    assert.equal(await s.story('story-b'), null);
    assert.equal(await s.resolveStory('story-b'), 'story-a');
    assert.equal(await s.resolveStory('story-a'), null);
    assert.equal((await s.story('story-a'))?.articleCount, 3);
    assert.equal(await s.countStories(), 1);
    const replayed = [];
    for await (const r of s.replay(0)) if (r.kind === 'article') replayed.push(r);
    assert.deepEqual(
      replayed.map((r) => [r.record.seq, r.record.firstStory, r.merges]),
      [
        [1, 'story-a', []],
        [2, 'story-b', []],
        [3, 'story-a', [{ into: 'story-a', from: 'story-b' }]],
      ],
    );
    const tail = [];
    for await (const r of s.replay(2)) tail.push(r.seq);
    assert.deepEqual(tail, [3]);
    assert.ok((await s.storyEvents('story-b')).some((e) => e.kind === 'merged' && e.story === 'story-a'));
  });

  withStore('a revision moves articles, creates split stories, retires emptied ones, and takes a seq in the log', async (s) => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((o) => art(o, `Text ${o}.`));
    await s.commit(change(a!, 'story-a', { newStory: { id: 'story-a', title: 'A' } }), 0);
    await s.commit(change(b!, 'story-a'), 1);
    await s.commit(change(c!, 'story-c', { newStory: { id: 'story-c', title: 'C' } }), 2);
    const versionA = (await s.story('story-a'))!.version;
    const at = new Date().toISOString();
    const revision = {
      at,
      splits: [{ id: 'story-b', title: 'B', from: 'story-a', article: contentId(b!) }],
      moves: [
        { article: contentId(b!), from: 'story-a', to: 'story-b' },
        { article: contentId(c!), from: 'story-c', to: 'story-a' },
      ],
      emptied: [{ into: 'story-a', from: 'story-c' }],
    };
    await assert.rejects(s.revise(revision, 2), StoreConflictError, 'a stale seq is refused');
    assert.equal(await s.story('story-b'), null, 'and nothing was written');
    assert.equal(await s.revise(revision, 3), 4);
    assert.equal(await s.lastSeq(), 4);
    assert.deepEqual((await s.storyArticles('story-a')).map((r) => r.id), [contentId(a!), contentId(c!)]);
    assert.deepEqual((await s.storyArticles('story-b')).map((r) => r.id), [contentId(b!)]);
    assert.equal((await s.story('story-b'))?.title, 'B');
    assert.ok((await s.story('story-a'))!.version > versionA, 'a changed story gets a new version (dossier caches go stale)');
    assert.equal(await s.story('story-c'), null);
    assert.equal(await s.resolveStory('story-c'), 'story-a');
    assert.equal(await s.countStories(), 2);
    const events = await s.storyEvents('story-a');
    assert.ok(events.some((e) => e.kind === 'split' && e.story === 'story-b' && e.other === 'story-a' && e.article === contentId(b!)));
    assert.ok(events.some((e) => e.kind === 'moved' && e.story === 'story-a' && e.other === 'story-c' && e.article === contentId(c!)));
    assert.ok(!events.some((e) => e.kind === 'moved' && e.story === 'story-b'), 'a split is one event, not one per article');
    assert.ok(events.some((e) => e.kind === 'merged' && e.other === 'story-c'));
    // The log interleaves articles and revisions by seq; an article after the revision comes after it.
    await assert.rejects(s.commit(change(d!, 'story-a'), 3), StoreConflictError);
    await s.commit(change(d!, 'story-a'), 4);
    const log = [];
    for await (const e of s.replay(0)) log.push([e.seq, e.kind]);
    assert.deepEqual(log, [
      [1, 'article'],
      [2, 'article'],
      [3, 'article'],
      [4, 'revision'],
      [5, 'article'],
    ]);
    const tail = [];
    for await (const e of s.replay(3)) tail.push(e.kind === 'revision' ? e.revision : null);
    assert.deepEqual(tail, [revision, null]);
  });

  withStore('a split may take back the id of a story merged away earlier', async (s) => {
    await s.commit(change(art('a', 'A.'), 'story-a', { newStory: { id: 'story-a', title: 'A' } }), 0);
    await s.commit(change(art('b', 'B.'), 'story-b', { newStory: { id: 'story-b', title: 'B' } }), 1);
    await s.commit(change(art('c', 'C.'), 'story-a', { merges: [{ into: 'story-a', from: 'story-b' }] }), 2);
    const b = contentId(art('b', 'B.'));
    await s.revise({ at: new Date().toISOString(), splits: [{ id: 'story-b', title: 'B again', from: 'story-a', article: b }], moves: [{ article: b, from: 'story-a', to: 'story-b' }], emptied: [] }, 3);
    assert.equal(await s.resolveStory('story-b'), null, 'live again');
    assert.equal((await s.story('story-b'))?.articleCount, 1);
    assert.equal((await s.story('story-a'))?.articleCount, 2);
  });

  withStore('lists live stories newest first, with limit and offset', async (s) => {
    for (let i = 0; i < 5; i++) {
      await s.commit(change(art(`o${i}`, `Text ${i}.`), `story-${i}`, { newStory: { id: `story-${i}`, title: `T${i}` } }), i);
      await new Promise((r) => setTimeout(r, 2));
    }
    const all = await s.listStories();
    assert.deepEqual(
      all.map((x) => x.id),
      ['story-4', 'story-3', 'story-2', 'story-1', 'story-0'],
    );
    assert.deepEqual(
      (await s.listStories({ limit: 2, offset: 1 })).map((x) => x.id),
      ['story-3', 'story-2'],
    );
  });

  withStore('conflict counts are kept for the story version they were computed on', async (s) => {
    await s.commit(change(art('a', 'A.'), 'story-1', { newStory: { id: 'story-1', title: 'A' } }), 0);
    const v = (await s.story('story-1'))!.version;
    await s.setConflictCount('story-1', v, 3);
    assert.equal((await s.story('story-1'))?.conflicts, 3);
    await s.commit(change(art('b', 'B.'), 'story-1'), 1);
    assert.equal((await s.story('story-1'))?.conflicts, null, 'stale after a new article');
    await s.setConflictCount('story-1', v, 5);
    assert.equal((await s.story('story-1'))?.conflicts, null, 'a stale count is ignored');
  });

  // Corpus behaviour over this backend: identity, versions, near-duplicates and clustering.
  const story = (n: number, variant = ''): string =>
    `Officials in Northfield said on Monday that the river bridge collapse injured ${n} people. ` +
    `Engineer Maria Okafor said the Northfield bridge had failed an inspection in March. ${variant}` +
    `Rescue crews searched the river through the night and the mayor Daniel Brandt promised an inquiry into the collapse.`;
  const other = 'The central bank raised interest rates by half a point on Tuesday, citing inflation in food and energy prices. Governor Lena Park said further rises were possible.';

  withStore('corpus: same content is one article, same URL with new text is a new version', async (s) => {
    const c = await Corpus.open(s);
    const a = art('feed#1', story(12), { url: 'https://news.example/bridge?utm_source=x' });
    const first = await c.ingest(a);
    assert.equal(first.status, 'stored');
    const again = await c.ingest(art('elsewhere.txt', story(12)));
    assert.equal(again.status, 'duplicate');
    assert.equal(again.id, first.id);
    const changed = await c.ingest(art('feed#2', story(14), { url: 'https://news.example/bridge' }));
    assert.equal(changed.status, 'version');
    assert.equal(changed.story, first.story);
    assert.equal(await s.countArticles(), 2);
    assert.equal((await s.story(first.story))?.articleCount, 1);
  });

  withStore('corpus: related reports share a story, unrelated ones do not, copies are linked', async (s) => {
    const c = await Corpus.open(s);
    const a = await c.ingest(art('a', story(12), { outlet: 'A' }));
    const copy = await c.ingest(art('b', 'By a news agency. ' + story(12, 'She declined to comment further. '), { outlet: 'B' }));
    const rate = await c.ingest(art('c', other, { outlet: 'C' }));
    assert.equal(copy.story, a.story);
    assert.equal(copy.nearDuplicateOf, a.id);
    assert.notEqual(rate.story, a.story);
    assert.equal(rate.nearDuplicateOf, null);
    // A second process opening the same store rebuilds the same clustering.
    const c2 = await Corpus.open(s);
    const later = await c2.ingest(art('d', `Divers joined the search on Tuesday. ${story(13)}`, { outlet: 'D' }));
    assert.equal(later.story, a.story);
  });

  // Two events of one kind, told with the same words: only who, where, when and how many differ.
  const event = (place: string, person: string, date: string, n: number, i: number): string =>
    `A bridge collapsed over the river in ${place} on ${date}, injuring ${n + i} people. ` +
    `Engineer ${person} said the ${place} bridge had failed an inspection. Rescue crews searched the river through the night ` +
    `and officials promised an inquiry into the bridge collapse. Report ${i} of ${n}.`;

  withStore('corpus: a revision splits a story holding two events, records it, and a reopened corpus follows it', async (s) => {
    // A join threshold this low chains everything into one story, as similar events can chain.
    const params = { joinThreshold: 0.01, mergeThreshold: 1 };
    const c = await Corpus.open(s, params);
    const ids: Record<'north' | 'south', string[]> = { north: [], south: [] };
    for (let i = 0; i < 5; i++) {
      ids.north.push((await c.ingest(art(`n${i}`, event('Northfield', 'Maria Okafor', 'March 3, 2021', 12, i)))).id);
      ids.south.push((await c.ingest(art(`s${i}`, event('Southport', 'Daniel Brandt', 'June 9, 2023', 40, i)))).id);
    }
    const before = await s.listStories();
    assert.equal(before.length, 1, 'the single pass chained both events');
    const first = before[0]!.id;
    const rev = await c.revise();
    assert.ok(rev);
    assert.equal(rev.splits, 1);
    const stories = await s.listStories();
    assert.equal(stories.length, 2);
    const north = (await s.storyArticles(first)).map((r) => r.id).sort();
    assert.deepEqual(north, [...ids.north].sort(), 'the story keeps its id for the part holding its first article');
    const other = stories.find((x) => x.id !== first)!.id;
    assert.deepEqual((await s.storyArticles(other)).map((r) => r.id).sort(), [...ids.south].sort());
    assert.ok((await s.storyEvents(first)).some((e) => e.kind === 'split' && e.story === other));
    // A corpus opened afterwards replays the split: the next report of the second event joins it.
    const c2 = await Corpus.open(s, params);
    assert.deepEqual(c2.assignments(), c.assignments(), 'replaying the log rebuilds the live clustering');
    const next = await c2.ingest(art('s9', event('Southport', 'Daniel Brandt', 'June 9, 2023', 40, 9)));
    assert.equal(next.story, other);
    // Revising again with nothing new changes nothing.
    const again = await c2.revise();
    assert.equal(again?.moved, 0);
  });
}
