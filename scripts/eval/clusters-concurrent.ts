// Story clustering under concurrency on ECB+ DEV: the same articles ingested into a PostgreSQL store by
// one assigner, then by four assigners at once (each its own connection pool, taking articles from one
// shared arrival-ordered list, as queue workers would), scored by the shared scorer. The target: four
// assigners' B3 F1 within 0.01 of one. Skipped with one line when PostgreSQL is not reachable.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arrivalOrder, type ClusterStory } from '../../src/cluster/index.js';
import { readInputs } from '../../src/ingest/index.js';
import type { Article } from '../../src/model/article.js';
import { Corpus } from '../../src/store/index.js';
import { PgStore } from '../../src/store/postgres/store.js';
import { EVAL } from '../../src/testing/paths.js';
import { scratchDatabase } from '../../src/testing/servers.js';
import { scoreStories } from './clusters.js';

async function assignConcurrently(url: string, schema: string, articles: Article[], assigners: number, perProcess: number): Promise<{ stories: ClusterStory[]; inTwo: number; ms: number }> {
  const stores = await Promise.all(Array.from({ length: assigners }, () => PgStore.open(url, { schema, poolSize: 3 })));
  const corpora = await Promise.all(stores.map((s) => Corpus.open(s)));
  const queue = [...articles].sort(arrivalOrder);
  let next = 0;
  const started = Date.now();
  // perProcess > 1: assigns at once in one process, as `worker --concurrency N` runs them (lock batches).
  const loop = async (c: Corpus): Promise<void> => {
    for (let i = next++; i < queue.length; i = next++) await c.ingest(queue[i]!);
  };
  await Promise.all(
    corpora.map(async (c) => {
      await Promise.all(Array.from({ length: perProcess }, () => loop(c)));
      await c.revise();
    }),
  );
  const ms = Date.now() - started;
  const store = stores[0]!;
  const stories: ClusterStory[] = [];
  const seen = new Map<string, number>();
  for (const s of await store.listStories()) {
    const records = await store.storyArticles(s.id);
    for (const r of records) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
    stories.push({ id: s.id, title: s.title, articles: records.map((r) => r.article.origin) });
  }
  await Promise.all(stores.map((s) => s.close()));
  return { stories, inTwo: [...seen.values()].filter((n) => n > 1).length, ms };
}

export async function run(): Promise<string[]> {
  let db;
  try {
    db = await scratchDatabase();
  } catch (e) {
    return [`skipped: PostgreSQL not reachable (${(e as Error).message}); start PostgreSQL on 127.0.0.1:5432 or set CROSSCHECK_TEST_PG`];
  }
  try {
    const dir = join(EVAL, 'ecbplus');
    const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as { clusters: Record<string, string[]> };
    const { articles } = await readInputs(Object.values(gold.clusters).flat().map((p) => join(dir, p)));
    const lines = [`ecbplus: ${articles.length} articles into PostgreSQL`];
    const f1: number[] = [];
    // Processes x assigns at once in each: one assigner; four processes; two processes of two.
    for (const [n, per] of [[1, 1], [4, 1], [2, 2]] as const) {
      const r = await assignConcurrently(db.url, `assigners_${n}_${per}`, articles, n, per);
      const [b3, last] = scoreStories(dir, r.stories);
      f1.push(Number(/F1[^0-9]*([0-9.]+)/.exec(b3 ?? '')?.[1] ?? NaN));
      const who = per > 1 ? `${n} processes x ${per} assigns at once` : `${n} assigner${n > 1 ? 's' : ''}`;
      lines.push(`  ${who}: ${r.stories.length} stories, ${r.inTwo} articles in two stories, ${r.ms} ms`, `    ${b3}`, `    ${last}`);
    }
    const diff = (k: number): string => ((f1[k] ?? NaN) - (f1[0] ?? NaN)).toFixed(4);
    lines.push(`  B3 F1 difference, 4 assigners - 1: ${diff(1)}; 2 processes x 2 - 1: ${diff(2)} (target: within 0.01)`);
    return lines;
  } finally {
    await db.drop();
  }
}
