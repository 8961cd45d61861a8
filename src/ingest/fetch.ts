import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import * as http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import * as https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { isRefusedAddress } from './address-policy.js';

// Fetching one URL safely: an honest user agent, a timeout over the whole exchange, a size cap enforced
// while streaming (compressed and decoded), at most MAX_REDIRECTS hops followed by hand, a content-type
// check, and private/loopback/link-local targets refused after DNS resolution on every hop. Callers may
// add request headers (a feed poller sends If-None-Match / If-Modified-Since) and read the response's
// headers; a 304 answer to such a conditional request comes back as `notModified`, not as an error.

export const DEFAULT_TIMEOUT_MS = 15_000;
/** 5 MB: far above any news article page, well below what could exhaust memory. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Redirect hops followed before giving up (news sites chain http→https→www→canonical). */
export const MAX_REDIRECTS = 5;
export const USER_AGENT = 'crosscheck/0.1 (+https://github.com/crosscheck; news comparison tool)';
/** Content types crosscheck can read: HTML, XML feeds, plain text, JSON(L). */
const READABLE_TYPE = /^(?:text\/[\w.+-]+|application\/(?:xhtml\+xml|xml|rss\+xml|atom\+xml|rdf\+xml|json|ld\+json|feed\+json|x-ndjson|jsonl?))\s*(?:;|$)/i;

export interface FetchOptions {
  allowPrivateNetwork?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  /** The address policy (default: isRefusedAddress); replaceable so tests can refuse one local address. */
  refuseAddress?: (address: string) => boolean;
  /**
   * Extra request headers, sent on every hop (names are case-insensitive and replace the defaults, e.g.
   * `accept`). Headers the fetcher must control (see RESERVED_HEADERS) are refused. Credentials
   * (authorization, cookie) are dropped once a redirect leaves the first URL's origin.
   */
  headers?: Record<string, string>;
}

export interface Fetched {
  /** The URL finally read, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  bytes: Buffer;
  /** The final response's headers (names lower-case), e.g. etag, last-modified, retry-after. */
  headers: IncomingHttpHeaders;
  /** The server answered a conditional request with 304 Not Modified: `bytes` is empty, the caller's copy is current. */
  notModified: boolean;
}

/** Request headers the caller may not set: the fetcher decodes only what it asked for, and the rest belong to the connection. */
const RESERVED_HEADERS = new Set(['host', 'accept-encoding', 'connection', 'content-length', 'transfer-encoding', 'te', 'upgrade']);
/** Headers that carry credentials: not sent to an origin other than the one the caller named (as browsers do). */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);
/** Headers that make a GET conditional; only then is a 304 an answer rather than an error. */
const CONDITIONAL_HEADERS = ['if-none-match', 'if-modified-since'];

/** The charset a content type names (`text/xml; charset=iso-8859-1`), or null. */
export function charsetOf(contentType: string | null): string | null {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? null;
}

/** Milliseconds a Retry-After header asks to wait (seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | null {
  if (!value?.trim()) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

/** A fetch that failed for a reason the user should see (one sentence, no stack). */
export class FetchError extends Error {
  override name = 'FetchError';
  /** The HTTP status when the server answered with an error status, else null. */
  readonly status: number | null;
  /** How long the server asked to wait before retrying (Retry-After), else null. */
  readonly retryAfterMs: number | null;

  constructor(message: string, details: { status?: number; retryAfterMs?: number | null } = {}) {
    super(message);
    this.status = details.status ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }
}

function refusal(host: string, address: string): FetchError {
  return new FetchError(`refused to fetch ${host}: it resolves to a private or local address (${address}); use --allow-private-network to allow it`);
}

function guardedLookup(allowPrivate: boolean, refuse: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => refuse(a.address));
      if (refused) return callback(refusal(hostname, refused.address), '', 0);
      const first = addresses[0];
      if (!first) return callback(new FetchError(`${hostname} has no address`), '', 0);
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

interface Hop {
  status: number;
  location: string | null;
  contentType: string | null;
  bytes: Buffer;
  headers: IncomingHttpHeaders;
}

const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,application/json;q=0.8,*/*;q=0.1';

/** The caller's headers with lower-case names; throws on a reserved one. */
function callerHeaders(given: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    const key = name.toLowerCase();
    if (RESERVED_HEADERS.has(key)) throw new FetchError(`the ${key} request header is set by the fetcher and cannot be replaced`);
    out[key] = value;
  }
  return out;
}

function oneHop(url: URL, options: Required<FetchOptions>, deadline: number): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !options.allowPrivateNetwork && options.refuseAddress(host)) {
      reject(refusal(host, host));
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    const remaining = Math.max(1, deadline - Date.now());
    const conditional = CONDITIONAL_HEADERS.some((h) => h in options.headers);
    let req: http.ClientRequest;
    try {
      req = client.request(url, {
        method: 'GET',
        headers: { 'user-agent': USER_AGENT, accept: DEFAULT_ACCEPT, ...options.headers, 'accept-encoding': 'gzip, deflate, br' },
        lookup: guardedLookup(options.allowPrivateNetwork, options.refuseAddress),
        timeout: remaining,
      });
    } catch (e) {
      // Node validates header names and values synchronously.
      reject(new FetchError(`bad request: ${(e as Error).message}`));
      return;
    }
    const timer = setTimeout(() => req.destroy(new FetchError(`timed out after ${Math.round(options.timeoutMs / 1000)} s`)), remaining);
    const fail = (e: Error): void => {
      clearTimeout(timer);
      reject(e instanceof FetchError ? e : new FetchError(`fetch failed: ${e.message}`));
    };
    req.on('timeout', () => req.destroy(new FetchError(`timed out after ${Math.round(options.timeoutMs / 1000)} s`)));
    req.on('error', fail);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location ?? null;
      const contentType = res.headers['content-type'] ?? null;
      if (status === 304 && conditional) {
        res.resume();
        clearTimeout(timer);
        resolve({ status, location: null, contentType, bytes: Buffer.alloc(0), headers: res.headers });
        return;
      }
      if (status !== 304 && status >= 300 && status < 400 && location) {
        res.resume();
        clearTimeout(timer);
        resolve({ status, location, contentType, bytes: Buffer.alloc(0), headers: res.headers });
        return;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        fail(new FetchError(`HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, { status, retryAfterMs: retryAfterMs(res.headers['retry-after']) }));
        return;
      }
      if (contentType && !READABLE_TYPE.test(contentType)) {
        res.destroy();
        fail(new FetchError(`unsupported content type ${contentType.split(';')[0] ?? contentType}`));
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        res.destroy();
        fail(new FetchError(`too large (${declared} bytes, limit ${options.maxBytes})`));
        return;
      }
      let raw = 0;
      res.on('data', (chunk: Buffer) => {
        raw += chunk.length;
        if (raw > options.maxBytes) res.destroy(new FetchError(`too large (over ${options.maxBytes} bytes)`));
      });
      const encoding = (res.headers['content-encoding'] ?? '').toLowerCase().trim();
      let stream: Readable = res;
      if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(createGunzip());
      else if (encoding === 'deflate') stream = res.pipe(createInflate());
      else if (encoding === 'br') stream = res.pipe(createBrotliDecompress());
      if (stream !== res) res.on('error', (e) => stream.destroy(e));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) stream.destroy(new FetchError(`too large (over ${options.maxBytes} bytes decoded)`));
        else chunks.push(chunk);
      });
      stream.on('error', fail);
      stream.on('end', () => {
        clearTimeout(timer);
        resolve({ status, location: null, contentType, bytes: Buffer.concat(chunks), headers: res.headers });
      });
    });
    req.end();
  });
}

/** Fetches an http(s) URL under the safety rules above; throws FetchError with a one-sentence reason. */
export async function fetchUrl(input: string, options: FetchOptions = {}): Promise<Fetched> {
  const opts: Required<FetchOptions> = {
    allowPrivateNetwork: options.allowPrivateNetwork ?? false,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    refuseAddress: options.refuseAddress ?? isRefusedAddress,
    headers: callerHeaders(options.headers ?? {}),
  };
  const deadline = Date.now() + opts.timeoutMs;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new FetchError('not a valid URL');
  }
  const firstOrigin = url.origin;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`unsupported URL scheme ${url.protocol}`);
    const res = await oneHop(url, opts, deadline);
    if (res.location === null) {
      return { url: url.href, status: res.status, contentType: res.contentType, bytes: res.bytes, headers: res.headers, notModified: res.status === 304 };
    }
    if (hop >= MAX_REDIRECTS) throw new FetchError(`too many redirects (more than ${MAX_REDIRECTS})`);
    try {
      url = new URL(res.location, url);
    } catch {
      throw new FetchError(`bad redirect location ${res.location}`);
    }
    if (url.origin !== firstOrigin) opts.headers = withoutCredentials(opts.headers);
  }
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name)));
}
