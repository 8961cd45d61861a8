import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { isRefusedAddress } from '../ingest/address-policy.js';
import { USER_AGENT, MAX_REDIRECTS } from '../ingest/fetch.js';

// A conditional GET for feed polling: sends If-None-Match / If-Modified-Since, returns 304 as "not
// modified", and gives back the validators for next time. The ingest fetcher (src/ingest/fetch.ts)
// neither sends request headers nor returns response headers, so this small one exists; it keeps the
// same address policy (private and loopback targets refused unless allowed) and a size cap.

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type ConditionalResult =
  | { status: 'not-modified' }
  | { status: 'ok'; url: string; body: string; validators: Validators }
  | { status: 'error'; reason: string; retryAfterMs: number | null };

export interface ConditionalOptions {
  allowPrivateNetwork?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => isRefusedAddress(a.address));
      if (refused) return callback(new Error(`refused: ${hostname} resolves to a private or local address`), '', 0);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

function retryAfter(v: string | undefined): number | null {
  if (!v) return null;
  const s = Number(v);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - Date.now());
}

export async function conditionalGet(input: string, validators: Validators, options: ConditionalOptions = {}): Promise<ConditionalResult> {
  const allow = options.allowPrivateNetwork ?? false;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { status: 'error', reason: 'not a valid URL', retryAfterMs: null };
  }
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { status: 'error', reason: `unsupported URL scheme ${url.protocol}`, retryAfterMs: null };
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !allow && isRefusedAddress(host)) return { status: 'error', reason: `refused: ${host} is a private or local address`, retryAfterMs: null };
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.1', 'accept-encoding': 'gzip' };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    const r = await new Promise<ConditionalResult | { redirect: string }>((resolve) => {
      const client = url.protocol === 'https:' ? https : http;
      const req = client.request(url, { method: 'GET', headers, lookup: guardedLookup(allow), timeout: timeoutMs });
      req.on('timeout', () => req.destroy(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s`)));
      req.on('error', (e) => resolve({ status: 'error', reason: e.message, retryAfterMs: null }));
      req.on('response', (res) => {
        const code = res.statusCode ?? 0;
        if (code === 304) {
          res.resume();
          return resolve({ status: 'not-modified' });
        }
        if (code >= 300 && code < 400 && res.headers.location) {
          res.resume();
          return resolve({ redirect: res.headers.location });
        }
        if (code < 200 || code >= 300) {
          res.resume();
          return resolve({ status: 'error', reason: `HTTP ${code}`, retryAfterMs: retryAfter(res.headers['retry-after']) });
        }
        const stream: Readable = (res.headers['content-encoding'] ?? '').includes('gzip') ? res.pipe(createGunzip()) : res;
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) stream.destroy(new Error(`too large (over ${maxBytes} bytes)`));
          else chunks.push(c);
        });
        stream.on('error', (e) => resolve({ status: 'error', reason: e.message, retryAfterMs: null }));
        stream.on('end', () =>
          resolve({
            status: 'ok',
            url: url.href,
            body: Buffer.concat(chunks).toString('utf8'),
            validators: { etag: res.headers.etag ?? null, lastModified: res.headers['last-modified'] ?? null },
          }),
        );
      });
      req.end();
    });
    if (!('redirect' in r)) return r;
    try {
      url = new URL(r.redirect, url);
    } catch {
      return { status: 'error', reason: `bad redirect location ${r.redirect}`, retryAfterMs: null };
    }
  }
  return { status: 'error', reason: `too many redirects (more than ${MAX_REDIRECTS})`, retryAfterMs: null };
}
