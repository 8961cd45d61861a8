import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findQuantities } from '../../nlp/quantities/index.js';
import { withStoryMemo } from '../text/story-memo.js';
import { quantitiesIn } from './number-memo.js';

// Sentences written for this test: figures at a sentence's very start and end (the characters
// around it are read), lists sharing a verb, codes with leading zeros, figures glued to a slash.
const SENTENCES = [
  'Six rifles, 12 magazines and 300 rounds were seized on Monday.',
  '40 people were hurt in the blast.',
  'The ferry carried 1,200 passengers and 35 crew',
  'Officers said the man, 61, was arrested at 0241 GMT.',
  'Fares rose 4.5% to $12 million last year.',
  'Desk 05 took 41/2 months to reopen.',
  'Between 30 and 40 homes were destroyed, officials said 7',
  'The boat waited at berth 05',
  ',5 crew stayed aboard.',
];

void test('quantitiesIn: the figures findQuantities reads in the whole text, sentence by sentence and remembered across copies', () => {
  fc.assert(
    fc.property(fc.array(fc.nat(SENTENCES.length - 1), { minLength: 1, maxLength: 8 }), fc.constantFrom('', 'Copy 2.\n', '/', '0'), fc.constantFrom(' ', ''), fc.boolean(), (picks, prefix, gap, excludeFirst) => {
      const body = picks.map((i) => SENTENCES[i] as string).join(gap);
      const text = prefix + body;
      const spans: { start: number; end: number }[] = [];
      let at = prefix.length;
      for (const i of picks) {
        const len = (SENTENCES[i] as string).length;
        spans.push({ start: at, end: at + len });
        at += len + gap.length;
      }
      const first = spans[0] as { start: number; end: number };
      const exclude = excludeFirst ? [{ start: first.start + 2, end: first.start + 9 }] : [];
      const expected = findQuantities(text, spans, exclude);
      withStoryMemo(() => {
        // Twice: the second read comes from the memo.
        for (let r = 0; r < 2; r++) assert.deepEqual(quantitiesIn(text, spans, exclude), expected);
      });
      assert.deepEqual(quantitiesIn(text, spans, exclude), expected);
    }),
    { numRuns: 150, seed: 20261208 },
  );
});
