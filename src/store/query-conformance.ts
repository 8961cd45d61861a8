import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle, type Article } from '../model/article.js';
import { contentId, urlKey } from './identity.js';
import { queryStories } from './story-query.js';
import type { ArticleStore, StoryQuery } from './types.js';

/**
 * The story query (search, filters, sort, paging) on one backend: run from runStoreConformance, so every
 * store passes it, whether it implements `queryStories` itself or falls back to story-query.ts.
 */
export function runStoryQueryConformance(name: string, open: () => Promise<ArticleStore> | ArticleStore): void {
  const art = (origin: string, title: string, outlet: string | null, published: string | null): Article =>
    makeArticle({ origin, kind: 'text', text: `${title}. Body of ${origin}.`, meta: { title, outlet, published } });

  /** Four stories: (id, title, [articles]), committed in this order, so story-d is the most recently updated. */
  async function fill(s: ArticleStore): Promise<void> {
    const stories: [string, string, Article[]][] = [
      ['story-a', 'Harbour fire', [art('a1', 'Harbour fire', 'Coast News', '2024-03-01T08:00:00Z'), art('a2', 'Dock blaze spreads', 'Daily Wire', '2024-03-02')]],
      ['story-b', 'Budget vote', [art('b1', 'Budget vote', 'Daily Wire', '2024-04-10')]],
      ['story-c', 'Rail strike', [art('c1', 'Rail strike', null, null), art('c2', 'Trains stop', 'Metro 100%', null), art('c3', 'Strike ends', 'Coast News', '2024-05-20')]],
      ['story-d', 'alpine storm', [art('d1', 'alpine storm', 'Mountain Post', '2024-02-15')]],
    ];
    let seq = 0;
    for (const [id, title, articles] of stories) {
      for (const [i, a] of articles.entries()) {
        await s.commit(
          {
            record: { id: contentId(a), urlKey: urlKey(a), version: 1, current: true, storyId: id, firstStory: id, nearDuplicateOf: null, ingestedAt: `2024-06-01T00:00:0${seq}Z`, article: a, vector: [['w:x', 1]], terms: ['w:x'], minhash: [1] },
            newStory: i === 0 ? { id, title } : null,
            merges: [],
            supersedes: null,
          },
          seq,
        );
        seq++;
      }
    }
    const version = async (id: string): Promise<number> => (await s.story(id))!.version;
    await s.setConflictCount('story-a', await version('story-a'), 3);
    await s.setConflictCount('story-b', await version('story-b'), 0);
    await s.setConflictCount('story-c', await version('story-c'), 1);
  }

  const ids = async (s: ArticleStore, q: StoryQuery): Promise<string[]> => (await queryStories(s, q)).stories.map((x) => x.id);

  void test(`${name}: story query filters by text, outlet, dates and conflicts`, async () => {
    const s = await open();
    try {
      await fill(s);
      assert.deepEqual(await ids(s, {}), ['story-d', 'story-c', 'story-b', 'story-a'], 'default: most recently updated first');
      assert.deepEqual(await ids(s, { text: 'BLAZE' }), ['story-a'], 'text matches an article title, any case');
      assert.deepEqual(await ids(s, { text: 'strike' }), ['story-c']);
      assert.deepEqual(await ids(s, { outlet: 'daily' }), ['story-b', 'story-a']);
      assert.deepEqual(await ids(s, { outlet: '100%' }), ['story-c'], 'wildcards are matched literally');
      assert.deepEqual(await ids(s, { outlet: '0%' }), ['story-c']);
      assert.deepEqual(await ids(s, { outlet: '_' }), [], 'an underscore is not a wildcard');
      assert.deepEqual(await ids(s, { from: '2024-03-02', to: '2024-04-30' }), ['story-b', 'story-a'], 'an article published in the range');
      assert.deepEqual(await ids(s, { to: '2024-03-01' }), ['story-d', 'story-a'], 'the end day is included, times ignored');
      assert.deepEqual(await ids(s, { conflicts: 'some' }), ['story-c', 'story-a']);
      assert.deepEqual(await ids(s, { conflicts: 'none' }), ['story-b']);
      assert.deepEqual(await ids(s, { conflicts: 'unbuilt' }), ['story-d']);
      assert.deepEqual(await ids(s, { outlet: 'coast', conflicts: 'some', text: 'fire' }), ['story-a'], 'filters combine');
      assert.equal((await queryStories(s, { outlet: 'nobody' })).total, 0);
    } finally {
      await s.close();
    }
  });

  void test(`${name}: story query sorts (nulls last) and pages with a total`, async () => {
    const s = await open();
    try {
      await fill(s);
      assert.deepEqual(await ids(s, { sort: 'title' }), ['story-d', 'story-b', 'story-a', 'story-c'], 'title A to Z, any case');
      assert.deepEqual(await ids(s, { sort: 'articles' }), ['story-c', 'story-a', 'story-b', 'story-d'], 'ties by id');
      assert.deepEqual(await ids(s, { sort: 'articles', order: 'asc' }), ['story-b', 'story-d', 'story-a', 'story-c']);
      assert.deepEqual(await ids(s, { sort: 'conflicts' }), ['story-a', 'story-c', 'story-b', 'story-d'], 'unbuilt last');
      assert.deepEqual(await ids(s, { sort: 'conflicts', order: 'asc' }), ['story-b', 'story-c', 'story-a', 'story-d'], 'unbuilt last either way');
      assert.deepEqual(await ids(s, { sort: 'published' }), ['story-c', 'story-b', 'story-a', 'story-d'], 'latest publication first');
      const page = await queryStories(s, { sort: 'title', limit: 2, offset: 2 });
      assert.equal(page.total, 4);
      assert.deepEqual(page.stories.map((x) => x.id), ['story-a', 'story-c']);
      assert.equal(page.stories[1]!.articleCount, 3, 'pages carry full summaries');
      assert.equal(page.stories[0]!.conflicts, 3);
    } finally {
      await s.close();
    }
  });
}
