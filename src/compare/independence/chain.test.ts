import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { heaviestChain } from './chain.js';

/** The quadratic dynamic programme heaviestChain replaced: the reference it must agree with. */
function reference(cand: [number, number][], weight: (k: number) => number): number[] {
  const best: number[] = [];
  const prev: number[] = [];
  for (let k = 0; k < cand.length; k++) {
    const ck = cand[k] as [number, number];
    best[k] = weight(k);
    prev[k] = -1;
    for (let m = 0; m < k; m++) {
      const cm = cand[m] as [number, number];
      if (cm[0] >= ck[0] || cm[1] >= ck[1]) continue;
      const w = (best[m] ?? 0) + weight(k);
      if (w > (best[k] ?? 0)) {
        best[k] = w;
        prev[k] = m;
      }
    }
  }
  let end = -1;
  for (let k = 0; k < cand.length; k++) if (end < 0 || (best[k] ?? 0) > (best[end] ?? 0)) end = k;
  const chain: number[] = [];
  for (let k = end; k >= 0; k = prev[k] ?? -1) chain.unshift(k);
  return chain;
}

const SIZE = 12;
const pairs = fc.uniqueArray(fc.tuple(fc.nat(SIZE - 1), fc.nat(SIZE - 1)), { selector: ([x, y]) => x * SIZE + y, maxLength: 60 });

void test('the heaviest chain is the one the quadratic programme finds, ties included', () => {
  fc.assert(
    fc.property(pairs, fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 60, maxLength: 60 }), (raw, ws) => {
      const cand = [...raw].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
      const weight = (k: number): number => ws[k] ?? 1;
      assert.deepEqual(heaviestChain(cand.map((c) => c[0]), cand.map((c) => c[1]), SIZE, weight), reference(cand, weight));
    }),
    { numRuns: 300, seed: 20261207 },
  );
});

void test('a chain is strictly increasing in both orders and empty without candidates', () => {
  const cand: [number, number][] = [[0, 2], [1, 0], [1, 1], [2, 1], [3, 3]];
  const chain = heaviestChain(cand.map((c) => c[0]), cand.map((c) => c[1]), 4, () => 1).map((k) => cand[k]);
  assert.deepEqual(chain, [[1, 0], [2, 1], [3, 3]]);
  assert.deepEqual(heaviestChain([], [], 4, () => 1), []);
});

void test('every sentence pair a candidate (two long texts in one small vocabulary) stays fast', () => {
  // 1,000 x 1,000 candidates: the quadratic programme did 5 * 10^11 comparisons here (minutes);
  // the tree does about 2 * 10^7 steps
  const n = 1000;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      xs.push(x);
      ys.push(y);
    }
  }
  const started = performance.now();
  const chain = heaviestChain(xs, ys, n, () => 1);
  assert.equal(chain.length, n);
  assert.ok(performance.now() - started < 20_000, 'took too long');
});
