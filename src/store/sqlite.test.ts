import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeArticle } from '../model/article.js';
import { runStoreConformance } from './conformance.js';
import { Corpus } from './corpus.js';
import { SqliteStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-store-'));
let n = 0;
runStoreConformance('sqlite', () => new SqliteStore(join(dir, `t${n++}.db`)));

void test('sqlite: two writers on one file (ingest and serve) both land, none lost', async () => {
  const path = join(dir, 'shared.db');
  const one = await Corpus.open(new SqliteStore(path));
  const two = await Corpus.open(new SqliteStore(path));
  const texts = Array.from({ length: 20 }, (_, i) => `Report number ${i} about the harbour fire in Eastport, where ${i + 3} boats burned on Friday night.`);
  const outcomes = await Promise.all(texts.map((t, i) => (i % 2 ? one : two).ingest(makeArticle({ origin: `o${i}`, kind: 'text', text: t }))));
  assert.equal(new Set(outcomes.map((o) => o.seq)).size, 20);
  const check = new SqliteStore(path);
  assert.equal(await check.countArticles(), 20);
  await Promise.all([one.store.close(), two.store.close(), check.close()]);
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
