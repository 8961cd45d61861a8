import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildDossier } from '../compare/dossier.js';
import { makeArticle } from '../model/article.js';
import { schemaErrors } from '../model/validate.js';
import { articleFromJson } from '../server/app.js';
import { FUZZ_CLASSES, fuzzCase } from './fuzz-cases.js';
import { checkInput } from './fuzz-check.js';
import { dossierViolations, spanViolations } from './invariants.js';
import { REPO_ROOT } from './paths.js';

// Hostile input, through every reader and the dossier builder: each gives a clear one-line error or
// valid output whose every span indexes its text (checkInput throws otherwise). The long run is
// scripts/fuzz.ts; this is the part small enough for every test run.

const dir = mkdtempSync(join(tmpdir(), 'cc-fuzz-test-'));
const CRASHED = join(REPO_ROOT, 'test', 'fixtures', 'hostile', 'crashed');
/** Fixed seeds, so a failure names a case that can be run again. */
const SEED = 20261206;

void test('every input that ever crashed a run is now a clear error or valid output', async () => {
  const files = readdirSync(CRASHED).filter((f) => f !== 'README.md');
  assert.ok(files.length >= 8);
  const outcomes = new Map<string, string>();
  for (const f of files) outcomes.set(f, await checkInput(f, readFileSync(join(CRASHED, f)), dir));
  // The ones that hold an article are read; the others are refused.
  assert.equal(outcomes.get('utf16-bom.txt'), 'valid output');
  assert.equal(outcomes.get('trailing-bytes.txt.gz'), 'valid output');
  assert.equal(outcomes.get('nested-div-100000.html.gz'), 'clean error');
  assert.equal(outcomes.get('inflates-to-80mb.txt.gz'), 'clean error');
});

void test('seeded cases of every hostile class', async () => {
  for (const cls of FUZZ_CLASSES) {
    for (let i = 0; i < 3; i++) {
      const c = fuzzCase(cls, SEED, i);
      await assert.doesNotReject(checkInput(c.name, c.bytes, dir), `${cls} #${i} (${c.name})`);
    }
  }
});

const MARKUP = ['<div>', '</div>', '<p>', '</p>', '<b>', '<svg>', '<script>', '</script>', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&#0;', '&lol;', '"', '“', '”', '‘', '’', "'", 'said', 'The council', ' ', '\n', '\n\n', '---\n', 'title: x\n', '{', '}', '"text":', '"html":', ':', ',', '<?xml version="1.0"?>', '<rss version="2.0">', '<channel>', '<item>', '<description>', '<feed>', '<entry>', '\u202e', '\u200b', '\ud800', '\0'];
const markupText = fc.array(fc.constantFrom(...MARKUP), { maxLength: 200 }).map((xs) => xs.join(''));
const EXTS = ['.txt', '.md', '.html', '.jsonl', '.xml', '.rss'];

void test('every reader: arbitrary bytes and markup-like text are a clear error or valid output', async () => {
  for (const ext of EXTS) {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 3000 }), markupText.map((s) => new TextEncoder().encode(s))), async (bytes) => {
        await checkInput(`input${ext}`, bytes, dir);
      }),
      { numRuns: 25, seed: SEED },
    );
  }
});

void test('POST /articles bodies: any JSON value is an article with valid spans or a reason', async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.anything(), fc.record({ text: fc.string({ unit: 'binary' }) }), fc.record({ html: markupText, title: fc.string() })), async (value) => {
      const a = await articleFromJson(value, 0);
      if (typeof a === 'string') assert.ok(a.trim() && !a.includes('\n'), a);
      else assert.deepEqual(spanViolations(a.text, a.boilerplate), []);
    }),
    { numRuns: 60, seed: SEED },
  );
});

void test('the dossier of any texts is valid and every span indexes its source', () => {
  const prose = fc.array(fc.oneof(fc.constantFrom('“We will rebuild,” the mayor said.', 'The council said on Tuesday that 12 people were hurt.', 'Officials said 14 people were hurt.', '\n\n', ' '), fc.string({ unit: 'binary', maxLength: 40 })), { minLength: 1, maxLength: 12 }).map((xs) => xs.join(' '));
  fc.assert(
    fc.property(fc.array(prose, { minLength: 1, maxLength: 4 }), (texts) => {
      const articles = texts.filter((t) => t.trim()).map((text, i) => makeArticle({ origin: `s${i}.txt`, kind: 'text', text, meta: { outlet: `Outlet ${i}` } }));
      if (articles.length === 0) return;
      const d = buildDossier(articles);
      assert.deepEqual(schemaErrors('dossier', d), []);
      assert.deepEqual(dossierViolations(d as unknown as Parameters<typeof dossierViolations>[0]), []);
    }),
    { numRuns: 40, seed: SEED },
  );
});
