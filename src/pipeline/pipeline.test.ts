import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle, type Article } from '../model/article.js';
import { testDatabase, testRedis } from '../testing/servers.js';
import { openPipeline, type Pipeline } from './context.js';
import { runItem, runStoryJobs } from './inprocess.js';
import { StageQueues, startWorkers } from './queues.js';
import type { NextJob } from './stages.js';
import { sweepOnce } from './sweeper.js';

// Two events, each told by several outlets in our own words.
const texts = (n: number): Article[] =>
  Array.from({ length: n }, (_, i) =>
    makeArticle({
      origin: `wire-${i}`,
      kind: 'text',
      text:
        i % 2
          ? `Firefighters in Eastport fought a warehouse blaze on Friday night, report ${i}. Chief Ana Ruiz said ${i + 2} crews attended and nobody was hurt. "We contained it by midnight," Ruiz said.`
          : `The Westbury council voted on Tuesday to extend the tram line, report ${i}. Mayor Tom Ellery said the ${i + 4} new stops would open next spring. "This is a good day," Ellery said.`,
      meta: { outlet: `Outlet ${i % 3}`, published: '2026-03-0' + String(1 + (i % 3)) },
    }),
  );

/** Articles in = articles stored, each in exactly one live story; returns the story count. */
async function storiesOut(p: Pipeline, expected: number): Promise<number> {
  const seen = new Set<string>();
  const stories = await p.store.listStories();
  for (const s of stories) for (const r of await p.store.storyArticles(s.id)) {
    assert.ok(!seen.has(r.id), `${r.id} is in two stories`);
    seen.add(r.id);
  }
  assert.equal(seen.size, expected, 'articles in = articles in stories');
  assert.equal(await p.store.countArticles(), expected, 'articles in = articles stored, none twice');
  return stories.length;
}

const until = async (what: string, done: () => Promise<boolean>, limitMs = 30_000): Promise<void> => {
  for (const start = Date.now(); !(await done()); ) {
    if (Date.now() - start > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const db = await testDatabase();
const redis = db ? await testRedis() : null;
if (db) {
  after(() => db.drop());
  let n = 0;
  const fresh = (): Promise<Pipeline> => openPipeline(db.url, { schema: `pipeline_${n++}`, poolSize: 4 });

  void test('pipeline in process: every article through analyze and assign, dossiers built, a second run stores nothing twice', async () => {
    const p = await fresh();
    const arts = texts(6);
    const later: NextJob[] = [];
    for (const a of arts) later.push(...(await runItem(p, { stage: 'analyze', id: (await p.items.addArticle(a)).id })));
    await runStoryJobs(p, later);
    assert.equal(await storiesOut(p, arts.length), 2);
    for (const s of await p.store.listStories()) assert.ok(await p.dossiers.get(s.id, s.version), 'each story has its dossier for its version');
    // Re-delivered jobs (every stage of every item again) change nothing.
    for (const a of arts) for (const stage of ['analyze', 'assign'] as const) await runItem(p, { stage, id: (await p.items.addArticle(a)).id });
    assert.equal(await storiesOut(p, arts.length), 2);
    assert.deepEqual(await p.items.countsByStage(), { done: arts.length });
    await p.close();
  });

  if (redis) {
    after(() => redis.drop());
    void test('pipeline on queues: a poison item is parked with its reason and the rest flows; a lost queue is restored by the sweeper', async () => {
      const p = await fresh();
      const queues = await StageQueues.open({ redisUrl: redis.url, prefix: redis.prefix, lockMs: 5000 });
      const arts = texts(8);
      const ids = [];
      for (const a of arts.slice(0, 4)) ids.push((await p.items.addArticle(a)).id);
      // A fetched "page" that is binary data: extract cannot make an article of it, and retrying will not help.
      await p.items.pool.query("INSERT INTO pipeline_items (id, stage, origin, raw, content_type) VALUES ('poison', 'extract', 'https://bad.example/x', $1, 'text/html')", [Buffer.from([0, 1, 2, 0, 255, 0, 7])]);
      await queues.enqueue([...ids.map((id) => ({ stage: 'analyze' as const, id })), { stage: 'extract', id: 'poison' }]);
      const workers = await startWorkers(queues, p, { stages: ['extract', 'analyze', 'assign'], concurrency: 2 });
      await until('the first items', async () => (await p.items.countsByStage())['done'] === 4 && (await p.items.countsByStage())['failed'] === 1);
      const failed = await p.items.failures();
      assert.equal(failed.length, 1);
      assert.equal(failed[0]!.stage, 'extract');
      assert.match(failed[0]!.reason, /binary/);
      await workers.close();
      // Redis loses everything queued (as a flush would): the items wait in PostgreSQL.
      const rest = [];
      for (const a of arts.slice(4)) rest.push((await p.items.addArticle(a)).id);
      await queues.enqueue(rest.map((id) => ({ stage: 'analyze' as const, id })));
      await redis.clear();
      assert.equal((await queues.counts()).analyze.waiting, 0, 'the queue is empty');
      assert.equal(await sweepOnce(p.items, queues, 0), rest.length, 'the sweeper re-enqueues exactly the unfinished items');
      const again = await startWorkers(queues, p, { stages: ['analyze', 'assign'], concurrency: 2 });
      await until('the swept items', async () => (await p.items.countsByStage())['done'] === arts.length);
      await again.close();
      assert.equal(await storiesOut(p, arts.length), 2);
      await queues.close();
      await p.close();
    });
  }
}
