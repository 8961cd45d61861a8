import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LexicalMatcher, type Passage } from './matcher.js';

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
