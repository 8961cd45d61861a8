import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributions, decidedBy } from '../testing.js';

void test('paragraph-continuation-after-an-attributed-quote', () => {
  const text = '"The lake froze in a single night," said ranger Petra Holm.\n\n"Nobody here had seen that before."';
  const a = decidedBy(text, 'paragraph-continuation');
  assert.deepEqual([a?.text, a?.speaker], ['Nobody here had seen that before.', 'Petra Holm']);
});

void test('paragraph-continuation-over-a-quoted-title', () => {
  const q = attributions('"The plan is sound and the town needs it," Holm, a harbour board member, said on the radio show "Morning Hour." "I mean, there is a lot of anger in the town about the delays."');
  const last = q.at(-1);
  assert.deepEqual([last?.pass, last?.speaker], ['paragraph-continuation', 'Holm']);
});
