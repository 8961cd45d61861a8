import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributions } from '../testing.js';

void test('relayed-quote-goes-to-the-one-relayed', () => {
  const text = 'Coach Dana Whitfield remembered her first match against Lou Brenner. "I told Brenner, \'Not today.\' And he goes, \'Every day is mine.\'" Whitfield said.';
  const inner = attributions(text).filter((a) => a.pass === 'relayed-in-quote');
  assert.deepEqual(inner.map((a) => [a.text, a.speaker]), [
    ['Not today.', 'Dana Whitfield'],
    ['Every day is mine.', 'Lou Brenner'],
  ]);
});
