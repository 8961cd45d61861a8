import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decidedBy } from '../testing.js';

void test('according-to-after-the-quote', () => {
  const a = decidedBy('The ferry was "a floating wreck," according to Tomas Elgin, a former captain.', 'according-to');
  assert.equal(a?.speaker, 'Tomas Elgin');
});
