import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, openSync, writeSync, closeSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from './sqlite.js';
import { QUICK_CHECK_MAX_BYTES, StoreHealthError, assertSound, openCheckFor, storageFault } from './sqlite-health.js';

const dir = (): string => mkdtempSync(join(tmpdir(), 'cc-health-'));

void test('a store file that is not a database is refused on open, naming the file and what to do', () => {
  const path = join(dir(), 'junk.db');
  writeFileSync(path, 'this is not a database, just text that someone saved with the wrong name '.repeat(100));
  assert.throws(() => new SqliteStore(path), (e: Error) => e instanceof StoreHealthError && e.message.startsWith(`${path}:`) && /backup/.test(e.message));
});

void test('a store with a damaged page is refused on open; a sound one passes the full check', async () => {
  const path = join(dir(), 'store.db');
  const db = new Database(path);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT); CREATE INDEX t_body ON t(body);');
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  for (let i = 0; i < 2000; i++) insert.run(`row ${i} `.repeat(20));
  db.close();
  const sound = new SqliteStore(path);
  sound.check();
  await sound.close();
  // Overwrite the middle of the file (index and table pages) with garbage.
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
  assert.throws(() => new SqliteStore(path), StoreHealthError);
});

void test('past QUICK_CHECK_MAX_BYTES an open checks the schema only: junk is still refused, a damaged data page is found when read', () => {
  assert.equal(openCheckFor(QUICK_CHECK_MAX_BYTES), 'quick');
  assert.equal(openCheckFor(QUICK_CHECK_MAX_BYTES + 1), 'schema');
  const junk = join(dir(), 'junk.db');
  writeFileSync(junk, 'not a database at all, only words '.repeat(200));
  const j = new Database(junk);
  assert.throws(() => assertSound(j, junk, 'schema'), StoreHealthError);
  j.close();
  const path = join(dir(), 'store.db');
  const db = new Database(path);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} `.repeat(20));
  })();
  db.close();
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
  const damaged = new Database(path);
  assertSound(damaged, path, 'schema');
  let fault: unknown;
  try {
    damaged.prepare('SELECT sum(length(body)) FROM t').get();
  } catch (e) {
    fault = e;
  }
  assert.equal(storageFault(fault), 'the store file is damaged');
  damaged.close();
});

void test('a full disk is told apart from a bad article', () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (body TEXT)');
  db.pragma('max_page_count = 2');
  let fault: unknown;
  try {
    for (let i = 0; i < 100; i++) db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(2000));
  } catch (e) {
    fault = e;
  }
  assert.equal(storageFault(fault), 'the disk is full');
  assert.equal(storageFault(new Error('article 3: no text')), null);
});

void test('backup writes a copy that opens as a store with the same schema', async () => {
  const d = dir();
  const store = new SqliteStore(join(d, 'a.db'));
  await store.backup(join(d, 'b.db'));
  const copy = new SqliteStore(join(d, 'b.db'));
  assert.equal(copy.schemaVersion(), store.schemaVersion());
  await store.close();
  await copy.close();
});
