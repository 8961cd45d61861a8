import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../../scripts/generate-corpus.js';
import { REPO_ROOT } from '../../testing/paths.js';

// `cluster` is the store's clustering without a store: a story it finds gets the id `ingest` gives
// the same story (both name a story after its first article's content identity), when the articles
// arrive in publication order, as the generated corpus's do.

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-ids-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

void test('cluster and ingest give the same stories the same ids', () => {
  const batch = join(dir, 'batch.jsonl');
  writeFileSync(batch, [...generateCorpus({ articles: 40, seed: 11 })].map((a) => JSON.stringify(a)).join('\n') + '\n');
  const db = join(dir, 'ids.db');
  const ingest = cli(['ingest', batch, '--db', db]);
  assert.equal(ingest.status, 0, ingest.stderr);
  const stored = JSON.parse(cli(['stories', '--db', db, '--format', 'json']).stdout) as { stories: { id: string; articleCount: number }[] };
  const clustered = JSON.parse(cli(['cluster', batch, '--format', 'json']).stdout) as { stories: { id: string; articles: string[] }[] };
  assert.ok(clustered.stories.length > 1, 'several stories');
  const byId = (list: { id: string; n: number }[]) => list.map((s) => `${s.id} ${s.n}`).sort();
  assert.deepEqual(
    byId(stored.stories.map((s) => ({ id: s.id, n: s.articleCount }))),
    byId(clustered.stories.map((s) => ({ id: s.id, n: s.articles.length }))),
  );
});
