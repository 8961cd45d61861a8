import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Conflict } from '../../model/dossier.js';
import { oneConflictPerDispute } from './index.js';

const ev = (source: string, start: number): Conflict['sides'][number]['evidence'][number] => ({ source, start, end: start + 5, text: 'xxxxx' });
const conflict = (id: string, kind: Conflict['kind'], sides: [string, string[]][]): Conflict => ({
  id,
  kind,
  summary: id,
  sides: sides.map(([value, sources]) => ({ value, evidence: sources.map((s, i) => ev(s, i * 10)) })),
});

void test('one dispute found by two passes is one conflict, the first one found', () => {
  const a = conflict('a', 'date', [['Thursday', ['s0']], ['Friday', ['s1']]]);
  const b = conflict('b', 'date', [['friday', ['s1', 's2']], ['Thursday', ['s0']]]);
  assert.deepEqual(oneConflictPerDispute([a, b]).map((c) => c.id), ['a']);
});

void test('the same values in other sources, or of another kind, are another dispute', () => {
  const a = conflict('a', 'date', [['Thursday', ['s0']], ['Friday', ['s1']]]);
  const elsewhere = conflict('b', 'date', [['Thursday', ['s2']], ['Friday', ['s3']]]);
  const otherKind = conflict('c', 'descriptor', [['Thursday', ['s0']], ['Friday', ['s1']]]);
  assert.deepEqual(oneConflictPerDispute([a, elsewhere, otherKind]).map((c) => c.id), ['a', 'b', 'c']);
});
