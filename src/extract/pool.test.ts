import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newsPage } from '../testing/adversarial.js';
import { closeExtractPool, DeadlineError, extractHtmlBounded, runInWorker } from './pool.js';

void test('a page past its deadline is stopped with a reason, and the next page is still extracted', async () => {
  const page = newsPage(4, 300_000);
  const stopped = await extractHtmlBounded(page, null, { deadlineMs: 1 });
  assert.deepEqual(stopped, { ok: false, reason: 'extracting the HTML took over 0.001 s: stopped' });
  const done = await extractHtmlBounded(page, null);
  assert.ok(done.ok && done.text.includes('harbour'));
  await closeExtractPool();
});

void test('a worker task past its deadline rejects with DeadlineError', async () => {
  await assert.rejects(runInWorker('server/dossier-worker', [], 1), DeadlineError);
  await closeExtractPool();
});
