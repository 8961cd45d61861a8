import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decidedBy } from '../testing.js';

void test('previous-sentence-reports-the-speaker', () => {
  const text = 'The vote may go the other way, analyst Corin Vale says. "Three members have changed their minds since March."';
  const a = decidedBy(text, 'previous-sentence');
  assert.equal(a?.speaker, 'Corin Vale');
});
