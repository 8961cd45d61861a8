import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { MemoryStore } from '../store/memory.js';
import type { ArticleStore } from '../store/types.js';
import { TurnReads } from './turn-reads.js';

/** A store whose lastSeq and story reads are counted, with a seq the test moves as another process would. */
function counted(): { store: ArticleStore; reads: { seq: number; story: number }; setSeq: (n: number) => void } {
  const reads = { seq: 0, story: 0 };
  let seq = 3;
  const base = new MemoryStore();
  const store = Object.assign(Object.create(base) as ArticleStore, {
    lastSeq: () => (reads.seq++, Promise.resolve(seq)),
    story: (id: string) => (reads.story++, base.story(id)),
  });
  return { store, reads, setSeq: (n) => (seq = n) };
}

void test('turn reads: the requests of one turn share one read; the next turn reads again and sees another process write', async () => {
  const { store, reads, setSeq } = counted();
  const turn = new TurnReads(store, () => 'same');
  assert.deepEqual(await Promise.all([turn.lastSeq(), turn.lastSeq(), turn.lastSeq()]), [3, 3, 3]);
  await Promise.all([turn.story('s1'), turn.story('s1'), turn.story('s2')]);
  assert.deepEqual(reads, { seq: 1, story: 2 });
  setSeq(4);
  await nextTurn();
  assert.equal(await turn.lastSeq(), 4);
  assert.equal(reads.seq, 2);
});

void test("turn reads: this process's own change drops what was read in the same turn", async () => {
  const { store, reads, setSeq } = counted();
  let local = 'a';
  const turn = new TurnReads(store, () => local);
  assert.equal(await turn.lastSeq(), 3);
  setSeq(5);
  local = 'b';
  assert.equal(await turn.lastSeq(), 5);
  assert.equal(reads.seq, 2);
});

void test('turn reads: the peeks give a read value only once it resolved, in its own turn, and not after a local change', async () => {
  const { store, setSeq } = counted();
  let local = 'a';
  const turn = new TurnReads(store, () => local);
  assert.equal(turn.seqNow(), undefined, 'nothing read yet');
  const pending = turn.lastSeq();
  assert.equal(turn.seqNow(), undefined, 'read but not resolved');
  await pending;
  assert.equal(turn.seqNow(), 3);
  assert.equal(turn.storyNow('missing'), undefined);
  await turn.story('missing');
  assert.equal(turn.storyNow('missing'), null, 'a story that is not there is known not to be there');
  setSeq(4);
  local = 'b';
  assert.equal(turn.seqNow(), undefined, "this process's change drops the value");
  await turn.lastSeq();
  assert.equal(turn.seqNow(), 4);
  await nextTurn();
  assert.equal(turn.seqNow(), undefined, 'the next turn has read nothing yet');
});
