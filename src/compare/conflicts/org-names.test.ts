import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docsOf } from '../../testing/source-docs.js';
import type { SourceDoc } from '../source-doc.js';
import { orgNameConflicts } from './org-names.js';

// Invented firms and towns: one bank printed under two names.
const sourcesOf = (docs: SourceDoc[], side: { evidence: { source: string }[] } | undefined): number[] =>
  [...new Set((side?.evidence ?? []).map((e) => docs.findIndex((d) => d.id === e.source)))].sort();

void test('org names: one firm, its short form, two long forms with different middle words', () => {
  const docs = docsOf(
    'FIRE GUTS BRANCH OF KALDER HARBOUR BANK in the old town of Vessel.',
    'Three clerks were hurt when a fire broke out at a branch of the Kalder Trust Bank on Monday.',
    'Firefighters said the Kalder bank branch had no sprinklers.',
  );
  const [c, ...rest] = orgNameConflicts(docs);
  assert.equal(rest.length, 0);
  assert.ok(c, 'Kalder Harbour Bank and Kalder Trust Bank are one firm under two names');
  assert.equal(c.kind, 'descriptor');
  assert.deepEqual(c.sides.map((s) => s.value).sort(), ['Kalder Harbour Bank', 'Kalder Trust Bank']);
  assert.deepEqual(c.sides.map((s) => sourcesOf(docs, s)).sort(), [[0], [1]]);
  for (const side of c.sides) for (const e of side.evidence) assert.equal(docs.find((d) => d.id === e.source)?.text.slice(e.start, e.end), e.text);
});

void test('org names: without a short form the first word does not pick out one firm', () => {
  const docs = docsOf('The fire broke out at the Kalder Harbour Bank.', 'The fire broke out at the Kalder Trust Bank.');
  assert.deepEqual(orgNameConflicts(docs), []);
});

void test('org names: generic first words, a fuller form, one source naming both', () => {
  // "First" is shared by many firms: First Harbour Bank and First Trust Bank are two firms.
  assert.deepEqual(orgNameConflicts(docsOf('The First bank closed.', 'It was the First Harbour Bank.', 'It was the First Trust Bank.')), []);
  // A fuller name holding the other's middle word is the same name, longer.
  assert.deepEqual(orgNameConflicts(docsOf('The Kalder bank closed.', 'It was the Kalder Trust Bank.', 'It was the Kalder Trust Savings Bank.')), []);
  // A source printing both names takes no side (the firm and a sister firm).
  assert.deepEqual(orgNameConflicts(docsOf('The Kalder bank closed.', 'The Kalder Trust Bank owns the Kalder Harbour Bank.', 'It was the Kalder Trust Bank.')), []);
});

void test('org names: different head nouns are different firms', () => {
  const docs = docsOf('The Kalder bank closed.', 'The Kalder Harbour Bank closed.', 'The Kalder Trust Airlines flight was delayed.');
  assert.deepEqual(orgNameConflicts(docs), []);
});
