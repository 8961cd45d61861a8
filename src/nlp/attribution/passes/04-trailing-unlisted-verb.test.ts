import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decidedBy } from '../testing.js';

void test('trailing-name-and-unknown-verb', () => {
  const a = decidedBy('"Would you sign it again?" Wanda Pike pressed.', 'trailing-unlisted-verb');
  assert.deepEqual([a?.speaker, a?.span], ['Wanda Pike', 'Wanda Pike']);
});

void test('trailing-unknown-verb-then-name', () => {
  const a = decidedBy('"Our idea of a good harvest has changed," agrees Colm Ferris.', 'trailing-unlisted-verb');
  assert.equal(a?.speaker, 'Colm Ferris');
});

void test('trailing-clause-is-not-an-attribution', () => {
  assert.equal(decidedBy('"Stop," Wanda Pike wrote in large red letters on the gate.', 'trailing-unlisted-verb'), undefined);
});
