import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../../model/article.js';
import { testDatabase } from '../../testing/servers.js';
import { runStoreConformance } from '../conformance.js';
import { Corpus } from '../corpus.js';
import { decodeCheckpoint } from '../checkpoint.js';
import { MemoryStore } from '../memory.js';
import { readCheckpoint } from './checkpoint-read.js';
import { recountTermFrequencies } from './term-df.js';
import { readMigrations } from './migrate.js';
import { PgStore } from './store.js';

const db = await testDatabase();
if (db) {
  after(() => db.drop());
  let n = 0;
  // One schema per test: a fresh, empty store each time without the cost of a database each.
  runStoreConformance('postgres', () => PgStore.open(db.url, { schema: `conformance_${n++}` }));

  void test('postgres: processes opening one store at once apply each migration once', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => PgStore.open(db.url, { schema: 'racing' })));
    assert.deepEqual(stores.map((s) => s.version()), [1, 2, 3].map(() => readMigrations().length));
    const applied = await stores[0]!.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM schema_migrations');
    assert.equal(applied.rows[0]!.n, readMigrations().length);
    await Promise.all(stores.map((s) => s.close()));
  });

  void test('postgres: four assigners at once: every article in exactly one story, and every process agrees with the store', async () => {
    const stores = await Promise.all([0, 1, 2, 3].map(() => PgStore.open(db.url, { schema: 'assigners', poolSize: 2 })));
    const corpora = await Promise.all(stores.map((s) => Corpus.open(s)));
    const topics = ['harbour fire in Eastport', 'council vote on the Westbury tram', 'flooding along the Rill valley'];
    const texts = Array.from({ length: 24 }, (_, i) => `Report ${i} on the ${topics[i % 3]!}: witnesses counted ${i + 3} crews at the scene on Friday night.`);
    let next = 0;
    await Promise.all(
      corpora.map(async (c) => {
        for (let i = next++; i < texts.length; i = next++) await c.ingest(makeArticle({ origin: `o${i}`, kind: 'text', text: texts[i]! }));
        await c.revise();
      }),
    );
    const check = stores[0]!;
    assert.equal(await check.countArticles(), texts.length, 'articles in = articles stored');
    const stored = new Map<string, string>();
    for (const s of await check.listStories()) {
      for (const r of await check.storyArticles(s.id)) {
        assert.ok(!stored.has(r.id), `${r.id} is in two stories`);
        stored.set(r.id, s.id);
      }
    }
    assert.equal(stored.size, texts.length, 'every article is in a live story');
    await Promise.all(corpora.map((c) => c.catchUp()));
    for (const c of corpora) assert.deepEqual(c.assignments(), stored);
    await Promise.all(stores.map((s) => s.close()));
  });

  void test('postgres: articles land in the partition of their month, which can be detached', async () => {
    const s = await PgStore.open(db.url, { schema: 'months' });
    const c = await Corpus.open(s);
    const o = await c.ingest(makeArticle({ origin: 'a', kind: 'text', text: 'A storm flooded the harbour district on Friday night.' }));
    const month = new Date().toISOString().slice(0, 7).replace('-', '_');
    const where = await s.pool.query<{ t: string }>('SELECT tableoid::regclass::text AS t FROM articles WHERE id = $1', [o.id]);
    assert.equal(where.rows[0]!.t, `articles_${month}`);
    await s.pool.query(`ALTER TABLE articles DETACH PARTITION articles_${month}`);
    assert.equal((await s.pool.query('SELECT 1 FROM articles')).rowCount, 0, 'the detached month is out of the table');
    await s.close();
  });
}

if (db) {
  void test('postgres: a checkpoint read in slices is the bytes written, and one past the log end is ignored', async () => {
    const store = await PgStore.open(db.url, { schema: 'checkpoint_slices' });
    const body = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 37 + 11) % 256));
    await store.saveCheckpoint(0, body);
    const c = await store.pool.connect();
    try {
      // 7-byte slices: 143 reads, the last one short.
      const got = await readCheckpoint(c, 7);
      assert.equal(got?.seq, 0);
      assert.ok(got.body.equals(body));
    } finally {
      c.release();
    }
    await store.saveCheckpoint(5, Buffer.from('from a longer log'));
    assert.ok((await store.loadCheckpoint())?.body.equals(body), 'seq 5 is past the log end (0)');
    await store.close();
  });
}

if (db) {
  void test('postgres: document frequencies kept in term_df decide as the in-memory ones, and equal a recount', async () => {
    const store = await PgStore.open(db.url, { schema: 'term_df' });
    const pgCorpus = await Corpus.open(store, {}, { checkpointEvery: 10 });
    const memCorpus = await Corpus.open(new MemoryStore());
    const topics = ['harbour fire in Eastport', 'council vote on the Westbury tram', 'flooding along the Rill valley'];
    for (let i = 0; i < 30; i++) {
      const a = makeArticle({ origin: `o${i}`, kind: 'text', text: `Report ${i} on the ${topics[i % 3]!}: ${i % 4 === 0 ? 'officials' : 'witnesses'} counted ${i + 3} crews on Friday.` });
      const [p, m] = [await pgCorpus.ingest(a), await memCorpus.ingest(a)];
      assert.equal(p.story, m.story, `article ${i} goes to the same story`);
    }
    const read = async (): Promise<string> => JSON.stringify((await store.pool.query('SELECT term, df FROM term_df ORDER BY term')).rows);
    const kept = await read();
    const c = await store.pool.connect();
    await recountTermFrequencies(c).finally(() => c.release());
    assert.equal(await read(), kept, 'the commits counted what a recount finds');
    const cp = await store.loadCheckpoint();
    assert.ok(cp && decodeCheckpoint(cp.body).df[1].length === 0, 'checkpoints carry no frequencies');
    const joined = await Corpus.open(await PgStore.open(db.url, { schema: 'term_df' }));
    assert.deepEqual(joined.assignments(), pgCorpus.assignments());
    await joined.store.close();
    await store.close();
  });
}

if (db) {
  void test('postgres: two processes of three concurrent assigns each (lock batches): every article in one story, all agree', async () => {
    const stores = await Promise.all([0, 1].map(() => PgStore.open(db.url, { schema: 'batched', poolSize: 3 })));
    const corpora = await Promise.all(stores.map((s) => Corpus.open(s)));
    const topics = ['harbour fire in Eastport', 'council vote on the Westbury tram', 'flooding along the Rill valley'];
    const texts = Array.from({ length: 30 }, (_, i) => `Dispatch ${i} about the ${topics[i % 3]!}: ${i + 2} people spoke to reporters on Saturday.`);
    let next = 0;
    const assigner = async (c: Corpus): Promise<void> => {
      for (let i = next++; i < texts.length; i = next++) await c.ingest(makeArticle({ origin: `d${i}`, kind: 'text', text: texts[i]! }));
    };
    await Promise.all(corpora.flatMap((c) => [assigner(c), assigner(c), assigner(c)]));
    const stored = new Map<string, string>();
    for (const s of await stores[0]!.listStories()) {
      for (const r of await stores[0]!.storyArticles(s.id)) {
        assert.ok(!stored.has(r.id), `${r.id} is in two stories`);
        stored.set(r.id, s.id);
      }
    }
    assert.equal(stored.size, texts.length, 'articles in = articles in live stories');
    await Promise.all(corpora.map((c) => c.catchUp()));
    for (const c of corpora) assert.deepEqual(c.assignments(), stored);
    await Promise.all(stores.map((s) => s.close()));
  });
}

if (db) {
  void test('postgres: a feed\'s validators outlive the process that read the feed, and a later read replaces them', async () => {
    const first = await PgStore.open(db.url, { schema: 'feed_validators' });
    assert.equal(await first.feedValidators('https://example.test/feed.xml'), null, 'a feed never read has none');
    await first.saveFeedValidators('https://example.test/feed.xml', { etag: '"v1"', lastModified: 'Mon, 06 Jul 2026 10:00:00 GMT' });
    await first.close();
    const second = await PgStore.open(db.url, { schema: 'feed_validators' });
    assert.deepEqual(await second.feedValidators('https://example.test/feed.xml'), { etag: '"v1"', lastModified: 'Mon, 06 Jul 2026 10:00:00 GMT' });
    await second.saveFeedValidators('https://example.test/feed.xml', { etag: '"v2"', lastModified: null });
    assert.deepEqual(await second.feedValidators('https://example.test/feed.xml'), { etag: '"v2"', lastModified: null });
    await second.close();
  });
}
