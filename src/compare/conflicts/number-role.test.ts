import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuantities, type Quantity } from '../../nlp/quantities/index.js';
import { roleOf, sameMeasure, weakMeasure } from './number-measure.js';
import { numberConflicts } from './number.js';
import { compareClaims } from '../claims/index.js';
import { compareQuotes } from '../quotes/index.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented people and places: a count of people named by who they are is a measure of its own.
const q = (s: string): Quantity => {
  const [first] = findQuantities(s, [{ start: 0, end: s.length }]);
  assert.ok(first, s);
  return first;
};

void test('who a count of people counts: a role noun, not "people"', () => {
  assert.equal(roleOf(q('Four pirates crossed the Velby ridge at dawn.')), roleOf(q('Three pirates crossed the ridge.')));
  assert.equal(roleOf(q('Four people crossed the Velby ridge at dawn.')), null);
  assert.ok(!weakMeasure(q('Four pirates crossed the Velby ridge at dawn.')));
  assert.ok(weakMeasure(q('Four people crossed the Velby ridge at dawn.')));
  assert.ok(!sameMeasure(q('Four pirates crossed the ridge.'), q('Twelve firefighters crossed the ridge.')));
});

void test('outlets giving other counts of the same role in one account disagree', () => {
  const a = 'Three or four pirates crossed the Velby ridge near the Orsk checkpoint before dawn, guards said.';
  const b = 'Four pirates crossed the Velby ridge near the Orsk checkpoint before dawn, guards said.';
  const docs = docsOf(a, b);
  const found = numberConflicts(docs, compareClaims(docs, compareQuotes(docs)));
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]?.sides.map((s) => s.value).sort(), ['Four', 'Three or four']);
  const same = docsOf(b, 'Four pirates crossed the Velby ridge near the Orsk checkpoint, guards said.');
  assert.deepEqual(numberConflicts(same, compareClaims(same, compareQuotes(same))), []);
});
