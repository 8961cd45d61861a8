import { createServer, type IncomingMessage, type RequestListener, type ServerOptions, type ServerResponse } from 'node:http';
import type { Context } from 'hono';
import type { Rendered } from './dossier-cache.js';
import { securityHeaderValues } from './guards.js';
import { acceptsGzip } from './read-cache.js';

/**
 * Repeated reads answered before Hono sees them. A cached read through Hono cost 0.20-0.25 ms of
 * server CPU (a Request and a Response object, Headers, three middlewares, the adapter copying
 * headers back), against 0.08 ms for node:http writing the same bytes; at 200 concurrent clients on
 * 2 cores that difference is the p99 (issue 15: `npm run bench -- api`).
 *
 * A route that sends a cached rendering remembers it here under the request's raw URL, with a
 * synchronous check that it is still what the route would send: the same version, read from the
 * values the requests of this event-loop turn already read (TurnReads). When the check cannot tell
 * (nothing read yet this turn, a Referer that changes the page, HEAD, a Host that Hono's guard has not
 * accepted) the request
 * goes through Hono as before, so the answers are the same bytes and headers either way
 * (src/server/fast-reads.test.ts compares both paths route by route).
 */
export const FAST_READ_ENTRIES = 4096;

interface FastEntry {
  rendered: Rendered;
  type: string;
  /** A stricter policy than the default (pages); undefined keeps the default. */
  csp: string | undefined;
  /** The page depends on the Referer (the UI's back link): only a request without one may use it. */
  refererFree: boolean;
  /** True while the route would send this rendering; false or unknown sends the request through Hono. */
  current: () => boolean;
}

export interface RememberOptions {
  csp?: string | undefined;
  refererFree?: boolean | undefined;
}

export class FastReads {
  private readonly entries = new Map<string, FastEntry>();
  /**
   * Host headers of the requests that remembered an entry: Hono's Host allow-list (guards.ts) let
   * them through, so the allow-list stays the one rule and this path only repeats its verdicts.
   */
  private readonly hosts = new Set<string>();
  /** Requests answered here (tests and the bench read it). */
  hits = 0;

  constructor(private readonly capacity = FAST_READ_ENTRIES) {}

  /** Called by a route that sent `rendered` for a GET: later GETs of the same URL may be answered here. */
  remember(c: Context, rendered: Rendered, type: string, current: () => boolean, o: RememberOptions = {}): void {
    if (c.req.method !== 'GET') return;
    const url = rawUrl(c);
    if (url === undefined) return;
    const host = c.req.header('Host');
    if (host === undefined || (o.refererFree && c.req.header('Referer') !== undefined)) return;
    this.hosts.add(host);
    this.entries.delete(url);
    this.entries.set(url, { rendered, type, csp: o.csp, refererFree: o.refererFree === true, current });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Answers the request if a current rendering is remembered for it; false leaves it to Hono. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' || req.url === undefined) return false;
    const e = this.entries.get(req.url);
    if (!e || (e.refererFree && req.headers.referer !== undefined)) return false;
    const host = req.headers.host;
    if (host === undefined || !this.hosts.has(host) || !e.current()) return false;
    this.hits++;
    const r = e.rendered;
    const headers: Record<string, string | number> = { ETag: r.etag, Vary: 'Accept-Encoding', ...securityHeaderValues(e.csp) };
    if (req.headers['if-none-match'] === r.etag) {
      res.writeHead(304, headers).end();
      return true;
    }
    headers['Content-Type'] = e.type;
    let body = r.body;
    if (r.gzip !== r.body && acceptsGzip(req.headers['accept-encoding'])) {
      headers['Content-Encoding'] = 'gzip';
      body = r.gzip;
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers).end(body);
    return true;
  }
}

/** The request line's URL as node:http received it (undefined under `app.request()` in tests). */
function rawUrl(c: Context): string | undefined {
  const env = c.env as { incoming?: { url?: unknown } } | undefined;
  const url = env?.incoming?.url;
  return typeof url === 'string' ? url : undefined;
}

/**
 * A node:http `createServer` for @hono/node-server's `serve({ createServer })`: each request is offered
 * to `fast` first and goes on to Hono's listener when it is not answered there.
 */
export function fastReadsServer(fast: FastReads): typeof createServer {
  const make = (options: ServerOptions, listener: RequestListener): ReturnType<typeof createServer> =>
    createServer(options, (req, res) => {
      if (!fast.serve(req, res)) void listener(req, res);
    });
  return make as typeof createServer;
}
