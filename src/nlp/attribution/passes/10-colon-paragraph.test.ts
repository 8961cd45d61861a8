import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decidedBy } from '../testing.js';

void test('colon-paragraph-introduces-the-next', () => {
  const text = 'In a statement, the club chairman Nils Ekdahl wrote:\n\n"We will appeal the ruling and we expect to win."';
  assert.equal(decidedBy(text, 'colon-paragraph')?.speaker, 'Nils Ekdahl');
});
