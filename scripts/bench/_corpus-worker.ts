// One corpus-ingest measurement in its own process (so peak RSS is this run's alone):
//   node --import tsx scripts/bench/_corpus-worker.ts <articles> <db path>
// Prints one JSON line: wall and CPU seconds, rates, peak RSS, stories, and B-cubed F1 against the generator's stories.
import { makeArticle } from '../../src/model/article.js';
import { Corpus, SqliteStore } from '../../src/store/index.js';
import { generateCorpus } from '../generate-corpus.js';
import { heapBudget } from '../../src/cli/heap-budget.js';

const n = Number(process.argv[2] ?? 10000);
const db = process.argv[3] ?? ':memory:';
let peak = process.memoryUsage().rss;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 100);
const corpus = await Corpus.open(new SqliteStore(db));
const heap = heapBudget();
const gold = new Map<string, string>();
const pred = new Map<string, string>();
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (const g of generateCorpus({ articles: n, seed: 42 })) {
  const a = makeArticle({ origin: g.url, kind: 'text', text: g.text, meta: { url: g.url, outlet: g.outlet, title: g.title, published: g.published } });
  const o = await corpus.ingest(a);
  if (o.status === 'stored') gold.set(o.id, g.story);
  // As `crosscheck ingest` does after each article (CROSSCHECK_HEAP_BUDGET_MB=0: V8 alone).
  heap.check();
}
// As `crosscheck ingest` does at the end of a batch.
await corpus.revise();
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
const cpuUsed = process.cpuUsage(cpu0);
const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
peak = Math.max(peak, process.memoryUsage().rss);
clearInterval(timer);
for await (const e of corpus.store.replay(0)) if (e.kind === 'article') pred.set(e.record.id, e.record.storyId);

// B-cubed over stored articles (duplicates count once).
const byGold = new Map<string, string[]>();
const byPred = new Map<string, string[]>();
for (const [id, g] of gold) {
  (byGold.get(g) ?? byGold.set(g, []).get(g)!).push(id);
  const p = pred.get(id) ?? id;
  (byPred.get(p) ?? byPred.set(p, []).get(p)!).push(id);
}
let P = 0;
let R = 0;
for (const [id, g] of gold) {
  const predMembers = byPred.get(pred.get(id) ?? id)!;
  const goldMembers = byGold.get(g)!;
  const both = predMembers.filter((m) => gold.get(m) === g).length;
  P += both / predMembers.length;
  R += both / goldMembers.length;
}
P /= gold.size;
R /= gold.size;
// Start-up of a process on this store (watch, serve or the next ingest): the log is replayed.
const r0 = process.hrtime.bigint();
const reopened = await Corpus.open(new SqliteStore(db));
const reopenSeconds = Number(process.hrtime.bigint() - r0) / 1e9;
await reopened.store.close();
console.log(
  JSON.stringify({
    articles: n,
    stored: gold.size,
    wall,
    cpu,
    perSecondWall: n / wall,
    perSecondCpu: n / cpu,
    peakRssMB: peak / 2 ** 20,
    stories: await corpus.store.countStories(),
    goldStories: byGold.size,
    b3f1: (2 * P * R) / (P + R),
    reopenSeconds,
  }),
);
await corpus.store.close();
