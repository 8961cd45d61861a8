import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { readInputs } from '../ingest/index.js';
import type { Dossier } from '../model/dossier.js';
import { schemaErrors } from '../model/validate.js';
import { dossierViolations } from '../testing/invariants.js';
import { EVAL, EXAMPLE_STORY, REPO_ROOT, SEEDS, hasShared } from '../testing/paths.js';
import { buildDossier } from './dossier.js';

const GOLDEN = join(REPO_ROOT, 'test', 'golden', 'dossier-example-story.json');

async function dossierOf(dir: string): Promise<Dossier> {
  const files = readdirSync(dir).filter((f) => !/^readme/i.test(f)).sort().map((f) => join(dir, f));
  const { articles } = await readInputs(files);
  return buildDossier(articles);
}

function assertValid(d: Dossier): void {
  assert.deepEqual(schemaErrors('dossier', d), []);
  assert.deepEqual(dossierViolations(d as unknown as Dossier & Record<string, unknown>), []);
}

/** Runs the team's scorer on a dossier; returns its composite and the lines it printed. */
function score(d: Dossier, gold: string, dir: string | null): { composite: number; out: string } {
  const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-dossier-'));
  const file = join(tmp, 'dossier.json');
  writeFileSync(file, JSON.stringify(d));
  const args = [join(EVAL, 'score-dossier.mjs'), '--gold', gold, '--dossier', file, '--verbose', ...(dir ? ['--dir', dir] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const m = /composite ([\d.]+)/.exec(r.stdout);
  return { composite: m ? Number(m[1]) : 0, out: r.stdout };
}

void test('seed story: valid dossier, every gold conflict reported, composite at least 0.85', { skip: !hasShared() }, async () => {
  const d = await dossierOf(SEEDS);
  assertValid(d);
  const { composite, out } = score(d, join(EVAL, 'gold', 'seeds.json'), SEEDS);
  assert.ok(!/conflict: .* not reported/.test(out), out);
  assert.ok(composite >= 0.85, out);
});

void test('the same input gives the same dossier, byte for byte', { skip: !hasShared() }, async () => {
  const a = JSON.stringify(await dossierOf(SEEDS));
  const b = JSON.stringify(await dossierOf(SEEDS));
  assert.equal(a, b);
});

void test('sources are numbered in input order and ids follow output order', { skip: !hasShared() }, async () => {
  const d = await dossierOf(SEEDS);
  assert.deepEqual(d.sources.map((s) => s.id), d.sources.map((_, i) => `s${i}`));
  assert.deepEqual(d.quotes.map((q) => q.id), d.quotes.map((_, i) => `q${i + 1}`));
  assert.deepEqual(d.conflicts.map((c) => c.id), d.conflicts.map((_, i) => `x${i + 1}`));
  for (const q of d.quotes) assert.equal(q.variants.filter((v) => v.reference).length, 1);
});

/** Origins relative to the repository, so the fixture does not depend on where the checkout lives. */
const portable = (d: Dossier): Dossier => ({ ...d, sources: d.sources.map((s) => ({ ...s, origin: relative(REPO_ROOT, resolve(s.origin)) })) });

// Regenerate with: UPDATE_GOLDEN=1 node scripts/run-tests.mjs src/compare/dossier.test.ts
void test('golden: the example story dossier', { skip: !existsSync(EXAMPLE_STORY) }, async () => {
  const d = portable(await dossierOf(EXAMPLE_STORY));
  assertValid(d);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN, JSON.stringify(d, null, 2) + '\n');
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Dossier;
  assertValid(golden);
  assert.deepEqual(d, golden);
});
