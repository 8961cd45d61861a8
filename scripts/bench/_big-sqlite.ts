// A big generated SQLite store (rows from _big-rows.ts, one transaction of inserts), for the
// big-store and store-open benches. Run directly to keep one on disk for several runs (a million
// articles takes minutes to write and more to replay once into its first checkpoint):
//   node --import tsx scripts/bench/_big-sqlite.ts PATH N [--checkpoint]
// --checkpoint opens a Corpus on it once (replaying the whole log), which writes the checkpoint a
// store ingested normally would hold.
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { Corpus, SqliteStore } from '../../src/store/index.js';
import { bigRows } from './_big-rows.js';

/** Rows per transaction: one transaction for a million rows would hold its whole WAL. */
const ROWS_PER_TRANSACTION = 50_000;

/** Bulk-loads `n` generated articles into a fresh SQLite file (schema from SqliteStore); returns seconds taken. */
export function loadSqlite(path: string, n: number, perDay: number): number {
  const t = performance.now();
  new SqliteStore(path).close().catch(() => undefined);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const art = db.prepare('INSERT INTO articles (seq, id, url_key, version, current, story_id, first_story, near_duplicate_of, ingested_at, outlet, published, article, vector, terms, minhash, title) VALUES (?, ?, ?, 1, 1, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)');
  const story = db.prepare('INSERT INTO stories (id, title, version, updated_at) VALUES (?, ?, 1, ?) ON CONFLICT (id) DO UPDATE SET version = version + 1, updated_at = excluded.updated_at');
  const event = db.prepare('INSERT INTO story_events (kind, story, other, article, article_seq, at) VALUES (?, ?, NULL, ?, ?, ?)');
  const rows = bigRows(n, perDay);
  const batch = db.transaction(() => {
    for (let i = 0; i < ROWS_PER_TRANSACTION; i++) {
      const next = rows.next();
      if (next.done) return false;
      const r = next.value;
      art.run(r.seq, r.id, r.urlKey, r.story, r.story, r.published, r.outlet, r.published, r.article, r.vector, r.terms, r.minhash, r.title);
      story.run(r.story, r.title, r.published);
      event.run(r.first ? 'created' : 'joined', r.story, r.id, r.seq, r.published);
    }
    return true;
  });
  while (batch()) db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return (performance.now() - t) / 1000;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [path, n] = [process.argv[2], Number(process.argv[3])];
  if (!path || !Number.isInteger(n) || n <= 0) throw new Error('usage: _big-sqlite.ts PATH N [--checkpoint]');
  process.stdout.write(`loaded ${n} articles in ${loadSqlite(path, n, Number(process.env['CROSSCHECK_BENCH_BIG_PER_DAY'] ?? 2000)).toFixed(0)} s\n`);
  if (process.argv.includes('--checkpoint')) {
    const t = performance.now();
    const corpus = await Corpus.open(new SqliteStore(path));
    await corpus.store.close();
    process.stdout.write(`replayed into a checkpoint in ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
  }
}
