import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keepWithParents } from './keep-with-parents.js';

interface Item {
  name: string;
  parent: number | null;
}

void test('dropped items shift the parent indices of the kept ones; a dropped parent becomes null', () => {
  const items: (Item | null)[] = [
    { name: 'a', parent: null },
    null,
    { name: 'b', parent: 0 },
    { name: 'c', parent: 2 },
    { name: 'd', parent: 1 },
  ];
  const kept = keepWithParents(
    items,
    (x): x is Item => x !== null,
    (x) => x.parent,
    (x, parent) => ({ ...x, parent }),
  );
  assert.deepEqual(kept, [
    { name: 'a', parent: null },
    { name: 'b', parent: 0 },
    { name: 'c', parent: 1 },
    { name: 'd', parent: null },
  ]);
  assert.equal(items[3]?.parent, 2, 'the input is not changed');
});
