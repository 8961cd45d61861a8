import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readInputs } from '../../ingest/index.js';
import { DOSSIER_SCHEMA, sourcesOnlyDossier, type Claim, type Dossier } from '../../model/dossier.js';
import { EXAMPLE_STORY, SEEDS, hasShared } from '../../testing/paths.js';
import { dossierViolations } from '../../testing/invariants.js';
import { applyIndependence } from './index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { schemaErrors } from '../../model/validate.js';
import { REPO_ROOT } from '../../testing/paths.js';

/** The dossier schema and the exact shapes of this stage's additions (schemas/dossier-additions.schema.json). */
function schemaViolations(d: Dossier): string[] {
  const additions = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'dossier-additions.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(additions);
  const extra = validate(d) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  return [...schemaErrors('dossier', d), ...extra];
}

// Analyses are left out (the stage must stand without the language layer); the pipeline test covers both.

function checkSummary(d: Dossier): void {
  const groupOf = new Map<string, number>();
  (d.sourceGroups ?? []).forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
  const texts = new Map(d.sources.map((s) => [s.id, s.text]));
  for (const line of d.summary) {
    const main = line.evidence[0];
    assert.ok(main, 'a summary line has evidence');
    assert.equal(texts.get(main.source)?.slice(main.start, main.end), line.text, 'summary text is a source sentence verbatim');
    const groups = new Set(line.evidence.map((e) => groupOf.get(e.source)));
    assert.ok(groups.size >= 2, `"${line.text}" cites ${groups.size} independent source(s)`);
  }
}

const story = existsSync(EXAMPLE_STORY);

void test('example story: the rewrite and its origin are found, and they count once', { skip: !story && 'no examples/story' }, async () => {
  const { articles } = await readInputs([EXAMPLE_STORY]);
  const d0 = sourcesOnlyDossier(articles);
  const idOf = (name: string): string => d0.sources.find((s) => s.origin.includes(name))?.id ?? '?';
  const wire = idOf('cpa-wire');
  const rewrite = idOf('newspulse');
  const gazette = idOf('caddon-ferry-gazette');
  const span = (id: string) => ({ source: id, start: 0, end: 3, text: d0.sources.find((s) => s.id === id)?.text.slice(0, 3) ?? '' });
  const claims: Claim[] = [
    { id: 'c0', text: 'x', status: 'corroborated', independentSources: 2, evidence: [span(wire), span(rewrite)] },
    { id: 'c1', text: 'y', status: 'corroborated', independentSources: 3, evidence: [span(wire), span(rewrite), span(gazette)] },
  ];
  const input = { ...d0, claims };
  const before = structuredClone(input);
  const d = applyIndependence(input, []);
  assert.deepEqual(input, before, 'the input dossier is not changed');

  const linked = d.reuse.filter((r) => r.kind === 'copy' || r.kind === 'light-rewrite' || r.kind === 'paraphrase');
  assert.deepEqual(linked.map((r) => [r.a, r.b].sort()), [[wire, rewrite].sort()]);
  assert.equal(linked[0]?.kind, 'light-rewrite');
  assert.equal(linked[0]?.derivedFrom, wire, 'the wire story was published first');
  assert.deepEqual(d.claims.map((c) => [c.independentSources, c.copiesOnly ?? false]), [[1, true], [2, false]]);
  for (const r of d.reuse) assert.ok(r.a < r.b);

  assert.ok(d.summary.length >= 3 && d.summary.length <= 8, `${d.summary.length} summary lines`);
  checkSummary(d);
  assert.deepEqual(dossierViolations(d as unknown as Dossier & Record<string, unknown>), []);
  assert.equal(d.profiles?.length, d.sources.length);
  assert.deepEqual(schemaViolations(JSON.parse(JSON.stringify(d)) as Dossier), []);
});

void test('seed story: no outlet copies another, and each summary line cites two independent sources', { skip: !hasShared() && 'no ../shared' }, async () => {
  const { articles } = await readInputs([SEEDS]);
  const d = applyIndependence(sourcesOnlyDossier(articles), []);
  assert.equal(d.sourceGroups?.length, d.sources.length);
  assert.ok(d.summary.length >= 1);
  checkSummary(d);
  assert.deepEqual(dossierViolations(d as unknown as Dossier & Record<string, unknown>), []);
});

void test('one source, an empty source and identical sources are handled', () => {
  const make = (texts: string[]): Dossier => ({
    schema: DOSSIER_SCHEMA,
    sources: texts.map((text, i) => ({ id: `s${i}`, origin: `s${i}.txt`, outlet: null, title: null, published: null, text })),
    quotes: [],
    claims: [],
    conflicts: [],
    reuse: [],
    boilerplate: [],
    summary: [],
  });
  const one = applyIndependence(make(['A single report about the river bridge closing on Tuesday for repairs.']), []);
  assert.deepEqual([one.reuse, one.summary, one.sourceGroups], [[], [], [['s0']]]);
  const empty = applyIndependence(make(['', 'Some text here.']), []);
  assert.equal(empty.profiles?.length, 2);
  const text = 'The river bridge closed on Tuesday for eleven weeks of repairs to corroded cables, the council said in a statement on its website.';
  const same = applyIndependence(make([text, text, 'Something else entirely about a garden show and its prize-winning roses this weekend.']), []);
  assert.deepEqual(same.sourceGroups, [['s0', 's1'], ['s2']]);
  assert.equal(same.reuse[0]?.kind, 'copy');
  assert.equal(same.summary.length, 0, 'a copy does not corroborate');
});
