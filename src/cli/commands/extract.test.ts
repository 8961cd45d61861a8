import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, SEEDS, hasShared } from '../../testing/paths.js';
import { spanViolations } from '../../testing/invariants.js';
import { schemaErrors } from '../../model/validate.js';
import { renderArticleText } from './extract.js';
import { makeArticle } from '../../model/article.js';

const FIX = join(REPO_ROOT, 'test', 'fixtures');

function crosscheck(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src', 'cli', 'main.ts'), ...args], { encoding: 'utf8', cwd: REPO_ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Line {
  origin: string;
  error?: string;
  text?: string;
  body?: string;
  boilerplate?: { start: number; end: number; reason: string }[];
}

void test('extract --format jsonl: one schema-valid line per article or failed input, and one stderr line per failure', () => {
  const missing = join(FIX, 'ingest', 'no-such-file.txt');
  const r = crosscheck('extract', '--format', 'jsonl', join(FIX, 'ingest', 'story'), missing, join(FIX, 'extract', 'news-page-with-furniture', 'source.html'));
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
  for (const line of lines) {
    assert.deepEqual(schemaErrors('extract', line), [], JSON.stringify(line).slice(0, 200));
    if (line.text !== undefined) {
      assert.deepEqual(spanViolations(line.text, line.boilerplate ?? []), []);
      let body = '';
      let at = 0;
      for (const b of line.boilerplate ?? []) {
        body += line.text.slice(at, b.start);
        at = b.end;
      }
      assert.equal(line.body, body + line.text.slice(at));
    }
  }
  assert.equal(lines.filter((l) => l.error).length, 2); // the missing file and the malformed JSONL line
  assert.deepEqual(lines.find((l) => l.origin === missing), { origin: missing, error: 'no such file or directory' });
  assert.ok(r.stderr.includes(`crosscheck: ${missing}: no such file or directory\n`));
  assert.doesNotMatch(r.stderr, /\bat .*\.ts:\d+/, 'no stack trace');
});

void test('extract on the seeds: text equals each file, and the JSON array matches the JSONL lines', { skip: !hasShared() && 'no ../shared' }, () => {
  const jsonl = crosscheck('extract', '--format', 'jsonl', SEEDS);
  const json = crosscheck('extract', '--format', 'json', SEEDS);
  assert.equal(jsonl.code, 0);
  const lines = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
  assert.deepEqual(JSON.parse(json.stdout), lines);
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
  for (const f of seeds) assert.equal(lines.find((l) => l.origin === join(SEEDS, f))?.text, readFileSync(join(SEEDS, f), 'utf8'));
});

void test('extract --format text shows metadata and marks', () => {
  const r = crosscheck('extract', join(FIX, 'ingest', 'story', 'a-front-matter.md'));
  assert.equal(r.code, 0);
  assert.match(r.stdout, /title +Council approves harbour budget/);
  assert.match(r.stdout, /\[ad: Advertisement\]/);
});

void test('exit 1 when nothing could be read, 2 for a usage error', () => {
  const none = crosscheck('extract', join(FIX, 'ingest', 'missing.txt'));
  assert.equal(none.code, 1);
  assert.equal(none.stderr.trim().split('\n').length, 2);
  assert.equal(crosscheck('extract', '--format', 'yaml', 'x.txt').code, 2);
  assert.equal(crosscheck('extract', '--timeout', 'soon', 'x.txt').code, 2);
});

void test('terminal control characters in article text and metadata are neutralised in text output', () => {
  const a = makeArticle({ origin: 'x\x1b]0;title\x07.txt', kind: 'text', text: 'Clear\x1b[2J screen \u202Eevil\n', meta: { title: 'T\x9b1m' } });
  const shown = renderArticleText(a, false);
  for (const c of ['\x1b', '\x07', '\x9b', '\u202E']) assert.ok(!shown.includes(c), `U+${c.charCodeAt(0).toString(16)} shown raw`);
  assert.match(shown, /Clear\uFFFD\[2J screen \uFFFDevil/);
});
