import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../model/article.js';
import { analyzeArticle } from './analyze.js';

function dates(text: string, published: string | null): [string, string | null][] {
  const a = analyzeArticle(makeArticle({ origin: 't', kind: 'text', text, meta: { published } }));
  return a.dates.map((d) => [d.text, d.value]);
}

void test('absolute dates resolve without a publication date', () => {
  assert.deepEqual(dates('It happened on July 9, 2025 and in February 2022, not in 2019.', null), [
    ['July 9, 2025', '2025-07-09'],
    ['February 2022', '2022-02'],
    ['2019', '2019'],
  ]);
});

void test('relative dates resolve against the publication date', () => {
  // 2025-07-10 is a Thursday.
  assert.deepEqual(dates('Yesterday he spoke; on Wednesday he flew; last year he won. Earlier today (9 July) it aired.', '2025-07-10'), [
    ['Yesterday', '2025-07-09'],
    ['on Wednesday', '2025-07-09'],
    ['last year', '2024'],
    ['Earlier today', '2025-07-10'],
    ['9 July', '2025-07-09'],
  ]);
});

void test('relative dates stay unresolved without a publication date', () => {
  assert.deepEqual(dates('He spoke yesterday and on Tuesday, July 8.', null), [
    ['yesterday', null],
    ['Tuesday, July 8', null],
  ]);
});

void test('a day and month later than the publication date is last year', () => {
  assert.deepEqual(dates('The deal was signed on December 3.', '2025-02-01'), [['December 3', '2024-12-03']]);
});
