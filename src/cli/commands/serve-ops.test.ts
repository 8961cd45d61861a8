import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../server/app.js';
import { Corpus, MemoryStore } from '../../store/index.js';
import { withOps } from './serve-ops.js';

// What `crosscheck serve` runs: the API app with the ops routes. The guards, the 405 and the UI's
// error pages must hold for the whole of it, not only for createApp alone.
void test('serve: ops routes answer, and the guards, 405 and error pages cover the whole app', async () => {
  const app = await withOps(createApp, { corpus: await Corpus.open(new MemoryStore()) }, false);
  const at = async (path: string, init: RequestInit = {}): Promise<Response> => app.request(`http://localhost${path}`, init);
  assert.equal((await at('/healthz')).status, 200);
  assert.equal((await at('/readyz')).status, 200);
  const wrong = await at('/stories', { method: 'DELETE' });
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get('Allow'), 'GET, HEAD');
  const page = await at('/ui/no-such-page', { headers: { Accept: 'text/html' } });
  assert.equal(page.status, 404);
  assert.match(page.headers.get('Content-Type') ?? '', /^text\/html/);
  assert.equal((await at('/healthz', { headers: { Host: 'evil.example' } })).status, 421, 'a foreign Host is refused on ops routes too');
});
