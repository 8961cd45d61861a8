import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeArticle } from '../model/article.js';
import { runStoreConformance } from './conformance.js';
import { Corpus } from './corpus.js';
import { SqliteStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-store-'));
let n = 0;
runStoreConformance('sqlite', () => new SqliteStore(join(dir, `t${n++}.db`)));

void test('sqlite: two writers on one file (ingest and serve) both land, none lost, and agree with the log', async () => {
  const path = join(dir, 'shared.db');
  const one = await Corpus.open(new SqliteStore(path));
  const two = await Corpus.open(new SqliteStore(path));
  const texts = Array.from({ length: 20 }, (_, i) => `Report number ${i} about the harbour fire in Eastport, where ${i + 3} boats burned on Friday night.`);
  const outcomes = await Promise.all(texts.map((t, i) => (i % 2 ? one : two).ingest(makeArticle({ origin: `o${i}`, kind: 'text', text: t }))));
  // Both revise while the other writes: one may find the log moved on and leave it to the next revision.
  await Promise.all([one.revise(), two.revise(), one.ingest(makeArticle({ origin: 'late', kind: 'text', text: `${texts[0]!} Divers joined on Saturday.` }))]);
  assert.equal(new Set(outcomes.map((o) => o.seq)).size, 20);
  const check = new SqliteStore(path);
  assert.equal(await check.countArticles(), 21);
  // Every process's memory, and a fresh replay, put each article where the store says it is.
  const stored = new Map<string, string>();
  for (const s of await check.listStories()) for (const r of await check.storyArticles(s.id)) stored.set(r.id, s.id);
  const fresh = await Corpus.open(check);
  await Promise.all([one.catchUp(), two.catchUp()]);
  assert.deepEqual(fresh.assignments(), stored);
  assert.deepEqual(one.assignments(), stored);
  assert.deepEqual(two.assignments(), stored);
  await Promise.all([one.store.close(), two.store.close(), check.close()]);
});

void test('sqlite: a store written before revisions existed (schema 1) is migrated and keeps its data', async () => {
  const path = join(dir, 'old.db');
  const s = new SqliteStore(path);
  const c = await Corpus.open(s);
  await c.ingest(makeArticle({ origin: 'x', kind: 'text', text: 'Some article text about a storm in the north.' }));
  const latest = s.schemaVersion();
  await s.close();
  // Take the file back to schema 1, as an older crosscheck left it.
  const raw = new Database(path);
  raw.exec('DROP TABLE revisions');
  raw.exec('DROP TABLE cluster_checkpoints');
  raw.exec('DROP TABLE feed_validators');
  raw.exec('ALTER TABLE articles DROP COLUMN title');
  raw.pragma('user_version = 1');
  raw.close();
  const reopened = new SqliteStore(path);
  assert.equal(reopened.schemaVersion(), latest);
  assert.equal(await reopened.countArticles(), 1);
  assert.equal((await reopened.queryStories({ text: 'storm in the north' })).total, 1, 'article titles are filled in for search');
  const again = await Corpus.open(reopened);
  await again.ingest(makeArticle({ origin: 'y', kind: 'text', text: 'Another article about the storm in the north, and the floods.' }));
  assert.ok(await again.revise(), 'revisions can be written after the migration');
  await reopened.close();
});

void test('sqlite: reopening a file keeps the schema version and the data', async () => {
  const path = join(dir, 'reopen.db');
  const a = new SqliteStore(path);
  const c = await Corpus.open(a);
  await c.ingest(makeArticle({ origin: 'x', kind: 'text', text: 'Some article text about a storm.' }));
  const version = a.schemaVersion();
  await a.close();
  const b = new SqliteStore(path);
  assert.equal(b.schemaVersion(), version);
  assert.equal(await b.countArticles(), 1);
  await b.close();
});

process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

void test('sqlite: the article count read from the log equals a count of the rows, with revisions between and after articles', async () => {
  const path = join(dir, 'count.db');
  const corpus = await Corpus.open(new SqliteStore(path));
  const article = (i: number) => makeArticle({ origin: `c${i}`, kind: 'text', text: `Report ${i} on the Varga bridge closure: ${i + 2} lanes shut on Monday.`, meta: { published: '2026-02-02' } });
  for (const i of [0, 1, 2]) await corpus.ingest(article(i));
  await corpus.revise();
  for (const i of [3, 4]) await corpus.ingest(article(i));
  await corpus.revise();
  await corpus.ingest(article(1));
  const raw = new Database(path, { readonly: true });
  const rows = (raw.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  const revisions = (raw.prepare('SELECT COUNT(*) AS n FROM revisions').get() as { n: number }).n;
  raw.close();
  assert.equal(revisions, 2);
  assert.equal(await corpus.store.countArticles(), rows);
  assert.equal(rows, 5);
  await corpus.store.close();
});
