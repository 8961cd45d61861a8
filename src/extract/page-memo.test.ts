import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml, type HtmlResult } from './html.js';
import { extractOncePerPage } from './page-memo.js';
import { newsPage } from '../testing/adversarial.js';

function counting(): { extract: (h: string, u: string | null) => HtmlResult; calls: string[] } {
  const calls: string[] = [];
  return { calls, extract: (h, u) => (calls.push(u ?? ''), extractHtml(h, u)) };
}

void test('a page met again is extracted once, its copy equal to a fresh extraction and shared with no caller', () => {
  const page = newsPage(41, 8000);
  const { extract, calls } = counting();
  const first = extractOncePerPage(page, 'https://a.example/p', extract);
  const again = extractOncePerPage(page, 'https://a.example/p', extract);
  const elsewhere = extractOncePerPage(page, 'https://b.example/p', extract);
  assert.deepEqual(calls, ['https://a.example/p', 'https://b.example/p']);
  assert.deepEqual(again, extractHtml(page, 'https://a.example/p'));
  assert.deepEqual(elsewhere, extractHtml(page, 'https://b.example/p'));
  assert.ok(first.ok && again.ok);
  assert.notEqual(again.boilerplate, first.boilerplate);
});

void test('a failed extraction is not remembered', () => {
  let calls = 0;
  const failing = (): HtmlResult => (calls++, { ok: false, reason: 'no article' });
  extractOncePerPage('<p>x</p>', null, failing);
  extractOncePerPage('<p>x</p>', null, failing);
  assert.equal(calls, 2);
});
