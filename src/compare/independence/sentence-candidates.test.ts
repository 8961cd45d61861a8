import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sentenceCandidates } from './sentence-candidates.js';

const dice = (x: ReadonlySet<string>, y: ReadonlySet<string>): number => {
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size);
};
// Small vocabularies, so that many sentences share words; hosts of every size.
const words = fc.array(fc.constantFrom(...'abcdefghijklmnopqrst'.split('')), { maxLength: 14 }).map((ws) => new Set(ws));

void test('sentence candidates: every sentence the plain loop finds similar enough, in story order', () => {
  fc.assert(
    fc.property(fc.array(words, { minLength: 1, maxLength: 40 }), words, fc.constantFrom(0.3, 0.5, 0.05, 1), (sets, host, min) => {
      const sentences = sets.map((w) => ({ words: w }));
      const candidates = sentenceCandidates(sentences, min)(host);
      const plainLoop = sentences.map((_, k) => k).filter((k) => dice(host, (sentences[k] as { words: Set<string> }).words) >= min);
      assert.deepEqual([...candidates].sort((a, b) => a - b), candidates, 'ascending');
      assert.deepEqual(candidates.filter((k) => dice(host, (sentences[k] as { words: Set<string> }).words) >= min), plainLoop);
    }),
    { numRuns: 500, seed: 20261207 },
  );
});
