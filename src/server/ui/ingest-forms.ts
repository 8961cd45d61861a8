import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Article } from '../../model/article.js';
import { tokenMatches } from '../auth.js';
import { readFeedOnce } from '../feed-once.js';
import { resultsPage, type UiResult } from './add-page.js';
import { UI_CSP } from './layout.js';
import type { UiDeps } from './routes.js';
import { readUpload } from './upload.js';

/** A form post's body: an upload of a few files, each within what POST /articles accepts. */
export const MAX_FORM_BYTES = 20 * 1024 * 1024;

const fail = (status: 400 | 401 | 403 | 413, message: string): never => {
  throw new HTTPException(status, { message });
};

type Form = Record<string, string | File | (string | File)[]>;

const field = (form: Form, name: string): string | undefined => {
  const v = form[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * Forms are plain POSTs, which any site could make a browser send: refuse those another site started
 * (Sec-Fetch-Site, or an Origin naming another host), and ask for the token when the server has one.
 */
function guard(c: Context, form: Form, token: string | undefined, openWrites: boolean): void {
  const site = c.req.header('Sec-Fetch-Site');
  const origin = c.req.header('Origin');
  const host = new URL(c.req.url).host;
  if ((site && site !== 'same-origin' && site !== 'none') || (origin && origin !== 'null' && new URL(origin).host !== host)) {
    fail(403, 'this form can only be sent from the crosscheck page itself');
  }
  if (!token) {
    if (!openWrites) fail(403, 'adding articles is closed: start serve with --token (or --open-writes to accept them from anyone who can reach it)');
    return;
  }
  const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1]?.trim();
  const given = bearer ?? field(form, 'token') ?? '';
  if (!given || !tokenMatches(given, token)) fail(401, 'a valid access token is required to add articles');
}

/** The three add forms' handlers, sharing how articles are ingested and how results are answered. */
class FormIngest {
  constructor(private readonly deps: UiDeps) {}

  /** Ingests articles one by one, in order. */
  async ingest(articles: Article[]): Promise<UiResult[]> {
    const out: UiResult[] = [];
    for (const a of articles) {
      const o = await this.deps.corpus.ingest(a);
      out.push({ origin: a.origin, ...(a.title ? { title: a.title } : {}), status: o.status, id: o.id, story: o.story });
    }
    return out;
  }

  /** Names the result's story by its title, so the user recognises it. */
  async named(r: UiResult): Promise<UiResult> {
    return r.story ? { ...r, storyTitle: (await this.deps.corpus.store.story(r.story))?.title ?? r.story } : r;
  }

  stored(results: UiResult[]): void {
    if (results.some((r) => r.status === 'stored' || r.status === 'version')) this.deps.onStored?.();
  }

  async answer(c: Context, all: UiResult[]): Promise<Response> {
    const results = await Promise.all(all.map((r) => this.named(r)));
    this.stored(results);
    if (/application\/json/.test(c.req.header('Accept') ?? '')) return c.json({ results });
    c.header('Content-Security-Policy', UI_CSP);
    return c.html(resultsPage(results));
  }

  /** A feed's results as NDJSON, one line per item as soon as it is read: the UI shows them arrive. */
  streamFeed(url: string, options: { allowPrivateNetwork?: boolean }): Response {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start: async (controller) => {
        let chain = Promise.resolve();
        const send = (r: UiResult): void => {
          chain = chain.then(async () => controller.enqueue(encoder.encode(`${JSON.stringify(await this.named(r))}\n`)));
        };
        try {
          this.stored(await readFeedOnce(this.deps.corpus, url, options, send));
        } catch (e) {
          send({ origin: url, status: 'error', error: `reading the feed failed: ${e instanceof Error ? e.message : String(e)}` });
        }
        await chain;
        controller.close();
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } });
  }

  async form(c: Context): Promise<Form> {
    let form: Form;
    try {
      const parsed: Record<string, unknown> = await c.req.parseBody({ all: true });
      form = parsed as Form;
    } catch {
      return fail(400, 'the form could not be read');
    }
    guard(c, form, this.deps.token, this.deps.openWrites === true);
    return form;
  }

  readonly text = async (c: Context): Promise<Response> => {
    const form = await this.form(c);
    const value: Record<string, string> = { [field(form, 'html') ? 'html' : 'text']: field(form, 'text') ?? '' };
    for (const k of ['title', 'outlet', 'published', 'url'] as const) {
      const v = field(form, k)?.trim();
      if (v) value[k] = v;
    }
    const a = await this.deps.toArticle(value, 0);
    if (typeof a === 'string') fail(400, a.replace(/^article 0: /, ''));
    return this.answer(c, await this.ingest([a as Article]));
  };

  readonly file = async (c: Context): Promise<Response> => {
    const raw = (await this.form(c))['file'];
    const files = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((f): f is File => typeof f !== 'string');
    if (files.length === 0) fail(400, 'choose at least one file');
    const results: UiResult[] = [];
    for (const f of files) {
      const read = await readUpload(f.name || 'upload', new Uint8Array(await f.arrayBuffer()));
      for (const p of read.problems) results.push({ origin: p.origin, status: 'error', error: p.reason });
      results.push(...(await this.ingest(read.articles)));
    }
    return this.answer(c, results);
  };

  readonly feed = async (c: Context): Promise<Response> => {
    const url = field(await this.form(c), 'url')?.trim() ?? '';
    if (!/^https?:\/\/[^\s]+$/i.test(url)) fail(400, 'give the feed as an http:// or https:// URL');
    const options = this.deps.allowPrivateNetwork ? { allowPrivateNetwork: true } : {};
    if (/application\/x-ndjson/.test(c.req.header('Accept') ?? '')) return this.streamFeed(url, options);
    return this.answer(c, await readFeedOnce(this.deps.corpus, url, options));
  };
}

export function registerIngestForms(app: Hono, deps: UiDeps): void {
  const forms = new FormIngest(deps);
  const limit = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: () => fail(413, `the upload is over ${MAX_FORM_BYTES / 1024 / 1024} MB`) });
  app.post('/ui/add/text', limit, forms.text);
  app.post('/ui/add/file', limit, forms.file);
  app.post('/ui/add/feed', limit, forms.feed);
}
