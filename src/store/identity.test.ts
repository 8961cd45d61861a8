import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../model/article.js';
import { contentId, urlKey } from './identity.js';
import { jaccardEstimate, minhash, NEAR_DUPLICATE_JACCARD } from './minhash.js';

const art = (text: string, url: string | null = null) => makeArticle({ origin: url ?? 'x.txt', kind: 'text', text, meta: { url } });

void test('content identity ignores white space, case and quote style, but not words', () => {
  assert.equal(contentId(art('He said “no”.\n\nThen  left.')), contentId(art('he said "no". then left.')));
  assert.notEqual(contentId(art('He said no.')), contentId(art('He said yes.')));
});

void test('URL identity drops fragments, tracking parameters, www and trailing slashes; keeps real parameters', () => {
  assert.equal(urlKey(art('a', 'https://www.news.example/a/b/?utm_source=x&id=3#top')), urlKey(art('a', 'http://news.example/a/b?id=3')));
  assert.notEqual(urlKey(art('a', 'https://news.example/a?id=3')), urlKey(art('a', 'https://news.example/a?id=4')));
  assert.equal(urlKey(art('a')), 'x.txt');
});

void test('MinHash: a lightly edited copy is a near-duplicate, an independent report is not', () => {
  const base = Array.from({ length: 40 }, (_, i) => `Sentence ${i} tells how the river bridge in Northfield collapsed on Monday morning.`).join(' ');
  const copy = `From our agency. ${base} Reporting by staff.`;
  const other = Array.from({ length: 40 }, (_, i) => `Line ${i}: the central bank raised its main interest rate again this week.`).join(' ');
  assert.ok(jaccardEstimate(minhash(base), minhash(copy)) >= NEAR_DUPLICATE_JACCARD);
  assert.ok(jaccardEstimate(minhash(base), minhash(other)) < 0.1);
  assert.deepEqual(minhash(base), minhash(base), 'deterministic');
});
