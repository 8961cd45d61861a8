import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { Rendered } from './dossier-cache.js';

/**
 * Read responses (story lists, a story's articles, the UI's pages) kept as the bytes sent: plain,
 * gzipped and with an ETag, so a repeated read costs a key lookup and a copy, not a query, a render
 * and a compression. Each entry carries the version it was made for (the store's last seq for lists,
 * the story's version for one story); a read for another version makes it afresh.
 */
export const READ_CACHE_ENTRIES = 2048;
/** Bodies shorter than this are sent plain: gzip gains nothing on a few hundred bytes. */
export const GZIP_MIN_BYTES = 1024;

interface Entry {
  version: string;
  rendered: Rendered;
}

/** A rendering of a body: its bytes, gzipped bytes and a content hash as ETag. */
export function renderBytes(text: string): Rendered {
  const body = Buffer.from(text, 'utf8');
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  return { body, gzip: body.length >= GZIP_MIN_BYTES ? gzipSync(body) : body, etag };
}

export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  /** Renderings in progress, so simultaneous first reads of one key make it once. */
  private readonly pending = new Map<string, Promise<Rendered>>();

  constructor(private readonly capacity = READ_CACHE_ENTRIES) {}

  /** The rendering of `key` for `version`, made by `make` when missing or made for another version. */
  async get(key: string, version: string, make: () => Promise<string>): Promise<Rendered> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Re-inserting marks it most recent (a Map iterates in insertion order).
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.rendered;
    }
    const at = `${version}\u0000${key}`;
    let p = this.pending.get(at);
    if (!p) {
      p = this.make(key, version, make).finally(() => this.pending.delete(at));
      this.pending.set(at, p);
    }
    return p;
  }

  get size(): number {
    return this.entries.size;
  }

  private async make(key: string, version: string, make: () => Promise<string>): Promise<Rendered> {
    const rendered = renderBytes(await make());
    this.entries.delete(key);
    this.entries.set(key, { version, rendered });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return rendered;
  }
}

/** Whether an Accept-Encoding header takes gzip (also read by src/server/fast-reads.ts). */
export const acceptsGzip = (acceptEncoding: string | undefined): boolean => /\bgzip\b/.test(acceptEncoding ?? '');

/** Sends a cached rendering: 304 when the client has it, gzipped when the client accepts it. */
export function sendRendered(c: Context, r: Rendered, type: string): Response {
  c.header('ETag', r.etag);
  c.header('Vary', 'Accept-Encoding');
  if (c.req.header('If-None-Match') === r.etag) return c.body(null, 304);
  c.header('Content-Type', type);
  if (r.gzip !== r.body && acceptsGzip(c.req.header('Accept-Encoding'))) {
    c.header('Content-Encoding', 'gzip');
    return c.body(bytesOf(r.gzip));
  }
  return c.body(bytesOf(r.body));
}

/** The buffer itself as the body (a copy only if it sits on shared memory): a cached read copies nothing. */
function bytesOf(b: Buffer): Uint8Array<ArrayBuffer> {
  return b.buffer instanceof ArrayBuffer ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b);
}

/** The request's query string in a stable order, so `?a=1&b=2` and `?b=2&a=1` share an entry. */
export function queryKey(c: Context): string {
  const params = new URL(c.req.url).searchParams;
  params.sort();
  return params.toString();
}
