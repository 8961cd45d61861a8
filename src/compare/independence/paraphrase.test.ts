import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { heaviestChain } from './chain.js';
import { alignSentences, PARAPHRASE_SENTENCE_SIMILARITY, sentenceIndex, type SentenceInfo } from './paraphrase.js';

// alignSentences looks only at the sentences of b that share a word (through b's index): the chain
// must be the one found by comparing every pair of sentences.
function everyPair(sa: SentenceInfo[], sb: SentenceInfo[]): [SentenceInfo, SentenceInfo][] {
  const cx: number[] = [];
  const cy: number[] = [];
  sa.forEach((x, i) =>
    sb.forEach((y, j) => {
      const c = [...x.words].filter((w) => y.words.has(w)).length;
      if (c && (2 * c) / (x.words.size + y.words.size) >= PARAPHRASE_SENTENCE_SIMILARITY) {
        cx.push(i);
        cy.push(j);
      }
    }),
  );
  const weight = (k: number): number => (sa[cx[k] ?? -1]?.tokens ?? 0) + (sb[cy[k] ?? -1]?.tokens ?? 0);
  return heaviestChain(cx, cy, sb.length, weight).map((k) => [sa[cx[k] ?? -1] as SentenceInfo, sb[cy[k] ?? -1] as SentenceInfo]);
}

void test('alignSentences: the same chain as comparing every pair of sentences', () => {
  const word = fc.constantFrom('varga', 'lind', 'marek', 'voss', 'harbour', 'ferry', 'vote', 'bridge', 'council', 'storm');
  const sentence = fc.record({ words: fc.array(word, { minLength: 1, maxLength: 7 }).map((ws) => new Set(ws)), tokens: fc.integer({ min: 1, max: 30 }) });
  const sentences = fc.array(sentence, { minLength: 0, maxLength: 14 }).map((xs) => xs.map((x, i): SentenceInfo => ({ ...x, span: { start: i * 10, end: i * 10 + 9 } })));
  fc.assert(
    fc.property(sentences, sentences, (sa, sb) => {
      assert.deepEqual(alignSentences(sa, sentenceIndex(sb)), everyPair(sa, sb));
    }),
    { numRuns: 300, seed: 20261207 },
  );
});
