import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { generateCorpus } from '../../../scripts/generate-corpus.js';
import { readInputs } from '../../ingest/index.js';
import { contentId } from '../../store/identity.js';
import { SqliteStore } from '../../store/sqlite.js';
import { schemaErrors } from '../../model/validate.js';
import { REPO_ROOT } from '../../testing/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-corpus-cli-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const MAIN = join(REPO_ROOT, 'src', 'cli', 'main.ts');
const cli = (args: string[]): ReturnType<typeof spawnSync> => spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

function writeBatch(name: string, n: number, extraLines: string[] = []): string {
  const path = join(dir, name);
  const lines = [...generateCorpus({ articles: n, seed: 7 })].map((a) => JSON.stringify(a));
  lines.splice(Math.floor(lines.length / 2), 0, ...extraLines);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

interface Line {
  event: string;
  status?: string;
  id?: string;
  story?: string;
  stored?: number;
  duplicate?: number;
}

void test('ingest: a malformed line does not stop the batch; a second run stores nothing new; stories and cluster agree', () => {
  const batch = writeBatch('small.jsonl', 40, ['{not json', JSON.stringify({ title: 'no text here' })]);
  const db = join(dir, 'small.db');
  const first = cli(['ingest', batch, '--db', db, '--json']);
  assert.equal(first.status, 0, String(first.stderr));
  const lines = String(first.stdout)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
  assert.ok(lines.some((l) => l.event === 'problem'), 'the bad lines are reported');
  const done = lines.at(-1)!;
  assert.equal(done.event, 'done');
  assert.equal(lines.at(-2)?.event, 'revision', 'the batch ends with a revision of the open stories');
  assert.ok((done.stored ?? 0) >= 35);
  const again = cli(['ingest', batch, '--db', db, '--json']);
  const last = JSON.parse(String(again.stdout).trim().split('\n').at(-1)!) as Line;
  assert.equal(last.stored, 0);
  assert.equal(last.duplicate, (done.stored ?? 0) + (done.duplicate ?? 0));

  const stories = cli(['stories', '--db', db, '--format', 'json']);
  const listed = JSON.parse(String(stories.stdout)) as { total: number; stories: { id: string; articleCount: number }[] };
  assert.equal(
    listed.stories.reduce((n, s) => n + s.articleCount, 0),
    done.stored,
  );
  const story = cli(['story', listed.stories[0]!.id, '--db', db, '--format', 'json']);
  assert.equal(story.status, 0, String(story.stderr));
  assert.equal((JSON.parse(String(story.stdout)) as { schema: string }).schema, 'crosscheck/dossier@1');
  const missing = cli(['story', 'story-000000000000', '--db', db]);
  assert.equal(missing.status, 1);
  assert.match(String(missing.stderr), /^crosscheck: story-000000000000: no such story\n$/);

  const clustered = cli(['cluster', batch, '--format', 'json']);
  assert.equal(clustered.status, 0);
  assert.deepEqual(schemaErrors('cluster', JSON.parse(String(clustered.stdout))), []);
});

void test('ingest survives SIGKILL: every article reported as stored is in the store, and a re-run completes the job', async () => {
  const batch = writeBatch('big.jsonl', 1500);
  const db = join(dir, 'killed.db');
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'ingest', batch, '--db', db, '--json'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
  const reported: string[] = [];
  const rl = createInterface({ input: child.stdout });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  for await (const line of rl) {
    const l = JSON.parse(line) as Line;
    if (l.event === 'article' && l.status === 'stored' && l.id) reported.push(l.id);
    if (reported.length >= 150) {
      child.kill('SIGKILL');
      break;
    }
  }
  await exited;
  assert.ok(reported.length >= 150, 'the ingest was killed mid-way');
  const store = new SqliteStore(db);
  for (const id of reported) assert.ok(await store.byId(id), `reported article ${id} is stored`);
  await store.close();

  const rerun = cli(['ingest', batch, '--db', db, '--json']);
  assert.equal(rerun.status, 0);
  const { articles } = await readInputs([batch]);
  const distinct = new Set(articles.map((a) => contentId(a)));
  const check = new SqliteStore(db);
  assert.equal(await check.countArticles(), distinct.size);
  await check.close();
});
