// Story clustering quality on ECB+ DEV (tuned there) and BASIL (a second, differently shaped check, not
// tuned on), scored by the shared scorer (../shared/eval/score-clusters.mjs), in both modes:
// - batch: `crosscheck cluster` (document frequencies over the whole batch, one pass, one revision);
// - store: corpus mode, articles ingested one at a time into an empty store in publication order
//   (document frequencies grow as they arrive, revisions every so often and at the end of the batch,
//   as `crosscheck ingest` does).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arrivalOrder, clusterArticles, type ClusterStory } from '../../src/cluster/index.js';
import { readInputs } from '../../src/ingest/index.js';
import type { Article } from '../../src/model/article.js';
import { Corpus, MemoryStore } from '../../src/store/index.js';
import { EVAL } from '../../src/testing/paths.js';

export function scoreStories(dir: string, stories: ClusterStory[]): string[] {
  const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-eval-'));
  try {
    const pred = join(tmp, 'pred.json');
    writeFileSync(pred, JSON.stringify({ stories }));
    const out = execFileSync(process.execPath, [join(EVAL, 'score-clusters.mjs'), '--gold', join(dir, 'gold.json'), '--pred', pred], { encoding: 'utf8' });
    const lines = out.trim().split('\n');
    return [lines.find((l) => l.startsWith('B3 precision')) ?? '', lines[lines.length - 1] ?? ''];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function storeStories(articles: Article[]): Promise<{ stories: ClusterStory[]; revisions: number; moved: number; splits: number }> {
  const store = new MemoryStore();
  const corpus = await Corpus.open(store);
  for (const a of [...articles].sort(arrivalOrder)) await corpus.ingest(a);
  await corpus.revise();
  let revisions = 0;
  let moved = 0;
  let splits = 0;
  for await (const e of store.replay(0)) {
    if (e.kind !== 'revision') continue;
    revisions++;
    moved += e.revision.moves.length;
    splits += e.revision.splits.length;
  }
  const stories: ClusterStory[] = [];
  for (const s of await store.listStories()) stories.push({ id: s.id, title: s.title, articles: (await store.storyArticles(s.id)).map((r) => r.article.origin) });
  return { stories, revisions, moved, splits };
}

async function score(corpus: string): Promise<string[]> {
  const dir = join(EVAL, corpus);
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as { clusters: Record<string, string[]> };
  const files = Object.values(gold.clusters)
    .flat()
    .map((p) => join(dir, p));
  const { articles, problems } = await readInputs(files);
  const head = `${corpus}: ${articles.length} articles (${problems.filter((p) => p.level === 'error').length} unread), ${Object.keys(gold.clusters).length} gold stories`;
  let started = process.hrtime.bigint();
  const batch = clusterArticles(articles);
  let ms = Number(process.hrtime.bigint() - started) / 1e6;
  const [b3, last] = scoreStories(dir, batch.stories);
  const lines = [head, `  batch (cluster): ${batch.stories.length} stories, ${batch.merges.length} merges, ${batch.splits.length} splits, ${ms.toFixed(0)} ms`, `    ${b3}`, `    ${last}`];
  started = process.hrtime.bigint();
  const inc = await storeStories(articles);
  ms = Number(process.hrtime.bigint() - started) / 1e6;
  const [b3s, lasts] = scoreStories(dir, inc.stories);
  lines.push(`  store (ingest one by one): ${inc.stories.length} stories, ${inc.revisions} revisions moved ${inc.moved} articles (${inc.splits} splits), ${ms.toFixed(0)} ms`, `    ${b3s}`, `    ${lasts}`);
  return lines;
}

export async function run(): Promise<string[]> {
  return [...(await score('ecbplus')), '  (targets: ECB+ DEV B3F1 >= 0.90; TF-IDF average-link baseline 0.873)', ...(await score('basil')), '  (target: BASIL B3F1 >= 0.97; baseline 0.924)'];
}
