import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decidedBy } from '../testing.js';

void test('paragraph-continuation-after-an-attributed-quote', () => {
  const text = '"The lake froze in a single night," said ranger Petra Holm.\n\n"Nobody here had seen that before."';
  const a = decidedBy(text, 'paragraph-continuation');
  assert.deepEqual([a?.text, a?.speaker], ['Nobody here had seen that before.', 'Petra Holm']);
});
