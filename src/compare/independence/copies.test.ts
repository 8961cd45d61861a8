import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../../model/article.js';
import type { Dossier } from '../../model/dossier.js';
import { schemaErrors } from '../../model/validate.js';
import { renderDossier } from '../../report/index.js';
import { dossierViolations } from '../../testing/invariants.js';
import { buildDossier } from '../dossier.js';
import { identicalInputs } from './copies.js';

// A story written for this test: one report, and a light rewrite of it by another outlet.
const REPORT = [
  'Harbour workers walk out over night shifts',
  '',
  'About 600 dock workers at the port of Lindqvist walked out on Thursday after the operator announced compulsory night shifts from next month, the union said.',
  'The operator, Baltic Quay Services, said the new rota was needed to clear a backlog of 40 container ships waiting offshore.',
  'Union leader Maren Holt said the strike would last until the plan was withdrawn.',
  'Ferries to the islands were running normally, the port authority said on its website.',
].join('\n');
const REWRITE = REPORT.replace('walked out on Thursday', 'went on strike on Thursday').replace('the union said', 'their union said');

const article = (origin: string, text: string): ReturnType<typeof makeArticle> => makeArticle({ origin, kind: 'text', text });
const valid = (d: Dossier): void => {
  assert.deepEqual(schemaErrors('dossier', d), []);
  assert.deepEqual(dossierViolations(d as unknown as Dossier & Record<string, unknown>), []);
};

void test('30 identical copies are one independent source, with a warning, and reuse grows linearly', () => {
  const copies = Array.from({ length: 30 }, (_, i) => article(`copy-${i}.txt`, REPORT));
  const d = buildDossier(copies);
  valid(d);
  assert.equal(d.sourceGroups?.length, 1);
  assert.equal(d.reuse.length, 29, 'one reuse entry per copy, not one per pair');
  assert.ok(d.reuse.every((r) => r.kind === 'copy' && r.a === 's0'));
  assert.deepEqual(d.warnings?.map((w) => [w.kind, w.sources.length]), [['identical-inputs', 30]]);
  assert.ok(d.claims.length > 0);
  for (const c of d.claims) {
    assert.equal(c.independentSources, 1, c.text);
    assert.equal(c.status, 'single-source', `"${c.text}" is carried by copies only`);
  }
  assert.equal(d.summary.length, 0, 'copies corroborate nothing');
  const terminal = renderDossier(d, 'terminal');
  assert.match(terminal, /30 sources \(1 independent\)/);
  assert.match(terminal, /warning: 30 inputs have identical text/);
  assert.match(terminal, /0 corroborated/);
  assert.match(renderDossier(d, 'md'), /\*\*Warning:\*\* 30 inputs have identical text/);
  assert.match(renderDossier(d, 'html'), /class="warnings"[^>]*><li>30 inputs have identical text/);
});

void test('a light rewrite is not identical but is a copy: warned, and counted once', () => {
  const d = buildDossier([article('a.txt', REPORT), article('b.txt', REWRITE)]);
  valid(d);
  assert.deepEqual(d.sourceGroups, [['s0', 's1']]);
  assert.deepEqual(d.warnings?.map((w) => [w.kind, w.sources]), [['copies', ['s0', 's1']]]);
  assert.ok(d.claims.every((c) => c.status !== 'corroborated'), 'what only a rewrite repeats is not corroborated');
});

void test('identical inputs are grouped by text, ignoring white space; empty texts are not copies', () => {
  const got = identicalInputs([
    { id: 's0', text: 'One text.\n' },
    { id: 's1', text: 'Another.' },
    { id: 's2', text: 'One  text.' },
    { id: 's3', text: '' },
    { id: 's4', text: '' },
  ]);
  assert.deepEqual(got.groups, [['s0', 's2']]);
  assert.equal(got.representative.get('s2'), 's0');
  assert.equal(got.representative.get('s4'), 's4');
});

void test('independent reports carry no warning', () => {
  const other = 'Dock workers in Lindqvist stopped work on Thursday. Around 600 joined the walkout, which the union called over plans for night shifts. A spokesman for the operator said ships were queuing.';
  const d = buildDossier([article('a.txt', REPORT), article('c.txt', other)]);
  assert.equal(d.warnings, undefined);
  assert.equal(d.sourceGroups?.length, 2);
});
