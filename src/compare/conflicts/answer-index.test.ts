import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Span } from '../../model/span.js';
import { docsOf } from '../../testing/source-docs.js';
import { docAnswers } from './answer-index.js';
import { answers_, firstAnswer } from './unknown-vs-stated.js';

// The index must find the same answer as reading every sentence of the source in order.
const WORDS = ['nobody', 'else', 'was', 'inside', 'the', 'road', 'closed', 'may', 'if', 'fire', 'began', 'in', 'kitchen'];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 9 }).chain((ws) =>
  fc.constantFrom('.', '?', '!').map((end) => `${ws.join(' ').replace(/^./, (c) => c.toUpperCase())}${end}`),
);
const text = fc.array(sentence, { minLength: 1, maxLength: 8 }).map((ss) => ss.join(' '));
const question = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 4 });

void test('unknown-vs-stated answer index: the same first answer as testing every sentence', () => {
  fc.assert(
    fc.property(text, fc.array(question, { minLength: 1, maxLength: 6 }), (t, questions) => {
      const [doc] = docsOf(t);
      if (!doc) return;
      const index = docAnswers(doc);
      for (const words of questions) {
        const q = { words, choice: null };
        const plainLoop: Span | null = doc.sentences.find((s) => answers_(doc, s, q)) ?? null;
        assert.deepEqual(firstAnswer(index, q), plainLoop);
      }
    }),
    { numRuns: 150, seed: 20261207 },
  );
});
