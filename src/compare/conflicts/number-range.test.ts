import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuantities, type Quantity } from '../../nlp/quantities/index.js';
import { compatible, isRange } from './number-range.js';

// Invented sentences: a range is an estimate of its own; bounds and rounding still agree.
const q = (s: string): Quantity => {
  const [first] = findQuantities(s, [{ start: 0, end: s.length }]);
  assert.ok(first, s);
  return first;
};
const agree = (a: string, b: string): boolean => compatible(q(a), q(b));

void test('two ranges agree only with the same ends', () => {
  assert.ok(isRange(q('Between 20 and 25 ferrymen joined the search.')));
  assert.ok(!agree('As many as 25 to 30 ferrymen joined the search.', 'As many as 20 to 30 ferrymen joined the search.'));
  assert.ok(agree('Three or four ferrymen joined the search.', 'Three or four ferrymen joined the search late.'));
});

void test('a range and one figure are two estimates, even at its end', () => {
  assert.ok(!agree('Three or four ferrymen joined the search.', 'Four ferrymen joined the search.'));
  assert.ok(!agree('As many as 25 to 30 ferrymen joined the search.', 'As many as 30 ferrymen joined the search.'));
});

void test('single figures keep their bounds and rounding', () => {
  assert.ok(agree('About 30 ferrymen joined the search.', 'As many as 30 ferrymen joined the search.'));
  assert.ok(agree('More than 24 ferrymen joined the search.', '31 ferrymen joined the search.'));
  assert.ok(!agree('Twenty ferrymen joined the search.', 'Thirty ferrymen joined the search.'));
});
