import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL, REPO_ROOT, SEEDS, hasShared } from '../testing/paths.js';
import { overlaps } from '../model/span.js';
import { readInputs } from '../ingest/index.js';
import type { Article } from '../model/article.js';

// Recall and precision of boilerplate marks through the whole reading path, on every gold the team
// has: each gold junk line is marked, and no gold quote, single-source claim or corroborated claim is.

interface Gold {
  files: Record<string, string>;
  boilerplate: { f: string; evidence: string }[];
  quotes: { variants: { f: string; text: string }[] }[];
  singleSource: { f: string; evidence: string }[];
  corroborated: { evidence: Record<string, string> }[];
}

async function checkGold(goldFile: string, dir: string): Promise<void> {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Gold;
  const byId = new Map<string, Article>();
  for (const [f, name] of Object.entries(gold.files)) {
    const origin = join(dir, name);
    const { articles } = await readInputs([origin.replace(/#\d+$/, '')]);
    const article = articles.find((a) => a.origin === origin);
    assert.ok(article, `${origin} not read`);
    byId.set(f, article);
  }
  const spanOf = (f: string, s: string): { start: number; end: number } => {
    const at = byId.get(f)?.text.indexOf(s) ?? -1;
    assert.ok(at >= 0, `gold text not in ${f}: ${s}`);
    return { start: at, end: at + s.length };
  };
  for (const g of gold.boilerplate) {
    const span = spanOf(g.f, g.evidence);
    assert.ok(byId.get(g.f)?.boilerplate.some((b) => overlaps(b, span)), `not marked in ${g.f}: ${g.evidence}`);
  }
  const prose = [
    ...gold.quotes.flatMap((q) => q.variants.map((v) => [v.f, v.text] as const)),
    ...gold.singleSource.map((x) => [x.f, x.evidence] as const),
    ...gold.corroborated.flatMap((c) => Object.entries(c.evidence)),
  ];
  for (const [f, s] of prose) {
    const span = spanOf(f, s);
    const hit = byId.get(f)?.boilerplate.find((b) => overlaps(b, span));
    assert.equal(hit, undefined, `prose marked as ${hit?.reason} in ${f}: ${s}`);
  }
}

void test('seed story gold: junk marked, prose not', { skip: !hasShared() && 'no ../shared' }, async () => {
  await checkGold(join(EVAL, 'gold', 'seeds.json'), SEEDS);
});

const EXAMPLE_GOLD = join(REPO_ROOT, 'examples', 'gold', 'story.json');
void test('example story gold: junk marked, prose not', { skip: !existsSync(EXAMPLE_GOLD) && 'no example gold' }, async () => {
  await checkGold(EXAMPLE_GOLD, join(REPO_ROOT, 'examples', 'story'));
});
