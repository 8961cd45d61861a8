import type { ArticleStore, StoryPage, StoryQuery, StorySort, StorySummary } from './types.js';

/**
 * The story query as a pure function over stories and their current articles: the memory store's
 * implementation, the reference the SQLite query is tested against (conformance.ts), and the fallback
 * for a store that has no `queryStories` of its own.
 */

/** What a query reads of each current article of a story. */
export interface QueryArticle {
  title: string | null;
  outlet: string | null;
  published: string | null;
}

export interface QueryCandidate {
  summary: StorySummary;
  articles: QueryArticle[];
}

const contains = (value: string | null, needle: string): boolean => value !== null && value.toLowerCase().includes(needle);
const day = (published: string | null): string | null => (published ? published.slice(0, 10) : null);

export function matchesQuery(c: QueryCandidate, q: StoryQuery): boolean {
  const text = q.text?.trim().toLowerCase();
  if (text && !contains(c.summary.title, text) && !c.articles.some((a) => contains(a.title, text))) return false;
  const outlet = q.outlet?.trim().toLowerCase();
  if (outlet && !c.articles.some((a) => contains(a.outlet, outlet))) return false;
  if (q.from || q.to) {
    const inRange = c.articles.some((a) => {
      const d = day(a.published);
      return d !== null && (!q.from || d >= q.from) && (!q.to || d <= q.to);
    });
    if (!inRange) return false;
  }
  const n = c.summary.conflicts;
  if (q.conflicts === 'some' && !(n !== null && n > 0)) return false;
  if (q.conflicts === 'none' && n !== 0) return false;
  if (q.conflicts === 'unbuilt' && n !== null) return false;
  return true;
}

/** The sort key of a story; null sorts last whatever the order. */
function key(s: StorySummary, sort: StorySort): string | number | null {
  switch (sort) {
    case 'updated':
      return s.updatedAt;
    case 'published':
      return s.lastPublished;
    case 'articles':
      return s.articleCount;
    case 'conflicts':
      return s.conflicts;
    case 'title':
      return s.title.toLowerCase();
  }
}

export const defaultOrder = (sort: StorySort): 'asc' | 'desc' => (sort === 'title' ? 'asc' : 'desc');

/** Compares by the sort key (nulls last), then by id so that pages never overlap. */
export function storyComparator(sort: StorySort, order: 'asc' | 'desc'): (a: StorySummary, b: StorySummary) => number {
  const sign = order === 'asc' ? 1 : -1;
  return (a, b) => {
    const ka = key(a, sort);
    const kb = key(b, sort);
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      return (ka < kb ? -1 : 1) * sign;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

export function queryStoriesIn(candidates: QueryCandidate[], q: StoryQuery): StoryPage {
  const sort = q.sort ?? 'updated';
  const matching = candidates
    .filter((c) => matchesQuery(c, q))
    .map((c) => c.summary)
    .sort(storyComparator(sort, q.order ?? defaultOrder(sort)));
  const offset = q.offset ?? 0;
  return { total: matching.length, stories: matching.slice(offset, offset + (q.limit ?? matching.length)) };
}

/** Runs a query on any store: its own `queryStories` when it has one, else the pure function over every story. */
export async function queryStories(store: ArticleStore, q: StoryQuery): Promise<StoryPage> {
  if (store.queryStories) return store.queryStories(q);
  const candidates: QueryCandidate[] = [];
  for (const summary of await store.listStories()) {
    const records = await store.storyArticles(summary.id);
    candidates.push({ summary, articles: records.map((r) => ({ title: r.article.title, outlet: r.article.outlet, published: r.article.published })) });
  }
  return queryStoriesIn(candidates, q);
}
