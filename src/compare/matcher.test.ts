import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LexicalMatcher, type Passage } from './matcher.js';
import { nearSameKey } from './quotes/align.js';

// The matcher remembers overlaps by key sequence (copies of a sentence are compared once): every
// answer must be the bits a matcher that never saw the pair computes, whatever was asked before.
const key = fc.constantFrom('varga', 'lind', 'marek', 'voss', 'harbour', 'ferry', 'said', '#12', 'vote', 'vot');
const keys = fc.array(key, { minLength: 0, maxLength: 7 });

void test('LexicalMatcher: remembered overlaps give the same bits as fresh ones, copies and swapped pairs included', () => {
  fc.assert(
    fc.property(fc.array(keys, { minLength: 1, maxLength: 12 }), fc.array(fc.tuple(fc.nat(23), fc.nat(23)), { minLength: 1, maxLength: 40 }), fc.boolean(), (lists, pairs, fuzzy) => {
      // Each key list twice, as distinct passages: a copy has the same keys in another object.
      const passages: Passage[] = [...lists, ...lists].map((k) => ({ keys: [...k] }));
      const remembering = new LexicalMatcher(passages, fuzzy);
      for (const [x, y] of pairs) {
        const a = passages[x % passages.length] as Passage;
        const b = passages[y % passages.length] as Passage;
        const fresh = new LexicalMatcher(passages, fuzzy);
        assert.ok(Object.is(remembering.similarity(a, b), fresh.similarity(a, b)), 'similarity');
        assert.ok(Object.is(remembering.containment(a, b), fresh.containment(a, b)), 'containment');
      }
    }),
    { numRuns: 200, seed: 20261207 },
  );
});

/** The overlap as first written (string sets, A's keys in order), that the numbered keys must reproduce to the bit. */
function referenceSimilarity(m: LexicalMatcher, a: Passage, b: Passage, fuzzy: boolean, near: (x: string, y: string) => boolean): number {
  const A = new Set(a.keys);
  const B = new Set(b.keys);
  let common = 0;
  for (const k of A) {
    if (B.has(k)) common += m.weight(k);
    else if (fuzzy) {
      for (const j of B) {
        if (!A.has(j) && near(k, j)) {
          common += Math.min(m.weight(k), m.weight(j));
          break;
        }
      }
    }
  }
  let wa = 0;
  for (const k of A) wa += m.weight(k);
  let wb = 0;
  for (const k of B) wb += m.weight(k);
  return wa + wb === 0 ? 0 : (2 * common) / (wa + wb);
}

void test('LexicalMatcher: numbered keys give the bits of string sets, keys outside the corpus included', () => {
  const outside = fc.constantFrom('quay', 'harbor', 'votes');
  fc.assert(
    fc.property(fc.array(keys, { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(fc.array(fc.oneof(key, outside), { maxLength: 7 }), fc.array(fc.oneof(key, outside), { maxLength: 7 })), { minLength: 1, maxLength: 20 }), fc.boolean(), (corpus, pairs, fuzzy) => {
      const m = new LexicalMatcher(corpus.map((k) => ({ keys: k })), fuzzy);
      for (const [x, y] of pairs) {
        const a = { keys: x };
        const b = { keys: y };
        assert.ok(Object.is(m.similarity(a, b), referenceSimilarity(m, a, b, fuzzy, nearSameKey)));
      }
    }),
    { numRuns: 200, seed: 20261208 },
  );
});
