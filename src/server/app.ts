import { timingSafeEqual, createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { normalisePublished } from '../extract/dates.js';
import { htmlArticleBounded, plainTextArticle } from '../ingest/articles.js';
import type { Article, ArticleMeta } from '../model/article.js';
import { contentSecurityPolicy } from '../report/html/page.js';
import type { ReportFormat } from '../report/index.js';
import type { Corpus } from '../store/corpus.js';
import type { ArticleStore, StorySummary } from '../store/types.js';
import { DossierCache, type SharedDossierStore } from './dossier-cache.js';
import type { FastReads } from './fast-reads.js';
import { queryKey, ReadCache, sendRendered as send } from './read-cache.js';
import { OPENAPI } from './openapi.js';
import { TurnReads } from './turn-reads.js';
import { queryStories } from '../store/story-query.js';
import { parseStoryQuery } from './story-params.js';
import { registerUi, uiErrorResponse } from './ui/routes.js';
import { guard, notFoundOr405 } from './guards.js';
import { DeadlineError } from '../extract/pool.js';

/** Largest POST body: a batch of a few hundred articles; a single article page is far below. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Articles accepted in one POST. */
export const MAX_BATCH = 1000;
export { DEFAULT_PAGE, MAX_PAGE } from './story-params.js';

export interface AppOptions {
  corpus: Corpus;
  /** When set, POST requires `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** With no token, writes are refused unless this is set (`serve --open-writes`). */
  openWrites?: boolean | undefined;
  /** Host names accepted besides loopback (`serve --allow-host`). */
  allowedHosts?: string[] | undefined;
  /** Time one posted page may take to extract (its work runs in a worker, off the event loop). */
  extractDeadlineMs?: number | undefined;
  /** Called after a POST stored at least one new article or version (serve arms its idle revision). */
  onStored?: (() => void) | undefined;
  /** Lets the UI's "read a feed" reach private and loopback addresses (tests; a trusted intranet). */
  allowPrivateNetwork?: boolean | undefined;
  /** Dossiers shared with other API servers and the dossier workers (PostgreSQL store only). */
  sharedDossiers?: SharedDossierStore | undefined;
  /** Where the read routes remember what they sent, for `serve` to answer repeats before Hono (fast-reads.ts). */
  fast?: FastReads | undefined;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** What one story's reads depend on: its version (articles joining, moves, splits) and its conflict count. */
export const storyVersion = (s: StorySummary): string => `${s.version}/${s.conflicts ?? '-'}/${s.updatedAt}`;

const DOSSIER_FORMATS: Record<string, { format: ReportFormat; type: string }> = {
  json: { format: 'json', type: 'application/json; charset=utf-8' },
  html: { format: 'html', type: 'text/html; charset=utf-8' },
  md: { format: 'md', type: 'text/markdown; charset=utf-8' },
};

function fail(status: 400 | 401 | 403 | 404 | 413 | 415, message: string): never {
  throw new HTTPException(status, { message });
}

function sameToken(given: string, expected: string): boolean {
  // Hash both so the comparison takes the same time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/**
 * Turns one posted JSON object into an Article, or says why it cannot. The body is either `text` (plain
 * text or Markdown: kept exactly as sent, front matter and junk lines marked as boilerplate) or `html`
 * (a page: the article text is extracted), built as the ingest path builds files of those kinds.
 */
export async function articleFromJson(value: unknown, index: number, deadlineMs?: number): Promise<Article | string> {
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
  const built = text !== null ? plainTextArticle(origin, 'text', text) : await htmlArticleBounded(origin, 'html', body, url, [], { alwaysInWorker: true, ...(deadlineMs ? { deadlineMs } : {}) });
  if (!built.ok) return `article ${index}: ${built.reason}`;
  // What the client sent wins over what the text itself says (plainTextArticle lets front matter win).
  return { ...built.article, ...sent };
}

/** The corpus HTTP API and web UI. Routes are tested in-process with `app.request()`. */
export function createApp(options: AppOptions): Hono {
  const { corpus } = options;
  const store: ArticleStore = corpus.store;
  const cache = new DossierCache(store, undefined, options.sharedDossiers);
  const reads = new ReadCache();
  // This process's own changes to what reads depend on: its commits and revisions, its dossier builds.
  const turn = new TurnReads(store, () => `${corpus.lastSeq}/${cache.builds}`);
  /** What a list depends on: every article and revision (the seq) and every conflict count (the builds). */
  const listVersion = async (): Promise<string> => `${await turn.lastSeq()}/${cache.builds}`;
  // The same versions read without waiting, for the fast path: undefined (so not current) until this turn has read them.
  const listCurrent = (version: string) => (): boolean => `${turn.seqNow() ?? '?'}/${cache.builds}` === version;
  const storyCurrent = (s: StorySummary): (() => boolean) => {
    const version = storyVersion(s);
    return () => {
      const now = turn.storyNow(s.id);
      return !!now && storyVersion(now) === version;
    };
  };
  const fast = options.fast;
  const app = new Hono();
  guard(app, { allowedHosts: options.allowedHosts });

  app.onError((err, c) => {
    const status = err instanceof HTTPException ? err.status : 500;
    const page = uiErrorResponse(c, status, err instanceof HTTPException ? err.message : 'internal error');
    if (page) return page;
    if (err instanceof HTTPException) return c.json({ error: { status: err.status, message: err.message } }, err.status);
    if (err instanceof DeadlineError) {
      c.header('Retry-After', '60');
      return c.json({ error: { status: 503, message: `building this dossier ${err.message}` } }, 503);
    }
    return c.json({ error: { status: 500, message: 'internal error' } }, 500);
  });
  const apiNotFound = notFoundOr405(app);
  app.notFound((c) => uiErrorResponse(c, 404, `There is no page at ${c.req.path}.`) ?? apiNotFound(c));

  // The counts change only with the store's seq: a probe polled every second costs a lookup, not two COUNT(*) scans.
  app.get('/health', async (c) => {
    const seq = await turn.lastSeq();
    const r = await reads.get('/health', String(seq), async () => JSON.stringify({ status: 'ok', articles: await store.countArticles(), stories: await store.countStories() }));
    fast?.remember(c, r, JSON_TYPE, () => turn.seqNow() === seq);
    return send(c, r, JSON_TYPE);
  });
  app.get('/openapi.json', (c) => c.json(OPENAPI));

  /** A live story, or a redirect to where a merged one went, or 404. */
  const findStory = async (c: Context, id: string, suffix: string): Promise<StorySummary | Response> => {
    const s = await turn.story(id);
    if (s) return s;
    const moved = await store.resolveStory(id);
    if (moved) {
      const q = new URL(c.req.url).search;
      return c.redirect(`${suffix.replace(':id', encodeURIComponent(moved))}${q}`, 308);
    }
    return fail(404, `no story ${id}`);
  };

  app.get('/stories', async (c) => {
    const q = parseStoryQuery((name) => c.req.query(name));
    if (typeof q === 'string') fail(400, q);
    const version = await listVersion();
    const r = await reads.get(`/stories?${queryKey(c)}`, version, async () => JSON.stringify(await queryStories(store, q)));
    fast?.remember(c, r, JSON_TYPE, listCurrent(version));
    return send(c, r, JSON_TYPE);
  });

  app.get('/stories/:id', async (c) => {
    const s = await findStory(c, c.req.param('id'), '/stories/:id');
    if (s instanceof Response) return s;
    const r = await reads.get(`/stories/${s.id}`, storyVersion(s), () => storyJson(s));
    fast?.remember(c, r, JSON_TYPE, storyCurrent(s));
    return send(c, r, JSON_TYPE);
  });

  const storyJson = async (s: StorySummary): Promise<string> => {
    const records = await store.storyArticles(s.id);
    return JSON.stringify({
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
  };

  app.get('/stories/:id/dossier', async (c) => {
    const name = c.req.query('format') ?? 'json';
    const f = DOSSIER_FORMATS[name];
    if (!f) fail(400, 'format must be json, html or md');
    const s = await findStory(c, c.req.param('id'), '/stories/:id/dossier');
    if (s instanceof Response) return s;
    const r = await cache.rendered(s, f.format);
    const csp = f.format === 'html' ? contentSecurityPolicy() : undefined;
    if (csp) c.header('Content-Security-Policy', csp);
    fast?.remember(c, r, f.type, storyCurrent(s), { csp });
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
      } else if (!options.openWrites) fail(403, 'writes are closed: start serve with --token (or --open-writes to accept writes from anyone who can reach it)');
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
        const a = await articleFromJson(item, i, options.extractDeadlineMs);
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

  registerUi(app, { corpus, cache, reads, turn, listVersion, storyVersion, fast, listCurrent, storyCurrent, token: options.token, openWrites: options.openWrites, onStored: options.onStored, allowPrivateNetwork: options.allowPrivateNetwork, toArticle: articleFromJson });

  return app;
}
