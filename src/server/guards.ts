import type { Context, Hono, MiddlewareHandler } from 'hono';

// The middleware that keeps `serve` safe to run on a desktop and responsive under load: a Host
// allow-list (DNS rebinding), security headers on every response, 405 with Allow for a known path
// asked with the wrong method, and a limit on requests in flight (503 with Retry-After when full).

/** Host names accepted by default: loopback only, so a page on another site cannot reach the API by rebinding its DNS name. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]', '::1'] as const;
/**
 * Requests handled at once. Past it, new ones get 503 at once rather than queueing behind CPU-heavy
 * dossier builds: the client retries after Retry-After, and the server's memory stays bounded.
 */
export const MAX_IN_FLIGHT = 256;
/** Seconds a client is told to wait when the server is full. */
export const RETRY_AFTER_S = 1;
/** Node's defaults (60 s for headers, 300 s per request) let slow clients hold sockets for minutes. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** Everything but pages: a JSON or Markdown response is never rendered as a document. */
const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'";

export interface GuardOptions {
  /** Extra host names (or host:port) accepted besides loopback, e.g. the name a proxy forwards. */
  allowedHosts?: string[] | undefined;
  maxInFlight?: number | undefined;
}

function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d+$/, '');
}

/** Refuses requests whose Host header is not an allowed name (421: the request was not meant for this server). */
export function hostAllowList(extra: string[] = []): MiddlewareHandler {
  const allowed = new Set<string>([...LOOPBACK_HOSTS, ...extra.map((h) => h.toLowerCase())]);
  return async (c, next) => {
    const given = c.req.header('Host') ?? new URL(c.req.url).host;
    if (!allowed.has(hostName(given)) && !allowed.has(given.toLowerCase())) {
      return c.json({ error: { status: 421, message: `host ${JSON.stringify(given.slice(0, 100))} is not served here (serve --allow-host adds names)` } }, 421);
    }
    await next();
  };
}

/**
 * The security headers of every response (src/server/fast-reads.ts sends the same ones): `csp` is a
 * stricter policy a route set (its pages). The corpus may hold private material, so no shared cache
 * keeps a response; ETags still let a client revalidate.
 */
export function securityHeaderValues(csp: string | undefined): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Security-Policy': csp ?? DEFAULT_CSP,
    'Cache-Control': 'private, no-cache',
  };
}

/** Headers a route may set itself (a page's policy, an asset's caching); the others are always ours. */
const ROUTE_MAY_SET = new Set(['Content-Security-Policy', 'Cache-Control']);

/** Security headers on every response; a stricter CSP or a Cache-Control set by a route is kept. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    for (const [name, value] of Object.entries(securityHeaderValues(undefined))) if (!(ROUTE_MAY_SET.has(name) && h.has(name))) h.set(name, value);
  };
}

/** 503 with Retry-After once `max` requests are in flight. */
export function concurrencyLimit(max = MAX_IN_FLIGHT): MiddlewareHandler {
  let inFlight = 0;
  return async (c, next) => {
    if (inFlight >= max) {
      c.header('Retry-After', String(RETRY_AFTER_S));
      return c.json({ error: { status: 503, message: 'the server is busy: retry shortly' } }, 503);
    }
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  };
}

/** Methods each registered path answers (GET implies HEAD), for 405 responses. */
function allowedMethods(app: Hono, path: string): string[] {
  const methods = new Set<string>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    const pattern = new RegExp(`^${r.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+').replace(/\*/g, '.*')}$`);
    if (pattern.test(path)) methods.add(r.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/** The not-found handler: 405 with Allow for a known path asked with another method, else 404. */
export function notFoundOr405(app: Hono): (c: Context) => Response {
  return (c) => {
    const allow = allowedMethods(app, c.req.path);
    if (allow.length > 0 && !allow.includes(c.req.method)) {
      c.header('Allow', allow.join(', '));
      return c.json({ error: { status: 405, message: `${c.req.method} is not allowed on ${c.req.path} (allowed: ${allow.join(', ')})` } }, 405);
    }
    return c.json({ error: { status: 404, message: `no route for ${c.req.method} ${c.req.path}` } }, 404);
  };
}

/** Adds the guards to an app; call before its routes. */
export function guard(app: Hono, options: GuardOptions = {}): void {
  app.use('*', securityHeaders());
  app.use('*', hostAllowList(options.allowedHosts ?? []));
  app.use('*', concurrencyLimit(options.maxInFlight ?? MAX_IN_FLIGHT));
  app.notFound(notFoundOr405(app));
}
