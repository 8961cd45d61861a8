import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { FetchError, fetchUrl, MAX_REDIRECTS, retryAfterMs, USER_AGENT } from './fetch.js';

// A local server on 127.0.0.1 stands in for the web: tests never touch the internet.
let server: Server;
let base = '';
let seenAgent = '';
let seenHeaders: Record<string, string | string[] | undefined> = {};
/** A second origin (another port) for redirects that leave the first one. */
let other: Server;
let otherBase = '';
const ETAG = '"v1"';
const PAGE = '<html><body><p>hello</p></body></html>';

before(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    seenAgent = req.headers['user-agent'] ?? '';
    seenHeaders = req.headers;
    if (path === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else if (path === '/gzip') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(PAGE));
    } else if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      if (n <= 0) res.writeHead(200, { 'content-type': 'text/plain' }).end('arrived');
      else res.writeHead(302, { location: `/hop/${n - 1}` }).end();
    } else if (path === '/to-loopback-literal') {
      res.writeHead(301, { location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/page` }).end();
    } else if (path === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('x'.repeat(50_000)); // no content-length check possible when chunked
    } else if (path === '/big-declared') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '999999' }).end('x');
    } else if (path === '/image') {
      res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50]));
    } else if (path === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>');
      // never ends: the client's timeout must fire
    } else if (path === '/tagged') {
      if (req.headers['if-none-match'] === ETAG) res.writeHead(304, { etag: ETAG }).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG, 'last-modified': 'Mon, 01 Jan 2024 10:00:00 GMT' }).end('<rss></rss>');
    } else if (path === '/to-tagged') {
      res.writeHead(302, { location: '/tagged' }).end();
    } else if (path === '/stray-304') {
      res.writeHead(304).end();
    } else if (path === '/busy') {
      res.writeHead(503, { 'retry-after': '120' }).end();
    } else if (path === '/to-other') {
      res.writeHead(302, { location: `${otherBase}/echo` }).end();
    } else if (path === '/missing') {
      res.writeHead(404).end('not here');
    } else res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  other = createServer((req, res) => {
    seenHeaders = req.headers;
    res.writeHead(200, { 'content-type': 'text/plain' }).end('other');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
after(() => {
  for (const s of [server, other]) {
    s.closeAllConnections();
    s.close();
  }
});

const allowed = { allowPrivateNetwork: true };

void test('fetches a page with an honest user agent', async () => {
  const r = await fetchUrl(`${base}/page`, allowed);
  assert.equal(r.bytes.toString('utf8'), PAGE);
  assert.equal(r.contentType, 'text/html; charset=utf-8');
  assert.equal(seenAgent, USER_AGENT);
});

void test('loopback targets are refused unless the private network is allowed', async () => {
  await assert.rejects(fetchUrl(`${base}/page`), /refused.*private or local address.*--allow-private-network/);
  await assert.rejects(fetchUrl(`http://localhost:${new URL(base).port}/page`), /refused.*resolves to a private or local address/);
});

void test('the address check runs again on every redirect hop', async () => {
  // Only 127.0.0.2 is refused here, so the first hop (127.0.0.1) passes and the redirect does not.
  const refuseAddress = (a: string): boolean => a === '127.0.0.2';
  await assert.rejects(fetchUrl(`${base}/to-loopback-literal`, { refuseAddress }), /refused to fetch 127\.0\.0\.2/);
});

void test('gzip content encoding is decoded', async () => {
  const r = await fetchUrl(`${base}/gzip`, allowed);
  assert.equal(r.bytes.toString('utf8'), PAGE);
});

void test(`redirects are followed up to ${MAX_REDIRECTS} hops and no further`, async () => {
  const r = await fetchUrl(`${base}/hop/${MAX_REDIRECTS}`, allowed);
  assert.equal(r.bytes.toString('utf8'), 'arrived');
  assert.equal(r.url, `${base}/hop/0`);
  await assert.rejects(fetchUrl(`${base}/hop/${MAX_REDIRECTS + 1}`, allowed), /too many redirects/);
});

void test('size cap, content type, HTTP status and timeout each give a reason', async () => {
  await assert.rejects(fetchUrl(`${base}/big`, { ...allowed, maxBytes: 10_000 }), /too large/);
  await assert.rejects(fetchUrl(`${base}/big-declared`, { ...allowed, maxBytes: 10_000 }), /too large \(999999 bytes/);
  await assert.rejects(fetchUrl(`${base}/image`, allowed), /unsupported content type image\/png/);
  await assert.rejects(fetchUrl(`${base}/missing`, allowed), /HTTP 404/);
  await assert.rejects(fetchUrl(`${base}/slow`, { ...allowed, timeoutMs: 300 }), /timed out/);
});

void test('only http and https are fetched', async () => {
  await assert.rejects(fetchUrl('file:///etc/passwd', allowed), /unsupported URL scheme/);
  await assert.rejects(fetchUrl('not a url'), /not a valid URL/);
});

void test('a conditional GET sends the validators and returns 304 as not modified, with the response headers', async () => {
  const first = await fetchUrl(`${base}/tagged`, allowed);
  assert.equal(first.notModified, false);
  assert.equal(first.status, 200);
  assert.equal(first.headers.etag, ETAG);
  assert.equal(first.headers['last-modified'], 'Mon, 01 Jan 2024 10:00:00 GMT');
  const again = await fetchUrl(`${base}/to-tagged`, { ...allowed, headers: { 'If-None-Match': ETAG } });
  assert.equal(seenHeaders['if-none-match'], ETAG, 'the header is sent on the redirected hop too');
  assert.equal(again.notModified, true);
  assert.equal(again.status, 304);
  assert.equal(again.bytes.length, 0);
  assert.equal(again.url, `${base}/tagged`);
  assert.equal(again.headers.etag, ETAG);
});

void test('a 304 to an unconditional request is an error, and caller headers replace defaults but not reserved ones', async () => {
  await assert.rejects(fetchUrl(`${base}/stray-304`, allowed), /HTTP 304/);
  await fetchUrl(`${base}/page`, { ...allowed, headers: { Accept: 'text/plain' } });
  assert.equal(seenHeaders['accept'], 'text/plain');
  assert.equal(seenHeaders['accept-encoding'], 'gzip, deflate, br');
  await assert.rejects(fetchUrl(`${base}/page`, { ...allowed, headers: { 'Accept-Encoding': 'zstd' } }), /accept-encoding request header .* cannot be replaced/);
  await assert.rejects(fetchUrl(`${base}/page`, { ...allowed, headers: { 'x-bad': 'a\nb' } }), FetchError);
});

void test('credentials are not forwarded when a redirect leaves the first origin', async () => {
  await fetchUrl(`${base}/to-other`, { ...allowed, headers: { Authorization: 'Bearer secret', 'If-None-Match': ETAG } });
  assert.equal(seenHeaders['authorization'], undefined);
  assert.equal(seenHeaders['if-none-match'], ETAG);
  await fetchUrl(`${base}/page`, { ...allowed, headers: { Authorization: 'Bearer secret' } });
  assert.equal(seenHeaders['authorization'], 'Bearer secret', 'same origin keeps them');
});

void test('an error status carries the status and the Retry-After wait', async () => {
  const err = await fetchUrl(`${base}/busy`, allowed).then(
    () => assert.fail('expected a FetchError'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof FetchError);
  assert.equal(err.status, 503);
  assert.equal(err.retryAfterMs, 120_000);
  assert.equal(retryAfterMs('Mon, 01 Jan 2024 10:01:00 GMT', Date.parse('Mon, 01 Jan 2024 10:00:00 GMT')), 60_000);
  assert.equal(retryAfterMs('soon'), null);
  assert.equal(retryAfterMs(undefined), null);
});
