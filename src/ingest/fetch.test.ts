import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { fetchUrl, MAX_REDIRECTS, USER_AGENT } from './fetch.js';

// A local server on 127.0.0.1 stands in for the web: tests never touch the internet.
let server: Server;
let base = '';
let seenAgent = '';
const PAGE = '<html><body><p>hello</p></body></html>';

before(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    seenAgent = req.headers['user-agent'] ?? '';
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
    } else if (path === '/missing') {
      res.writeHead(404).end('not here');
    } else res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
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
