// Story clustering quality: `crosscheck cluster` on ECB+ DEV (tuned there) and BASIL (a second,
// differently shaped check, not tuned on), scored by the shared scorer (../shared/eval/score-clusters.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterArticles } from '../../src/cluster/index.js';
import { readInputs } from '../../src/ingest/index.js';
import { EVAL } from '../../src/testing/paths.js';

async function score(corpus: string): Promise<string> {
  const dir = join(EVAL, corpus);
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as { clusters: Record<string, string[]> };
  const files = Object.values(gold.clusters)
    .flat()
    .map((p) => join(dir, p));
  const { articles, problems } = await readInputs(files);
  const started = process.hrtime.bigint();
  const { stories, merges, splits } = clusterArticles(articles);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-eval-'));
  try {
    const pred = join(tmp, 'pred.json');
    writeFileSync(pred, JSON.stringify({ stories }));
    const out = execFileSync(process.execPath, [join(EVAL, 'score-clusters.mjs'), '--gold', join(dir, 'gold.json'), '--pred', pred], { encoding: 'utf8' });
    const lines = out.trim().split('\n');
    const b3 = lines.find((l) => l.startsWith('B3 precision')) ?? '';
    return `${corpus}: ${articles.length} articles (${problems.filter((p) => p.level === 'error').length} unread), ${stories.length} stories for ${Object.keys(gold.clusters).length} gold, ${merges.length} merges, ${splits.length} splits, ${ms.toFixed(0)} ms\n  ${b3}\n  ${lines[lines.length - 1] ?? ''}`;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function run(): Promise<string[]> {
  return [await score('ecbplus'), '  (targets: ECB+ DEV B3F1 >= 0.90; TF-IDF average-link baseline 0.873)', await score('basil'), '  (target: BASIL B3F1 >= 0.97; baseline 0.924)'];
}
