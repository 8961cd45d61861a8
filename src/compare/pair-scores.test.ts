import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PairScores } from './pair-scores.js';

// The table must answer as a Map keyed by pair does, through overwrites, in its dense form and in its
// Map form (a story too big for the dense one).
void test('PairScores: answers as a Map does, dense and beyond the dense size', () => {
  fc.assert(
    fc.property(fc.constantFrom(2, 7, 60, 5000), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ noNaN: true })), { maxLength: 200 }), (n, writes) => {
      const table = new PairScores(n);
      const map = new Map<number, number>();
      const pair = (x: number, y: number): [number, number] => {
        const a = x % n;
        const b = a + 1 + (y % (n - a - 1 || 1));
        return b < n ? [a, b] : [0, 1];
      };
      for (const [x, y, v] of writes) {
        const [i, j] = pair(x, y);
        assert.ok(Object.is(table.get(i, j), map.get(i * n + j)), 'before the write');
        table.set(i, j, v);
        map.set(i * n + j, v);
      }
      for (const [x, y] of writes) {
        const [i, j] = pair(y, x);
        assert.ok(Object.is(table.get(i, j), map.get(i * n + j)), `pair ${i} ${j}`);
      }
    }),
    { numRuns: 200, seed: 20261208 },
  );
});
