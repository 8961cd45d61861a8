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
  // status keeps its contract meaning (several outlets report it); copiesOnly says it is not corroborated
  assert.equal(a?.status, 'corroborated');
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
