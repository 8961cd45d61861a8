import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareClaims } from '../claims/index.js';
import { compareQuotes } from '../quotes/index.js';
import type { SourceDoc } from '../source-doc.js';
import { numberConflicts } from './number.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented people: one event's count on one named day is one fact, however differently it is told.
const conflictsOf = (docs: SourceDoc[]): ReturnType<typeof numberConflicts> => numberConflicts(docs, compareClaims(docs, compareQuotes(docs)));
const a = 'Kestrel Lund, one of 40 alleged Velby gang members seized on Tuesday, was freed on bail.';

void test('two counts of people arrested on the same named day disagree', () => {
  const b = 'Wiretapped calls helped lead to the Velby sweep on Tuesday in which 35 people were arrested after a long probe.';
  const found = conflictsOf(docsOf(a, b));
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]?.sides.map((s) => s.value).sort(), ['35', '40']);
});

void test('counts of another day, or sentences about other things with no day, are not compared', () => {
  const monday = 'Wiretapped calls helped lead to the Velby sweep on Monday in which 35 people were arrested after a long probe.';
  assert.deepEqual(conflictsOf(docsOf(a, monday)), []);
  const undated = 'Wiretapped calls helped lead to the Velby sweep in which 35 people were arrested after a long probe.';
  assert.deepEqual(conflictsOf(docsOf(a, undated)), []);
});
