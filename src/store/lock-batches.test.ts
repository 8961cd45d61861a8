import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LockBatches, type Exclusive } from './lock-batches.js';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 1));

void test('lock batches: tasks queued together share one hold of the lock, in order, at most maxBatch each', async () => {
  let holds = 0;
  let held = false;
  const exclusive: Exclusive = async (fn) => {
    assert.ok(!held, 'never held twice at once');
    held = true;
    holds++;
    await tick();
    try {
      return await fn();
    } finally {
      held = false;
    }
  };
  let before = 0;
  const b = new LockBatches(exclusive, 3, () => {
    assert.ok(!held, 'the catch-up runs outside the lock');
    before++;
    return Promise.resolve();
  });
  const order: number[] = [];
  const runs = Array.from({ length: 7 }, (_, i) =>
    b.locked(async () => {
      assert.ok(held);
      await tick();
      order.push(i);
      if (i === 4) throw new Error('four fails alone');
      return i;
    }),
  );
  const out = await Promise.allSettled(runs);
  assert.deepEqual(order, [0, 1, 2, 3, 4, 5, 6]);
  assert.equal(holds, 3, '7 tasks, 3 a hold');
  assert.equal(before, 3);
  assert.deepEqual(out.map((o) => o.status), ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
});

void test('lock batches: a serial task runs between locked ones without the lock; a failed lock fails one task', async () => {
  let held = false;
  let fail = true;
  const exclusive: Exclusive = async (fn) => {
    if (fail) {
      fail = false;
      throw new Error('connection refused');
    }
    held = true;
    try {
      return await fn();
    } finally {
      held = false;
    }
  };
  const b = new LockBatches(exclusive, 8);
  const first = b.locked(() => Promise.resolve('a'));
  const second = b.locked(() => Promise.resolve(held));
  const third = b.serial(() => Promise.resolve(held));
  await assert.rejects(first, /connection refused/);
  assert.equal(await second, true);
  assert.equal(await third, false);
});
