import { STORY_SORTS, type StoryQuery, type StorySort } from '../store/types.js';

/**
 * The story list's query parameters, shared by GET /stories and the web UI's list, checked into a
 * StoryQuery or refused with a sentence saying which parameter is wrong.
 */
export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 500;
export const CONFLICT_FILTERS = ['some', 'none', 'unbuilt'] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function int(raw: string | undefined, name: string, fallback: number, min: number, max: number): number | string {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : `${name} must be an integer from ${min} to ${max}`;
}

function day(raw: string | undefined): string | null | undefined {
  if (raw === undefined || raw === '') return undefined;
  return DAY.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : null;
}

/** Reads the parameters through `get` (a query string lookup); a string result is the reason for a 400. */
export function parseStoryQuery(get: (name: string) => string | undefined): StoryQuery | string {
  const limit = int(get('limit'), 'limit', DEFAULT_PAGE, 1, MAX_PAGE);
  if (typeof limit === 'string') return limit;
  const offset = int(get('offset'), 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  if (typeof offset === 'string') return offset;
  const q: StoryQuery = { limit, offset };
  const text = get('q')?.trim();
  if (text) q.text = text;
  const outlet = get('outlet')?.trim();
  if (outlet) q.outlet = outlet;
  for (const name of ['from', 'to'] as const) {
    const d = day(get(name));
    if (d === null) return `${name} must be a day as YYYY-MM-DD`;
    if (d !== undefined) q[name] = d;
  }
  if (q.from && q.to && q.from > q.to) return 'from must not be after to';
  const conflicts = get('conflicts');
  if (conflicts) {
    if (!(CONFLICT_FILTERS as readonly string[]).includes(conflicts)) return `conflicts must be one of ${CONFLICT_FILTERS.join(', ')}`;
    q.conflicts = conflicts as (typeof CONFLICT_FILTERS)[number];
  }
  const sort = get('sort');
  if (sort) {
    if (!(STORY_SORTS as readonly string[]).includes(sort)) return `sort must be one of ${STORY_SORTS.join(', ')}`;
    q.sort = sort as StorySort;
  }
  const order = get('order');
  if (order) {
    if (order !== 'asc' && order !== 'desc') return 'order must be asc or desc';
    q.order = order;
  }
  return q;
}

/** The query as URL parameters (defaults left out), for links that keep the user's filters. */
export function storyQueryParams(q: StoryQuery, change: Partial<StoryQuery> = {}): URLSearchParams {
  const m = { ...q, ...change };
  const p = new URLSearchParams();
  if (m.text) p.set('q', m.text);
  if (m.outlet) p.set('outlet', m.outlet);
  if (m.from) p.set('from', m.from);
  if (m.to) p.set('to', m.to);
  if (m.conflicts) p.set('conflicts', m.conflicts);
  if (m.sort) p.set('sort', m.sort);
  if (m.order) p.set('order', m.order);
  if (m.limit !== undefined && m.limit !== DEFAULT_PAGE) p.set('limit', String(m.limit));
  if (m.offset) p.set('offset', String(m.offset));
  return p;
}
