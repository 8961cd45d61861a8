import { decodeBytes } from '../ingest/decode.js';
import { charsetOf, FetchError, fetchUrl, type FetchOptions } from '../ingest/fetch.js';

// A conditional GET for feed polling: sends the validators from the last read (If-None-Match,
// If-Modified-Since), turns 304 into "not modified", and keeps the new validators for next time. The
// request itself is the ingest fetcher's (src/ingest/fetch.ts), with all its safety rules: address
// policy on every hop, redirect cap, timeout, size cap, content-type check.

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type ConditionalResult =
  | { status: 'not-modified' }
  | { status: 'ok'; url: string; body: string; validators: Validators }
  | { status: 'error'; reason: string; retryAfterMs: number | null };

export type ConditionalOptions = Pick<FetchOptions, 'allowPrivateNetwork' | 'timeoutMs' | 'maxBytes'>;

/** Feed types first: a server with several representations should send the feed. */
const FEED_ACCEPT = 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1';

function requestHeaders(validators: Validators): Record<string, string> {
  const headers: Record<string, string> = { accept: FEED_ACCEPT };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

/** One conditional GET of a feed; never throws (a failure is a result carrying the server's Retry-After). */
export async function conditionalGet(url: string, validators: Validators, options: ConditionalOptions = {}): Promise<ConditionalResult> {
  try {
    const res = await fetchUrl(url, { ...options, headers: requestHeaders(validators) });
    if (res.notModified) return { status: 'not-modified' };
    const decoded = decodeBytes(res.bytes, options.maxBytes, charsetOf(res.contentType));
    if (!decoded.ok) return { status: 'error', reason: decoded.reason, retryAfterMs: null };
    return {
      status: 'ok',
      url: res.url,
      body: decoded.text,
      validators: { etag: res.headers.etag ?? null, lastModified: res.headers['last-modified'] ?? null },
    };
  } catch (e) {
    if (e instanceof FetchError) return { status: 'error', reason: e.message, retryAfterMs: e.retryAfterMs };
    return { status: 'error', reason: `fetch failed: ${(e as Error).message}`, retryAfterMs: null };
  }
}
