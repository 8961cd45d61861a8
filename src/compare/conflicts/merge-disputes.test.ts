import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Conflict } from '../../model/dossier.js';
import { mergeSameDisputes } from './merge-disputes.js';

const ev = (source: string, start: number): Conflict['sides'][number]['evidence'][number] => ({ source, start, end: start + 5, text: 'Tuesday' });
const conflict = (summary: string, sides: [string, string[]][]): Conflict => ({
  id: 'x',
  kind: 'date',
  summary,
  sides: sides.map(([value, sources]) => ({ value, evidence: sources.map((s, i) => ev(s, i * 10)) })),
});

void test('the same question and values found in other sources is one conflict, its counts recounted', () => {
  const a = conflict('Outlets disagree on when it happened: Tuesday (1 source) vs Friday (1 source).', [['Tuesday', ['s1']], ['Friday', ['s5']]]);
  const b = conflict('Outlets disagree on when it happened: Tuesday (2 sources) vs Friday (1 source).', [['Tuesday', ['s2', 's6']], ['Friday', ['s7']]]);
  const [only, ...rest] = mergeSameDisputes([a, b]);
  assert.equal(rest.length, 0);
  assert.equal(only?.summary, 'Outlets disagree on when it happened: Tuesday (3 sources) vs Friday (2 sources).');
  assert.deepEqual(only?.sides.map((s) => s.evidence.map((e) => e.source)), [['s1', 's2', 's6'], ['s5', 's7']]);
});

void test('another question, other values or another kind stay apart', () => {
  const a = conflict('Outlets disagree on when it happened: Tuesday (1 source) vs Friday (1 source).', [['Tuesday', ['s1']], ['Friday', ['s5']]]);
  const other = conflict('Outlets disagree on when it was said: Tuesday (1 source) vs Friday (1 source).', [['Tuesday', ['s2']], ['Friday', ['s6']]]);
  const values = conflict('Outlets disagree on when it happened: Tuesday (1 source) vs Sunday (1 source).', [['Tuesday', ['s2']], ['Sunday', ['s6']]]);
  const kind: Conflict = { ...conflict('Outlets disagree on when it happened: Tuesday (1 source) vs Friday (1 source).', [['Tuesday', ['s2']], ['Friday', ['s6']]]), kind: 'number' };
  assert.equal(mergeSameDisputes([a, other, values, kind]).length, 4);
});

void test('a summary that does not print each side with its count is not merged', () => {
  const a = conflict('Outlets disagree on when it happened: Tuesday vs Friday.', [['Tuesday', ['s1']], ['Friday', ['s5']]]);
  const b = conflict('Outlets disagree on when it happened: Tuesday vs Friday.', [['Tuesday', ['s2']], ['Friday', ['s7']]]);
  assert.equal(mergeSameDisputes([a, b]).length, 2);
});
