import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getHeapStatistics } from 'node:v8';
import { heapBudget, heapBudgetBytes } from './heap-budget.js';

const MB = 2 ** 20;

void test('the budget comes from CROSSCHECK_HEAP_BUDGET_MB, 0 turning it off, anything else the default', () => {
  assert.equal(heapBudgetBytes({ CROSSCHECK_HEAP_BUDGET_MB: '200' }), 200 * MB);
  assert.equal(heapBudgetBytes({ CROSSCHECK_HEAP_BUDGET_MB: '0' }), 0);
  const fallback = heapBudgetBytes({});
  assert.ok(fallback > 0);
  assert.equal(heapBudgetBytes({ CROSSCHECK_HEAP_BUDGET_MB: 'lots' }), fallback);
  assert.equal(heapBudgetBytes({ CROSSCHECK_HEAP_BUDGET_MB: '' }), fallback);
});

void test('over its budget the heap is collected, and the next collection waits for the heap to grow', () => {
  // A budget below what any process holds: the first check must collect.
  const heap = heapBudget(1);
  heap.check();
  assert.equal(heap.collections, 1);
  // Right after a collection the heap is far below twice what survived: no second collection.
  heap.check();
  assert.equal(heap.collections, 1);
  // Garbage kept alive past the limit (twice the survivors) brings the next one.
  const live = getHeapStatistics().used_heap_size;
  const hold: number[][] = [];
  while (getHeapStatistics().used_heap_size < 2.2 * live) hold.push(Array.from({ length: 4096 }, (_, i) => i));
  heap.check();
  assert.equal(heap.collections, 2);
  assert.ok(hold.length > 0);
});

void test('a budget of 0 never collects', () => {
  const heap = heapBudget(0);
  for (let i = 0; i < 3; i++) heap.check();
  assert.equal(heap.collections, 0);
});
