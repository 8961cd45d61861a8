import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decidedBy } from '../testing.js';

void test('sentence-end-cue-after-more-words', () => {
  const a = decidedBy('Olga Wren arrived late. The offer was "far too low for a house like ours" to be taken seriously, she said.', 'sentence-end-cue');
  assert.deepEqual([a?.speaker, a?.span], ['Olga Wren', 'she']);
});

void test('sentence-end-cue-inverted', () => {
  const a = decidedBy('The council met. "This will be a long winter" for the new mayor and her staff, said Ottilie Brann.', 'sentence-end-cue');
  assert.equal(a?.speaker, 'Ottilie Brann');
});
