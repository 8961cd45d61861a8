import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { REPO_ROOT, SEEDS, hasShared } from '../../testing/paths.js';
import { spansIn, spanViolations } from '../../testing/invariants.js';
import { schemaErrors } from '../../model/validate.js';
import { makeArticle } from '../../model/article.js';
import { quotesLine, renderQuotesText, type QuotesLine } from './quotes-output.js';

function crosscheck(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src', 'cli', 'main.ts'), ...args], { encoding: 'utf8', cwd: REPO_ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

void test('quotes --format jsonl: one schema-valid line per article, every span indexing its text', { skip: !hasShared() }, () => {
  const r = crosscheck('quotes', '--format', 'jsonl', SEEDS);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as QuotesLine);
  assert.equal(lines.length, 5);
  for (const line of lines) {
    assert.deepEqual(schemaErrors('quotes', line), []);
    assert.ok(line.quotes.length > 0, `${line.origin}: no quotes`);
    assert.deepEqual(spanViolations(line.text, [...spansIn(line.quotes)], line.origin), []);
  }
});

void test('quotes: an unreadable input is one stderr line; none readable exits 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-quotes-'));
  const ok = join(dir, 'a.txt');
  writeFileSync(ok, '"We will win," she said.\n');
  const r = crosscheck('quotes', '--format', 'jsonl', ok, join(dir, 'missing.txt'));
  assert.equal(r.code, 0);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /^crosscheck: .*missing\.txt: /);
  const none = crosscheck('quotes', join(dir, 'missing.txt'));
  assert.equal(none.code, 1);
  assert.doesNotMatch(none.stderr, /at .*\.ts:\d+/);
});

void test('the text listing escapes untrusted article text', () => {
  const text = 'He said: "\u001b[31mred\u001b[0m alert," and left.';
  const out = renderQuotesText(quotesLine(makeArticle({ origin: 'x\u001b[2J.txt', kind: 'text', text })), false);
  assert.ok(!out.includes(String.fromCharCode(27)), "no raw escape character");
  assert.match(out, /red/);
});
