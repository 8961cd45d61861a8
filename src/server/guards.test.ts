import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { Corpus } from '../store/corpus.js';
import { MemoryStore } from '../store/memory.js';
import { createApp } from './app.js';
import { concurrencyLimit } from './guards.js';

const app = async (options: Partial<Parameters<typeof createApp>[0]> = {}): Promise<Hono> => createApp({ corpus: await Corpus.open(new MemoryStore()), ...options });
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const article = 'The harbour authority said on Friday that the north pier would close for repairs in May. Its director said the work would take six weeks.';

void test('only loopback host names are served unless more are allowed (DNS rebinding)', async () => {
  const a = await app();
  assert.equal((await a.request('http://localhost:8080/health')).status, 200);
  assert.equal((await a.request('/health', { headers: { Host: '127.0.0.1:8080' } })).status, 200);
  assert.equal((await a.request('/health', { headers: { Host: '[::1]:8080' } })).status, 200);
  const evil = await a.request('/health', { headers: { Host: 'attacker.example:8080' } });
  assert.equal(evil.status, 421);
  const b = await app({ allowedHosts: ['news.internal'] });
  assert.equal((await b.request('/health', { headers: { Host: 'news.internal' } })).status, 200);
});

void test('writes need a token unless explicitly opened', async () => {
  const closed = await app();
  const res = await closed.request('/articles', json({ text: article }));
  assert.equal(res.status, 403);
  assert.match(((await res.json()) as { error: { message: string } }).error.message, /--token/);
  assert.equal((await (await app({ openWrites: true })).request('/articles', json({ text: article }))).status, 201);
});

void test('every response carries the security headers; a page keeps its own CSP', async () => {
  const a = await app();
  for (const path of ['/health', '/stories', '/nowhere', '/']) {
    const res = await a.request(path);
    assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff', path);
    assert.equal(res.headers.get('Referrer-Policy'), 'no-referrer', path);
    assert.ok(res.headers.get('Content-Security-Policy'), path);
    assert.match(res.headers.get('Cache-Control') ?? '', /private/, path);
  }
  assert.equal((await a.request('/health')).headers.get('Content-Security-Policy'), "default-src 'none'; frame-ancestors 'none'");
});

void test('a known path asked with the wrong method is 405 with Allow; an unknown path is 404', async () => {
  const a = await app();
  const del = await a.request('/articles', { method: 'DELETE' });
  assert.equal(del.status, 405);
  assert.equal(del.headers.get('Allow'), 'POST');
  const put = await a.request('/stories/abc', { method: 'PUT' });
  assert.equal(put.status, 405);
  assert.equal(put.headers.get('Allow'), 'GET, HEAD');
  assert.equal((await a.request('/no/such/route')).status, 404);
});

void test('requests past the limit in flight get 503 with Retry-After', async () => {
  let release = (): void => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const h = new Hono();
  h.use('*', concurrencyLimit(1));
  h.get('/slow', async (c) => {
    await gate;
    return c.text('done');
  });
  const first = h.request('/slow');
  const second = await h.request('/slow');
  assert.equal(second.status, 503);
  assert.equal(second.headers.get('Retry-After'), '1');
  release();
  assert.equal((await first).status, 200);
});

void test('posted text sent as html and deeply nested pages are 400 with a reason, never 500', async () => {
  const a = await app({ openWrites: true });
  const asHtml = await a.request('/articles', json({ html: 'hello' }));
  assert.equal(asHtml.status, 400);
  const deep = await a.request('/articles', json({ html: `<html><body>${'<div>'.repeat(100_000)}hi</body></html>` }));
  assert.equal(deep.status, 400);
  assert.match(((await deep.json()) as { error: { message: string } }).error.message, /nested/);
});
