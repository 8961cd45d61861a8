import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareClaims } from '../claims/index.js';
import { compareQuotes } from '../quotes/index.js';
import { type SourceDoc } from '../source-doc.js';
import { sentencePeriod } from './number-context.js';
import { numberConflicts } from './number.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented people: a rate for one year and a rate over several are two facts, not a dispute.
const conflictsOf = (docs: SourceDoc[]): ReturnType<typeof numberConflicts> => numberConflicts(docs, compareClaims(docs, compareQuotes(docs)));

void test('the years a sentence states its figures for', () => {
  const p = (s: string): string | null => sentencePeriod(s, { start: 0, end: s.length }, []);
  assert.equal(p('From 2007 through 2014 the couple paid a rate of 31 percent.'), '2007-2014');
  assert.equal(p('Their rate for 2014 was 35 percent.'), '2014');
  assert.equal(p('Their rate was 35 percent.'), null);
  assert.equal(p('The rate was 35 percent in 2012 and 30 percent in 2014.'), null);
});

void test('figures for different periods are no dispute; the same period still is', () => {
  const one = 'The Varnholt couple paid an effective federal tax rate of 35.7 percent for 2014, their returns show.';
  const span = 'The Varnholt couple paid an effective federal tax rate of 31.5 percent from 2007 through 2014, their returns show.';
  assert.deepEqual(conflictsOf(docsOf(one, span)), []);
  const other = 'The Varnholt couple paid an effective federal tax rate of 31.5 percent for 2014, their returns show.';
  assert.equal(conflictsOf(docsOf(one, other)).length, 1);
});
