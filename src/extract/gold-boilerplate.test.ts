import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL, REPO_ROOT, SEEDS, hasShared } from '../testing/paths.js';
import { checkBoilerplate, goldArticles, readGold } from '../testing/gold.js';

// Recall and precision of boilerplate marks through the whole reading path, on every gold the team
// has: each gold junk line is marked, and no gold quote, single-source claim or corroborated claim is.

async function checkGold(goldFile: string, dir: string): Promise<void> {
  const gold = readGold(goldFile);
  const byKey = await goldArticles(gold, dir);
  assert.equal(byKey.size, Object.keys(gold.files).length, 'every gold file read');
  const r = checkBoilerplate(gold, byKey);
  assert.deepEqual(r.notFound, [], 'gold text found in its article');
  assert.deepEqual(r.missed, [], 'gold junk lines left unmarked');
  assert.deepEqual(r.proseMarked, [], 'gold prose marked as boilerplate');
}

void test('seed story gold: junk marked, prose not', { skip: !hasShared() && 'no ../shared' }, async () => {
  await checkGold(join(EVAL, 'gold', 'seeds.json'), SEEDS);
});

const EXAMPLE_GOLD = join(REPO_ROOT, 'examples', 'gold', 'story.json');
void test('example story gold: junk marked, prose not', { skip: !existsSync(EXAMPLE_GOLD) && 'no example gold' }, async () => {
  await checkGold(EXAMPLE_GOLD, join(REPO_ROOT, 'examples', 'story'));
});
