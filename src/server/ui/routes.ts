import type { Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Article } from '../../model/article.js';
import { contentSecurityPolicy } from '../../report/html/page.js';
import type { Corpus } from '../../store/corpus.js';
import { queryStories } from '../../store/story-query.js';
import type { ArticleStore, StoryQuery, StorySummary } from '../../store/types.js';
import type { DossierCache } from '../dossier-cache.js';
import { queryKey, sendRendered, type ReadCache } from '../read-cache.js';
import type { TurnReads } from '../turn-reads.js';
import type { FastReads } from '../fast-reads.js';
import { parseStoryQuery } from '../story-params.js';
import { addPage } from './add-page.js';
import { ASSETS, type Asset } from './assets.js';
import { registerIngestForms } from './ingest-forms.js';
import { storyHistory } from './history.js';
import { errorPage, UI_CSP } from './layout.js';
import { storyListPage } from './list-page.js';
import { storyPage, type StoryView } from './story-page.js';


export interface UiDeps {
  corpus: Corpus;
  cache: DossierCache;
  /** Rendered pages, kept per version (src/server/read-cache.ts). */
  reads: ReadCache;
  /** Store reads shared by the requests of one event-loop turn (src/server/turn-reads.ts). */
  turn: TurnReads;
  /** The version lists are made for: changes with every article, revision and dossier built. */
  listVersion: () => Promise<string>;
  /** The version one story's pages are made for. */
  storyVersion: (s: StorySummary) => string;
  /** The fast path of repeated reads (src/server/fast-reads.ts), with the checks that a list or a story's page is current. */
  fast?: FastReads | undefined;
  listCurrent: (version: string) => () => boolean;
  storyCurrent: (s: StorySummary) => () => boolean;
  token?: string | undefined;
  onStored?: (() => void) | undefined;
  allowPrivateNetwork?: boolean | undefined;
  /** Turns one posted object into an Article (app.ts's articleFromJson, shared with POST /articles). */
  toArticle: (value: unknown, index: number) => Promise<Article | string> | Article | string;
  /** With no token, the add forms are refused unless writes were opened (`serve --open-writes`). */
  openWrites?: boolean | undefined;
}

/** The web UI's paths: errors on them are pages, unless the caller asked for JSON (the UI's own script). */
export const isUiPath = (path: string): boolean => path === '/' || path === '/ui' || path.startsWith('/ui/');

export function uiErrorResponse(c: Context, status: number, message: string): Response | null {
  if (!isUiPath(c.req.path) || /application\/json/.test(c.req.header('Accept') ?? '')) return null;
  c.header('Content-Security-Policy', UI_CSP);
  return c.html(errorPage(status, message), status as 400);
}

function sendAsset(c: Context, a: Asset): Response {
  c.header('ETag', a.etag);
  c.header('Cache-Control', 'no-cache');
  if (c.req.header('If-None-Match') === a.etag) return c.body(null, 304);
  c.header('Content-Type', a.type);
  c.header('X-Content-Type-Options', 'nosniff');
  return c.body(a.body);
}

/** The list the user came from (same origin, list path), so "back" keeps their filters. */
function backHref(c: Context): string {
  const ref = c.req.header('Referer');
  if (!ref) return '/ui';
  try {
    const u = new URL(ref);
    return u.host === new URL(c.req.url).host && (u.pathname === '/ui' || u.pathname === '/') ? `/ui${u.search}` : '/ui';
  } catch {
    return '/ui';
  }
}

const HTML_TYPE = 'text/html; charset=utf-8';

/** A page from the read cache, under the UI's content security policy. */
const cachedPage = (c: Context, r: Parameters<typeof sendRendered>[1]): Response => {
  c.header('Content-Security-Policy', UI_CSP);
  return sendRendered(c, r, HTML_TYPE);
};

const htmlPage = (c: Context, body: string): Response => {
  c.header('Content-Security-Policy', UI_CSP);
  return c.html(body);
};

/**
 * A page of the list as it stands: a story whose dossier is not built says "not built yet", and its
 * build starts in the background (the list shows its count once built, the next time it is read).
 */
async function listPage(deps: UiDeps, q: StoryQuery): Promise<string> {
  const store = deps.corpus.store;
  const result = await queryStories(store, q);
  // Built when missing: the conflict count, and the independent sources (kept with the dossier).
  deps.cache.warm(result.stories.filter((s) => s.conflicts === null || deps.cache.independentSources(s) === null));
  const independent = new Map(result.stories.map((s) => [s.id, deps.cache.independentSources(s)]));
  // Filtering by conflicts leaves out the stories not built yet: say how many, and build them.
  let unbuilt: number | null = null;
  if (q.conflicts === 'some' || q.conflicts === 'none') {
    const waiting = await queryStories(store, { ...q, conflicts: 'unbuilt', offset: 0 });
    deps.cache.warm(waiting.stories);
    unbuilt = waiting.total;
  }
  return storyListPage(q, result, await store.countStories(), { independent, unbuilt });
}

/** A live story, a redirect to where a merged one went, or a 404 page. */
async function liveStory(c: Context, store: ArticleStore, turn: TurnReads, suffix: string): Promise<StorySummary | Response> {
  const id = c.req.param('id') ?? '';
  const s = await turn.story(id);
  if (s) return s;
  const moved = await store.resolveStory(id);
  if (moved) return c.redirect(`/ui/stories/${encodeURIComponent(moved)}${suffix}`, 308);
  throw new HTTPException(404, { message: `There is no story ${id}: it may have been split or never existed.` });
}

/** Everything the story page shows: articles, history, the articles the history names, the dossier. */
async function storyView(deps: UiDeps, s: StorySummary, back: string): Promise<StoryView> {
  const store = deps.corpus.store;
  const [records, events, dossier] = [await store.storyArticles(s.id), await storyHistory(store, s.id), await deps.cache.dossier(s)];
  const named: StoryView['named'] = new Map(records.map((r) => [r.id, r.article]));
  for (const id of new Set([...events.map((e) => e.article), ...records.map((r) => r.nearDuplicateOf ?? '')])) {
    if (!id || named.has(id)) continue;
    const r = await store.byId(id);
    if (r) named.set(id, r.article);
  }
  // The dossier was just built: the summary now carries its conflict count.
  const story = (await store.story(s.id)) ?? s;
  return { story, records, events, named, dossier, back };
}

export function registerUi(app: Hono, deps: UiDeps): void {
  const store = deps.corpus.store;
  const list = async (c: Context): Promise<Response> => {
    const q = parseStoryQuery((name) => c.req.query(name));
    if (typeof q === 'string') throw new HTTPException(400, { message: q });
    const version = await deps.listVersion();
    const r = await deps.reads.get(`/ui?${queryKey(c)}`, version, () => listPage(deps, q));
    deps.fast?.remember(c, r, HTML_TYPE, deps.listCurrent(version), { csp: UI_CSP });
    return cachedPage(c, r);
  };
  app.get('/', list);
  app.get('/ui', list);
  app.get(ASSETS.css.path, (c) => sendAsset(c, ASSETS.css));
  app.get(ASSETS.js.path, (c) => sendAsset(c, ASSETS.js));
  app.get('/ui/add', (c) => htmlPage(c, addPage(deps.token ? 'token' : deps.openWrites ? 'open' : 'closed')));

  app.get('/ui/stories/:id', async (c) => {
    const s = await liveStory(c, store, deps.turn, '');
    if (s instanceof Response) return s;
    const back = backHref(c);
    const r = await deps.reads.get(`/ui/stories/${s.id}\u0000${back}`, deps.storyVersion(s), async () => storyPage(await storyView(deps, s, back)));
    // The back link depends on the Referer: only requests without one share the remembered page.
    deps.fast?.remember(c, r, HTML_TYPE, deps.storyCurrent(s), { csp: UI_CSP, refererFree: true });
    return cachedPage(c, r);
  });

  app.get('/ui/stories/:id/dossier', async (c) => {
    const s = await liveStory(c, store, deps.turn, '/dossier');
    if (s instanceof Response) return s;
    const r = await deps.cache.rendered(s, 'html');
    const csp = contentSecurityPolicy();
    c.header('Content-Security-Policy', csp);
    deps.fast?.remember(c, r, HTML_TYPE, deps.storyCurrent(s), { csp });
    return sendRendered(c, r, HTML_TYPE);
  });

  registerIngestForms(app, deps);
}
