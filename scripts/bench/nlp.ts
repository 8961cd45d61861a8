// Speed of the language layer (analyzeArticle: paragraphs, quotes, sentences, names, attribution,
// indirect speech, dates, numbers) in words per second on one core: the seed articles repeated, and
// PolNeAR dev texts. The brief's budget is 150,000 words/s.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeArticle, type Article } from '../../src/model/article.js';
import { analyzeArticle } from '../../src/nlp/analyze.js';
import { EVAL, SEEDS } from '../../src/testing/paths.js';

/** Keep each measurement long enough to be stable (seconds of work at least). */
const MIN_SECONDS = 2;

function load(dir: string): Article[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => makeArticle({ origin: join(dir, f), kind: 'text', text: readFileSync(join(dir, f), 'utf8'), meta: { published: '2025-07-10' } }));
}

const wordsIn = (articles: Article[]): number => articles.reduce((n, a) => n + (a.text.match(/\S+/g)?.length ?? 0), 0);

function measure(label: string, articles: Article[]): string {
  if (!articles.length) return `${label}: skipped (no data)`;
  const words = wordsIn(articles);
  for (const a of articles) analyzeArticle(a); // warm-up: lexicons, JIT
  let rounds = 0;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  let cpu = 0;
  while (cpu < MIN_SECONDS) {
    for (const a of articles) analyzeArticle(a);
    rounds++;
    const c = process.cpuUsage(c0);
    cpu = (c.user + c.system) / 1e6;
  }
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  // CPU time is the one-core figure; wall time also counts waiting for a busy machine.
  const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
  return `${label}: ${fmt((words * rounds) / cpu)} words/s of CPU time (${fmt((words * rounds) / elapsed)} by wall clock; ${articles.length} articles, ${words} words, ${rounds} rounds)`;
}

export async function run(): Promise<string[]> {
  return Promise.resolve([
    measure('seed articles', load(SEEDS)),
    measure('PolNeAR dev', load(join(EVAL, 'polnear', 'dev', 'text'))),
  ]);
}
