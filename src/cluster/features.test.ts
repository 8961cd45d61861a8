import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../model/article.js';
import { extractFeatures } from './features.js';

void test('features: names (single and multi-word), years, month-day dates and numbers are their own groups', () => {
  const a = makeArticle({
    origin: 'x',
    kind: 'text',
    text: 'The storm hit Port Selwyn on June 13, 2013, and Mayor Ana Ruiz said 42 homes were lost. Ruiz asked for help.',
    meta: { published: '2013-06-14' },
  });
  const f = extractFeatures(a);
  assert.ok(f.names.has('port selwyn'));
  assert.ok(f.names.has('ruiz'));
  assert.ok([...f.names.keys()].some((k) => k.endsWith('ana ruiz')), 'the full name, with any title before it');
  assert.ok(!f.names.has('june'), 'months are dates, not names');
  assert.ok(!f.names.has('the'), 'a capitalised stop word is not a name');
  assert.ok(f.dates.has('2013'));
  assert.ok(f.dates.has('6-13'));
  assert.ok(f.numbers.has('42'));
  assert.ok(!f.numbers.has('2013') && !f.numbers.has('13'), 'years and days of a date are dates, not numbers');
  assert.ok(f.words.has('storm') && f.words.has('home'), 'plurals folded');
  assert.equal(f.time, Date.parse('2013-06-14'));
});
