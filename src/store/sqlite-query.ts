import { defaultOrder } from './story-query.js';
import type { StoryQuery, StorySort } from './types.js';

/**
 * The story query as SQL over the `stories` table (alias `s`): filters are EXISTS subqueries on the
 * story's current articles (index articles_story), so a page costs one indexed pass, not a load of
 * every story. Matching follows story-query.ts, except that LIKE folds case for ASCII letters only.
 */

const CURRENT = 'SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.current = 1';
const BUILT = 's.conflicts_version = s.version';

/** Escapes LIKE's wildcards so the user's text is matched literally. */
const like = (text: string): string => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

const SORT_KEYS: Record<StorySort, string> = {
  updated: 's.updated_at',
  published: `(SELECT MAX(NULLIF(a.published, '')) FROM articles a WHERE a.story_id = s.id AND a.current = 1)`,
  articles: '(SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id AND a.current = 1)',
  conflicts: `(CASE WHEN ${BUILT} THEN s.conflicts END)`,
  title: 'lower(s.title)',
};

export interface StorySql {
  where: string;
  params: string[];
  orderBy: string;
}

export function storyQuerySql(q: StoryQuery): StorySql {
  const clauses = ['s.merged_into IS NULL'];
  const params: string[] = [];
  const text = q.text?.trim();
  if (text) {
    clauses.push(`(s.title LIKE ? ESCAPE '\\' OR EXISTS (${CURRENT} AND a.title LIKE ? ESCAPE '\\'))`);
    params.push(like(text), like(text));
  }
  const outlet = q.outlet?.trim();
  if (outlet) {
    clauses.push(`EXISTS (${CURRENT} AND a.outlet LIKE ? ESCAPE '\\')`);
    params.push(like(outlet));
  }
  if (q.from || q.to) {
    const day = "substr(a.published, 1, 10)";
    const range = [`a.published IS NOT NULL AND a.published <> ''`];
    if (q.from) {
      range.push(`${day} >= ?`);
      params.push(q.from);
    }
    if (q.to) {
      range.push(`${day} <= ?`);
      params.push(q.to);
    }
    clauses.push(`EXISTS (${CURRENT} AND ${range.join(' AND ')})`);
  }
  if (q.conflicts === 'some') clauses.push(`${BUILT} AND s.conflicts > 0`);
  else if (q.conflicts === 'none') clauses.push(`${BUILT} AND s.conflicts = 0`);
  else if (q.conflicts === 'unbuilt') clauses.push(`s.conflicts_version <> s.version`);
  const sort = q.sort ?? 'updated';
  const key = SORT_KEYS[sort];
  const dir = (q.order ?? defaultOrder(sort)) === 'asc' ? 'ASC' : 'DESC';
  return { where: clauses.join(' AND '), params, orderBy: `${key} IS NULL, ${key} ${dir}, s.id ASC` };
}
