import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PairScores } from './pair-scores.js';

// The table must answer as a Map<number, number> does, through growth and overwrites, large pair numbers included.
void test('PairScores: answers as a Map does, through growth and overwrites', () => {
  const pair = fc.oneof(fc.nat(5000), fc.nat({ max: 2 ** 40 }));
  fc.assert(
    fc.property(fc.array(fc.tuple(pair, fc.double({ noNaN: true })), { maxLength: 300 }), fc.array(pair, { maxLength: 50 }), (writes, reads) => {
      const table = new PairScores(2);
      const map = new Map<number, number>();
      for (const [k, v] of writes) {
        table.set(k, v);
        map.set(k, v);
      }
      for (const k of [...reads, ...map.keys()]) assert.ok(Object.is(table.get(k), map.get(k)), `pair ${k}`);
    }),
    { numRuns: 200, seed: 20261208 },
  );
});
