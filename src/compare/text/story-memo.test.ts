import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoInStory, withStoryMemo } from './story-memo.js';
import { outletsIn } from '../conflicts/common.js';

void test('a memoised result is computed once inside a story and every time outside one', () => {
  let calls = 0;
  const compute = (): number => ++calls;
  withStoryMemo(() => {
    assert.equal(memoInStory('t', 'k', compute), 1);
    assert.equal(memoInStory('t', 'k', compute), 1);
    assert.equal(memoInStory('u', 'k', compute), 2);
  });
  memoInStory('t', 'k', compute);
  assert.equal(calls, 3);
});

void test('outletsIn gives the same spans, at each caller’s own offset, with the memo as without', () => {
  const sentence = 'The minister told Reuters and the BBC on Tuesday.';
  const text = `Intro line.\n${sentence}\nMore.\n${sentence}\n`;
  const first = { start: text.indexOf(sentence), end: text.indexOf(sentence) + sentence.length };
  const second = { start: text.lastIndexOf(sentence), end: text.lastIndexOf(sentence) + sentence.length };
  const plain = [outletsIn(text, first), outletsIn(text, second)];
  const memo = withStoryMemo(() => [outletsIn(text, first), outletsIn(text, second)]);
  assert.deepEqual(memo, plain);
  assert.ok((plain[1]?.length ?? 0) > 0);
  assert.equal(plain[1]?.[0]?.span.start, (plain[0]?.[0]?.span.start ?? 0) + second.start - first.start);
  assert.notEqual(memo[0]?.[0], memo[1]?.[0]);
});

void test('quantitiesIn equals findQuantities inside a story, each caller’s sentences by identity', async () => {
  const { quantitiesIn } = await import('../conflicts/number-memo.js');
  const { findQuantities } = await import('../../nlp/quantities/index.js');
  const text = 'At least seven people were hurt.\nThe repairs cost $4 million.\n';
  const spans = (): { start: number; end: number }[] => [{ start: 0, end: 32 }, { start: 33, end: 61 }];
  const mine = spans();
  const theirs = spans();
  const [a, b] = withStoryMemo(() => [quantitiesIn(text, mine, []), quantitiesIn(text, theirs, [])]);
  assert.deepEqual(a, findQuantities(text, spans(), []));
  assert.ok((b?.length ?? 0) >= 2);
  assert.ok(b?.every((q) => theirs.includes(q.sentence)));
  assert.ok(a?.every((q) => mine.includes(q.sentence)));
});
