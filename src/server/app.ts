import { timingSafeEqual, createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { normalisePublished } from '../extract/dates.js';
import { htmlArticle, plainTextArticle } from '../ingest/articles.js';
import type { Article, ArticleMeta } from '../model/article.js';
import { contentSecurityPolicy } from '../report/html/page.js';
import type { ReportFormat } from '../report/index.js';
import type { Corpus } from '../store/corpus.js';
import type { ArticleStore, StorySummary } from '../store/types.js';
import { DossierCache, type Rendered, type SharedDossierStore } from './dossier-cache.js';
import { OPENAPI } from './openapi.js';
import { storyListPage, UI_CSP } from './ui.js';

/** Largest POST body: a batch of a few hundred articles; a single article page is far below. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Articles accepted in one POST. */
export const MAX_BATCH = 1000;
export const DEFAULT_PAGE = 50;
/** Time the story list page may spend building dossiers to show conflict counts; the rest show later. */
export const UI_DOSSIER_BUDGET_MS = 1500;
export const MAX_PAGE = 500;

export interface AppOptions {
  corpus: Corpus;
  /** When set, POST requires `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** Called after a POST stored at least one new article or version (serve arms its idle revision). */
  onStored?: (() => void) | undefined;
  /** Dossiers shared with other API servers and the dossier workers (PostgreSQL store only). */
  sharedDossiers?: SharedDossierStore | undefined;
}

const DOSSIER_FORMATS: Record<string, { format: ReportFormat; type: string }> = {
  json: { format: 'json', type: 'application/json; charset=utf-8' },
  html: { format: 'html', type: 'text/html; charset=utf-8' },
  md: { format: 'md', type: 'text/markdown; charset=utf-8' },
};

function fail(status: 400 | 401 | 404 | 413 | 415, message: string): never {
  throw new HTTPException(status, { message });
}

function sameToken(given: string, expected: string): boolean {
  // Hash both so the comparison takes the same time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function intParam(c: Context, name: string, fallback: number, min: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) fail(400, `${name} must be an integer from ${min} to ${max}`);
  return n;
}

/** Sends a cached rendering: 304 when the client has it, gzipped when the client accepts it. */
function send(c: Context, r: Rendered, type: string): Response {
  c.header('ETag', r.etag);
  c.header('Vary', 'Accept-Encoding');
  if (c.req.header('If-None-Match') === r.etag) return c.body(null, 304);
  c.header('Content-Type', type);
  if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
    c.header('Content-Encoding', 'gzip');
    return c.body(new Uint8Array(r.gzip));
  }
  return c.body(new Uint8Array(r.body));
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/**
 * Turns one posted JSON object into an Article, or says why it cannot. The body is either `text` (plain
 * text or Markdown: kept exactly as sent, front matter and junk lines marked as boilerplate) or `html`
 * (a page: the article text is extracted), built as the ingest path builds files of those kinds.
 */
export function articleFromJson(value: unknown, index: number): Article | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return `article ${index}: expected an object`;
  const o = value as Record<string, unknown>;
  for (const k of ['text', 'html', 'title', 'outlet', 'published', 'author', 'url', 'origin']) {
    if (o[k] !== undefined && o[k] !== null && typeof o[k] !== 'string') return `article ${index}: "${k}" must be a string`;
  }
  const text = str(o['text']);
  const html = str(o['html']);
  if (text !== null && html !== null) return `article ${index}: send either "text" or "html", not both`;
  const body = text ?? html;
  if (body === null) return `article ${index}: "text" (or "html") must be a non-empty string`;
  const published = str(o['published']);
  if (published && Number.isNaN(Date.parse(published))) return `article ${index}: "published" is not an ISO 8601 date`;
  const url = str(o['url']);
  const origin = str(o['origin']) ?? url ?? `api:${createHash('sha256').update(body).digest('hex').slice(0, 16)}`;
  // Only the fields sent: a field left out may still come from the page or the front matter.
  const sent: Partial<ArticleMeta> = {};
  for (const k of ['title', 'outlet', 'author', 'url'] as const) {
    const v = str(o[k]);
    if (v !== null) sent[k] = v;
  }
  if (published) sent.published = normalisePublished(published) ?? published;
  const built = text !== null ? plainTextArticle(origin, 'text', text) : htmlArticle(origin, 'html', body, url);
  if (!built.ok) return `article ${index}: ${built.reason}`;
  // What the client sent wins over what the text itself says (plainTextArticle lets front matter win).
  return { ...built.article, ...sent };
}

/** The corpus HTTP API and web UI. Routes are tested in-process with `app.request()`. */
export function createApp(options: AppOptions): Hono {
  const { corpus } = options;
  const store: ArticleStore = corpus.store;
  const cache = new DossierCache(store, undefined, options.sharedDossiers);
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof HTTPException) return c.json({ error: { status: err.status, message: err.message } }, err.status);
    return c.json({ error: { status: 500, message: 'internal error' } }, 500);
  });
  app.notFound((c) => c.json({ error: { status: 404, message: `no route for ${c.req.method} ${c.req.path}` } }, 404));

  app.get('/health', async (c) => c.json({ status: 'ok', articles: await store.countArticles(), stories: await store.countStories() }));
  app.get('/openapi.json', (c) => c.json(OPENAPI));

  /** A live story, or a redirect to where a merged one went, or 404. */
  const findStory = async (c: Context, id: string, suffix: string): Promise<StorySummary | Response> => {
    const s = await store.story(id);
    if (s) return s;
    const moved = await store.resolveStory(id);
    if (moved) {
      const q = new URL(c.req.url).search;
      return c.redirect(`${suffix.replace(':id', encodeURIComponent(moved))}${q}`, 308);
    }
    return fail(404, `no story ${id}`);
  };

  app.get('/stories', async (c) => {
    const limit = intParam(c, 'limit', DEFAULT_PAGE, 1, MAX_PAGE);
    const offset = intParam(c, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    return c.json({ total: await store.countStories(), stories: await store.listStories({ limit, offset }) });
  });

  app.get('/stories/:id', async (c) => {
    const s = await findStory(c, c.req.param('id'), '/stories/:id');
    if (s instanceof Response) return s;
    const records = await store.storyArticles(s.id);
    return c.json({
      story: s,
      articles: records.map((r) => ({
        id: r.id,
        origin: r.article.origin,
        outlet: r.article.outlet,
        title: r.article.title,
        published: r.article.published,
        url: r.article.url,
        version: r.version,
        nearDuplicateOf: r.nearDuplicateOf,
        ingestedAt: r.ingestedAt,
      })),
      events: await store.storyEvents(s.id),
    });
  });

  app.get('/stories/:id/dossier', async (c) => {
    const name = c.req.query('format') ?? 'json';
    const f = DOSSIER_FORMATS[name];
    if (!f) fail(400, 'format must be json, html or md');
    const s = await findStory(c, c.req.param('id'), '/stories/:id/dossier');
    if (s instanceof Response) return s;
    const r = await cache.rendered(s, f.format);
    if (f.format === 'html') c.header('Content-Security-Policy', contentSecurityPolicy());
    return send(c, r, f.type);
  });

  app.post(
    '/articles',
    async (c, next) => {
      if (options.token) {
        const auth = c.req.header('Authorization') ?? '';
        const m = /^Bearer\s+(.+)$/i.exec(auth);
        if (!m?.[1] || !sameToken(m[1].trim(), options.token)) {
          c.header('WWW-Authenticate', 'Bearer');
          fail(401, 'a valid bearer token is required');
        }
      }
      await next();
    },
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => fail(413, `request body over ${MAX_BODY_BYTES} bytes`) }),
    async (c) => {
      if (!/^application\/json\b/i.test(c.req.header('Content-Type') ?? '')) fail(415, 'send application/json');
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        fail(400, 'the body is not valid JSON');
      }
      const items: unknown[] = body && typeof body === 'object' && Array.isArray((body as { articles?: unknown }).articles) ? (body as { articles: unknown[] }).articles : [body];
      if (items.length === 0) fail(400, '"articles" is empty');
      if (items.length > MAX_BATCH) fail(413, `at most ${MAX_BATCH} articles per request`);
      const results = [];
      for (const [i, item] of items.entries()) {
        const a = articleFromJson(item, i);
        if (typeof a === 'string') {
          results.push({ status: 'error', error: a });
          continue;
        }
        const o = await corpus.ingest(a);
        results.push({ status: o.status, id: o.id, story: o.story, nearDuplicateOf: o.nearDuplicateOf, merged: o.merged });
      }
      if (items.length === 1 && results[0]?.status === 'error') fail(400, (results[0] as { error: string }).error);
      const stored = results.some((r) => r.status === 'stored' || r.status === 'version');
      if (stored) options.onStored?.();
      return c.json({ results }, stored ? 201 : 200);
    },
  );

  // Web UI.
  app.get('/', async (c) => {
    const limit = intParam(c, 'limit', DEFAULT_PAGE, 1, MAX_PAGE);
    const offset = intParam(c, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    let stories = await store.listStories({ limit, offset });
    // Conflict counts come from dossiers: build the missing ones for this page, within a time budget.
    const started = Date.now();
    let built = false;
    for (const s of stories) {
      if (s.conflicts !== null) continue;
      if (Date.now() - started > UI_DOSSIER_BUDGET_MS) break;
      await cache.dossier(s);
      built = true;
    }
    if (built) stories = await store.listStories({ limit, offset });
    c.header('Content-Security-Policy', UI_CSP);
    return c.html(storyListPage(stories, await store.countStories(), offset, limit));
  });

  app.get('/ui/stories/:id', async (c) => {
    const s = await findStory(c, c.req.param('id'), '/ui/stories/:id');
    if (s instanceof Response) return s;
    c.header('Content-Security-Policy', contentSecurityPolicy());
    return send(c, await cache.rendered(s, 'html'), 'text/html; charset=utf-8');
  });

  return app;
}
