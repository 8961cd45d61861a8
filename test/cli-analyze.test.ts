import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dossier } from '../src/model/dossier.js';
import { schemaErrors } from '../src/model/validate.js';
import { dossierViolations } from '../src/testing/invariants.js';
import { EVAL, EXAMPLE_STORY, REPO_ROOT, hasShared } from '../src/testing/paths.js';

// End-to-end: the `analyze` command as a user runs it, on the example story the project ships.

const CLI = join(REPO_ROOT, 'src', 'cli', 'main.ts');
const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));

void test('analyze --format json: a schema-valid dossier whose spans all index their sources', () => {
  const r = run(['analyze', EXAMPLE_STORY, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const d = JSON.parse(r.stdout) as Dossier;
  assert.deepEqual(schemaErrors('dossier', d), []);
  assert.deepEqual(dossierViolations(d as unknown as Dossier & Record<string, unknown>), []);
  assert.equal(d.sources.length, 6, 'six outlets in the example story');
  assert.ok(d.conflicts.length > 0 && d.quotes.length > 0 && d.claims.length > 0);
});

void test('a bad input among good ones is one stderr line naming it; the others go on', () => {
  const missing = join(tmp, 'no-such-article.txt');
  const empty = join(tmp, 'empty.txt');
  writeFileSync(empty, '');
  const r = run(['analyze', EXAMPLE_STORY, missing, empty, '--format', 'json']);
  assert.equal(r.status, 0);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 2, r.stderr);
  assert.ok(lines.some((l) => l.includes('no-such-article.txt')), r.stderr);
  assert.ok(lines.some((l) => l.includes('empty.txt')), r.stderr);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  assert.equal((JSON.parse(r.stdout) as Dossier).sources.length, 6);
});

void test('exit 1 when no article could be read, 2 for a usage error', () => {
  const none = run(['analyze', join(tmp, 'nothing-here.txt')]);
  assert.equal(none.status, 1);
  assert.doesNotMatch(none.stderr, /\n\s+at /);
  const usage = run(['analyze', EXAMPLE_STORY, '--format', 'pdf']);
  assert.equal(usage.status, 2);
  const noInput = run(['analyze']);
  assert.equal(noInput.status, 2);
});

void test('the terminal report, piped, is plain text within 80 columns', () => {
  const r = run(['analyze', EXAMPLE_STORY]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(!r.stdout.includes(String.fromCharCode(27)), "no ANSI escapes when not a terminal");
  const widest = Math.max(...r.stdout.split('\n').map((l) => [...l].length));
  assert.ok(widest <= 80, `widest line ${widest}`);
  assert.match(r.stdout, /Conflicts/);
});

void test('--format html --out writes one standalone page with no remote loads', () => {
  const out = join(tmp, 'story.html');
  const r = run(['analyze', EXAMPLE_STORY, '--format', 'html', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  const html = readFileSync(out, 'utf8');
  assert.match(html, /Content-Security-Policy/);
  assert.match(html, /default-src (?:'|&#39;)none(?:'|&#39;)/);
  assert.doesNotMatch(html, /<(?:script|link|img)[^>]+(?:src|href)=["']?https?:/i);
});

void test('the example gold matches its story, and the dossier scores at least 0.90 on it', { skip: !hasShared() && 'no ../shared' }, () => {
  const check = spawnSync(process.execPath, [join(REPO_ROOT, 'examples', 'check-gold.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  const r = run(['analyze', EXAMPLE_STORY, '--format', 'json', '--out', join(tmp, 'example.json')]);
  assert.equal(r.status, 0, r.stderr);
  const gold = join(REPO_ROOT, 'examples', 'gold', 'story.json');
  assert.ok(existsSync(gold));
  const s = spawnSync(process.execPath, [join(EVAL, 'score-dossier.mjs'), '--gold', gold, '--dossier', join(tmp, 'example.json')], { encoding: 'utf8' });
  const m = /composite ([\d.]+)/.exec(s.stdout);
  assert.ok(m && Number(m[1]) >= 0.9, s.stdout);
});
