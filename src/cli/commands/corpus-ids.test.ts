import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

void test('a dated .md and undated .txt files: cluster, ingest and the stored story agree on ids, titles and stated dates', () => {
  const stories = join(dir, 'harbour');
  mkdirSync(stories);
  // a.txt comes first in the directory but has no metadata date; b.md has one: the story is a.txt's.
  writeFileSync(join(stories, 'a.txt'), 'Harbour wall gives way in storm\nEarlier today (9 July), the harbour wall at Harbourton gave way in a storm, the port authority said. Ten boats were damaged.\n');
  writeFileSync(join(stories, 'b.md'), '---\ntitle: Harbour wall collapses\npublished: 2024-07-09\n---\nThe harbour wall at Harbourton gave way in a storm, the port authority said. Ten boats were damaged in the harbour.\n');
  writeFileSync(join(stories, 'c.txt'), 'Storm breaks Harbourton harbour wall\nThe harbour wall at Harbourton gave way in a storm on Tuesday 9 July, the port authority said. Twelve boats were damaged.\n');
  const db = join(dir, 'harbour.db');
  const ingest = cli(['ingest', stories, '--db', db]);
  assert.equal(ingest.status, 0, ingest.stderr);
  const stored = JSON.parse(cli(['stories', '--db', db, '--format', 'json']).stdout) as { stories: { id: string; title: string }[] };
  const clustered = JSON.parse(cli(['cluster', stories, '--format', 'json']).stdout) as { stories: { id: string; title: string }[] };
  assert.equal(stored.stories.length, 1);
  assert.deepEqual(clustered.stories.map((s) => [s.id, s.title]), stored.stories.map((s) => [s.id, s.title]));
  assert.equal(stored.stories[0]!.title, 'Harbour wall gives way in storm', "the first .txt's first line");
  // Every reading of the batch gives each article the same title and date.
  const extracted = cli(['extract', stories, '--format', 'jsonl']).stdout.trim().split('\n').map((l) => JSON.parse(l) as { origin: string; title: string; published: string | null });
  const analysed = (JSON.parse(cli(['analyze', stories, '--format', 'json']).stdout) as { sources: { origin: string; title: string; published: string | null }[] }).sources;
  const story = (JSON.parse(cli(['story', stored.stories[0]!.id, '--db', db, '--format', 'json']).stdout) as { sources: { origin: string; title: string; published: string | null }[] }).sources;
  const view = (list: { origin: string; title: string; published: string | null }[]) => list.map((s) => [s.origin.split('/').pop(), s.title, s.published?.slice(0, 10)]).sort();
  const expected = [
    ['a.txt', 'Harbour wall gives way in storm', '2024-07-09'],
    ['b.md', 'Harbour wall collapses', '2024-07-09'],
    ['c.txt', 'Storm breaks Harbourton harbour wall', '2024-07-09'],
  ];
  assert.deepEqual(view(extracted), expected, 'extract');
  assert.deepEqual(view(analysed), expected, 'analyze');
  assert.deepEqual(view(story), expected, 'story, from the store');
});
