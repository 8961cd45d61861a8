import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareClaims } from '../claims/index.js';
import { compareQuotes } from '../quotes/index.js';
import type { SourceDoc } from '../source-doc.js';
import { numberConflicts } from './number.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented people: how far from the depot someone lived is one measure, told in different sentences.
const conflictsOf = (docs: SourceDoc[]): ReturnType<typeof numberConflicts> => numberConflicts(docs, compareClaims(docs, compareQuotes(docs)));

void test('two distances someone lived away disagree; the same distance rounded does not', () => {
  const a = 'Morrow, who lived half a mile away from the depot, was taken to Orsk General.';
  const b = 'She had moved about two miles away from the depot years ago, a neighbour said.';
  const found = conflictsOf(docsOf(a, b));
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]?.sides.map((s) => s.value).sort(), ['about two miles', 'half a mile']);
  const c = 'She had moved about half a mile away from the depot years ago, a neighbour said.';
  assert.deepEqual(conflictsOf(docsOf(a, c)), []);
});

void test('an event told in other words is the same event: "ushered to safety" is "rescued"', () => {
  const a = 'Around 20 more workers at the Velby depot had to be ushered to safety, guards said.';
  const b = 'Firefighters at the Velby depot rescued another five workers from the balcony.';
  const found = conflictsOf(docsOf(a, b));
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]?.sides.map((s) => s.value).sort(), ['Around 20', 'five']);
});
