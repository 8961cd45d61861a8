import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeExtractPool } from '../extract/pool.js';
import { makeArticle } from '../model/article.js';
import { quoteDenseText } from '../testing/adversarial.js';
import { analyzeArticle } from './analyze.js';
import { analyzeEach, analyzeEachBounded, IN_PROCESS_ANALYSIS_CHARS } from './analyze-each.js';

const short = makeArticle({ origin: 'short.txt', kind: 'text', text: '“The pier will close in May,” the harbour director said on Tuesday.\n', meta: {} });
const long = makeArticle({ origin: 'long.txt', kind: 'text', text: quoteDenseText(9, IN_PROCESS_ANALYSIS_CHARS + 5000), meta: {} });

void test('an article whose analysis throws is left out with a one-line reason; the others go on', () => {
  const batch = analyzeEach([short, long], (a) => {
    if (a === long) throw new Error('boom\n    at somewhere');
    return analyzeArticle(a);
  });
  assert.deepEqual(batch.articles, [short]);
  assert.deepEqual(batch.problems, [{ origin: 'long.txt', reason: 'cannot analyse this article (boom)' }]);
});

void test('a long article is analysed in a worker to the same result, or left out at its deadline', async () => {
  const batch = await analyzeEachBounded([short, long]);
  assert.deepEqual(batch.problems, []);
  assert.deepEqual(batch.analyze(long), analyzeArticle(long));
  const late = await analyzeEachBounded([short, long], 1);
  assert.deepEqual(late.articles, [short]);
  assert.match(late.problems[0]?.reason ?? '', /^analysing this article took over 0.001 s: stopped$/);
  await closeExtractPool();
});
