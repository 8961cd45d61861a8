import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeArticle, type Article } from '../model/article.js';
import { decodeCheckpoint, encodeCheckpoint, type CorpusSnapshot } from './checkpoint.js';
import { Corpus } from './corpus.js';
import { SqliteStore } from './sqlite.js';
import type { ArticleStore } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-checkpoint-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const topics = ['harbour fire in Eastport', 'council vote on the Westbury tram', 'flooding along the Rill valley'];
const article = (i: number): Article =>
  makeArticle({ origin: `o${i}`, kind: 'text', text: `Report ${i} on the ${topics[i % 3]!}: witnesses counted ${i + 3} crews at the scene on Friday night.`, meta: { published: `2026-03-0${1 + (i % 5)}` } });

/** The same store without checkpoints: opening it replays the whole log. */
const withoutCheckpoints = (s: ArticleStore): ArticleStore => Object.assign(Object.create(s) as ArticleStore, { loadCheckpoint: undefined, saveCheckpoint: undefined });

void test('checkpoint: encoding keeps every number exactly (weights as float64, hashes as uint32)', () => {
  const snap: CorpusSnapshot = {
    seen: 7,
    sinceRevision: 3,
    sinceSweep: 2,
    touched: ['s1'],
    df: [7, [['w:fire', 3], ['n:eastport', 1]]],
    clusterer: { seq: 7, latest: 1_700_000_000_000, stories: [{ id: 's1', articles: ['a', 'b'], centroid: [['w:fire', 0.1 + 0.2]], minTime: null, maxTime: 5, createdSeq: 0 }], index: [['w:fire', ['s1']]] },
    signatures: [['s1', [{ id: 'a', minhash: [0, 4_294_967_295, 12345] }]]],
    members: [{ id: 'a', seq: 1, vector: [['w:fire', 1 / 3], ['n:eastport', Math.PI]], time: null, urlKey: 'u' }],
  };
  assert.deepEqual(decodeCheckpoint(encodeCheckpoint(snap)), snap);
});

void test('checkpoint: a process opening from the latest checkpoint decides the next article as one replaying the whole log', async () => {
  const path = join(dir, 'a.db');
  const writer = await Corpus.open(new SqliteStore(path), {}, { checkpointEvery: 5 });
  for (let i = 0; i < 13; i++) await writer.ingest(article(i));
  await writer.revise();
  const store = new SqliteStore(path);
  const cp = await store.loadCheckpoint();
  assert.ok(cp && cp.seq >= 10 && cp.seq < (await store.lastSeq()), `a checkpoint behind the log's end (at ${cp?.seq})`);
  // Two copies of the store, so each process can decide the same new article.
  const copy = join(dir, 'b.db');
  await store.backup(copy);
  const fromCheckpoint = await Corpus.open(store);
  const replayed = await Corpus.open(withoutCheckpoints(new SqliteStore(copy)));
  assert.deepEqual(fromCheckpoint.assignments(), replayed.assignments());
  assert.equal(fromCheckpoint.lastSeq, replayed.lastSeq);
  for (const i of [13, 14, 15]) {
    const [a, b] = [await fromCheckpoint.ingest(article(i)), await replayed.ingest(article(i))];
    assert.deepEqual(a, b);
  }
  assert.equal(fromCheckpoint.arrivalsSinceRevision, replayed.arrivalsSinceRevision);
});

void test('checkpoint: opening a store without one replays it and writes one, so the next process does not', async () => {
  const path = join(dir, 'c.db');
  const old = await Corpus.open(withoutCheckpoints(new SqliteStore(path)));
  for (let i = 0; i < 6; i++) await old.ingest(article(i));
  const store = new SqliteStore(path);
  assert.equal(await store.loadCheckpoint(), null);
  await Corpus.open(store, {}, { checkpointEvery: 5 });
  assert.equal((await store.loadCheckpoint())?.seq, await store.lastSeq());
});

void test('checkpoint: a deferred corpus reads nothing until its first write, then decides as one opened at once', async () => {
  const path = join(dir, 'd.db');
  const writer = await Corpus.open(new SqliteStore(path), {}, { checkpointEvery: 5 });
  for (let i = 0; i < 9; i++) await writer.ingest(article(i));
  const copy = join(dir, 'e.db');
  await (writer.store as SqliteStore).backup(copy);
  let reads = 0;
  const store = new SqliteStore(path);
  const counted = Object.assign(Object.create(store) as ArticleStore, {
    loadCheckpoint: () => (reads++, store.loadCheckpoint()),
    replay: (after: number) => (reads++, store.replay(after)),
  });
  const deferred = Corpus.deferred(counted);
  assert.equal(reads, 0);
  assert.equal(deferred.lastSeq, 0);
  const opened = await Corpus.open(new SqliteStore(copy));
  for (const i of [9, 10]) assert.deepEqual(await deferred.ingest(article(i)), await opened.ingest(article(i)));
  assert.ok(reads > 0);
  assert.deepEqual(deferred.assignments(), opened.assignments());
});
