import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuantities } from '../../nlp/quantities/index.js';
import { compareClaims } from '../claims/index.js';
import { compareQuotes } from '../quotes/index.js';
import type { SourceDoc } from '../source-doc.js';
import { placeOf } from './number-place.js';
import { numberConflicts } from './number.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented towns (Velby, Orsk) and marches: a crowd is one place's crowd.
const conflictsOf = (docs: SourceDoc[]): ReturnType<typeof numberConflicts> => numberConflicts(docs, compareClaims(docs, compareQuotes(docs)));
const placesIn = (text: string): (string | null)[] => {
  const [doc] = docsOf(text);
  assert.ok(doc);
  return findQuantities(text, doc.sentences).map((q) => placeOf(doc, q));
};

void test('the place a crowd is counted in: the nearest name after in/of/at, as the place list spells it', () => {
  assert.deepEqual(placesIn('In Velby, about 4,000 people marched on the town hall.'), ['velby']);
  assert.deepEqual(placesIn('Clashes broke out in the northern town of Orsk, where 3,000 people marched.'), ['orsk']);
  assert.deepEqual(placesIn('Some 9,000 people rallied in Bombay on Sunday.'), ['mumbai']);
  // Only counts kept per place: a toll is not.
  assert.deepEqual(placesIn('The blast in Orsk killed 12 people.'), [null]);
});

void test("two towns' crowds are two facts; one town's two counts are one", () => {
  const a = 'About 20,000 people marched in Velby on Saturday, while 6,000 people marched in Orsk.';
  const b = 'Police said as many as 9,000 people marched through the streets of Velby.';
  const found = conflictsOf(docsOf(a, b));
  assert.equal(found.length, 1);
  const sides = found[0]?.sides.map((s) => s.value).sort();
  assert.deepEqual(sides, ['About 20,000', 'as many as 9,000']);
  assert.match(found[0]?.summary ?? '', /who turned out in Velby:/);
  assert.deepEqual(conflictsOf(docsOf('About 20,000 people marched in Velby on Saturday.', 'About 6,000 people marched in Orsk on Saturday.')), []);
});
