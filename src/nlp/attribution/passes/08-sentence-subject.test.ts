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
