import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decidedBy } from '../testing.js';

void test('colon-intro-without-speech-verb', () => {
  const a = decidedBy('Judge Hanna Obi turned to the lawyers: "This court is not a stage for your quarrels."', 'colon-intro');
  assert.equal(a?.speaker, 'Hanna Obi');
});
