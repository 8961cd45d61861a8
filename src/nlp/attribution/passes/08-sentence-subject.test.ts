import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decidedBy, attributions } from '../testing.js';

void test('sentence-subject-without-cue', () => {
  const a = decidedBy('Governor Lise Amdahl is offering the volunteers "a week of paid leave and a dinner at the town hall."', 'sentence-subject');
  assert.equal(a?.speaker, 'Lise Amdahl');
});

void test('sentence-subject-skips-scare-quotes', () => {
  assert.deepEqual(attributions('Ivo Marsh runs the "pop-up" shop near the station.').filter((a) => a.direct), []);
});

void test('sentence-subject-stops-at-a-complement-clause', () => {
  // The person after "ruled that" is talked about, not the subject: the opening phrase speaks.
  const a = decidedBy('Verity then ruled that Ana Lund was "right about the ferry timetable after all" in its review.', 'sentence-subject');
  assert.equal(a?.span, 'Verity');
});
