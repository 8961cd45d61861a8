import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim } from '../../model/dossier.js';
import { recountClaims, sourceGroups } from './independence.js';

const claim = (id: string, sources: string[], status: Claim['status'] = 'corroborated'): Claim => ({
  id,
  text: id,
  status,
  independentSources: sources.length,
  evidence: sources.map((s) => ({ source: s, start: 0, end: 1, text: 'x' })),
});

void test('a chain of reuse links makes one group, whatever order the links come in', () => {
  const ids = ['s0', 's1', 's2', 's3', 's4'];
  const g1 = sourceGroups(ids, [{ a: 's3', b: 's4' }, { a: 's1', b: 's3' }]);
  const g2 = sourceGroups(ids, [{ a: 's1', b: 's3' }, { a: 's3', b: 's4' }]);
  assert.deepEqual(g1, [['s0'], ['s1', 's3', 's4'], ['s2']]);
  assert.deepEqual(g2, g1);
});

void test('independentSources counts groups; a claim backed only by copies is marked copiesOnly', () => {
  const groups = [['s0'], ['s1', 's3'], ['s2']];
  const [a, b, c] = recountClaims([claim('a', ['s1', 's3']), claim('b', ['s0', 's1', 's3']), claim('c', ['s2'], 'single-source')], groups);
  assert.equal(a?.independentSources, 1);
  assert.equal(a?.copiesOnly, true);
  // copies are one source (issue 17): single-source, copiesOnly saying several copies carry it
  assert.equal(a?.status, 'single-source');
  assert.equal(b?.status, 'corroborated');
  assert.equal(b?.independentSources, 2);
  assert.equal(b?.copiesOnly, undefined);
  assert.equal(c?.independentSources, 1);
  assert.equal(c?.copiesOnly, undefined);
});

void test('recounting does not change the claims it is given', () => {
  const input = [claim('a', ['s1', 's3'])];
  const before = structuredClone(input);
  recountClaims(input, [['s1', 's3']]);
  assert.deepEqual(input, before);
});

void test('groups list ids in natural order (s2 before s10)', () => {
  assert.deepEqual(sourceGroups(['s10', 's2', 's1'], [{ a: 's10', b: 's2' }]), [['s1'], ['s2', 's10']]);
});

void test('sources sharing a copied passage count once for a claim inside it, and only for that claim', () => {
  const ev = (source: string, start: number, end: number) => ({ source, start, end, text: 'x'.repeat(end - start) });
  const copied = [{ a: ev('s0', 100, 300), b: ev('s1', 50, 250) }];
  const inside: Claim = { id: 'c0', text: 'x', status: 'corroborated', independentSources: 2, evidence: [ev('s0', 120, 140), ev('s1', 70, 90)] };
  const outside: Claim = { id: 'c1', text: 'y', status: 'corroborated', independentSources: 2, evidence: [ev('s0', 10, 30), ev('s1', 70, 90)] };
  const [a, b] = recountClaims([inside, outside], [['s0'], ['s1']], copied);
  assert.deepEqual([a?.independentSources, a?.copiesOnly], [1, true]);
  assert.deepEqual([b?.independentSources, b?.copiesOnly], [2, undefined]);
});
