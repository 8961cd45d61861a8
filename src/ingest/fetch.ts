import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { isRefusedAddress } from './address-policy.js';

// Fetching one URL safely: an honest user agent, a timeout over the whole exchange, a size cap enforced
// while streaming (compressed and decoded), at most MAX_REDIRECTS hops followed by hand, a content-type
// check, and private/loopback/link-local targets refused after DNS resolution on every hop.

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
}

export interface Fetched {
  /** The URL finally read, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  bytes: Buffer;
}

/** A fetch that failed for a reason the user should see (one sentence, no stack). */
export class FetchError extends Error {
  override name = 'FetchError';
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
    const req = client.request(url, {
      method: 'GET',
      headers: {
        'user-agent': USER_AGENT,
        accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,application/json;q=0.8,*/*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
      },
      lookup: guardedLookup(options.allowPrivateNetwork, options.refuseAddress),
      timeout: remaining,
    });
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
      if (status >= 300 && status < 400 && location) {
        res.resume();
        clearTimeout(timer);
        resolve({ status, location, contentType, bytes: Buffer.alloc(0) });
        return;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        fail(new FetchError(`HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`));
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
        resolve({ status, location: null, contentType, bytes: Buffer.concat(chunks) });
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
  };
  const deadline = Date.now() + opts.timeoutMs;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new FetchError('not a valid URL');
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`unsupported URL scheme ${url.protocol}`);
    const res = await oneHop(url, opts, deadline);
    if (res.location === null) return { url: url.href, status: res.status, contentType: res.contentType, bytes: res.bytes };
    if (hop >= MAX_REDIRECTS) throw new FetchError(`too many redirects (more than ${MAX_REDIRECTS})`);
    try {
      url = new URL(res.location, url);
    } catch {
      throw new FetchError(`bad redirect location ${res.location}`);
    }
  }
}
