import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareClaims } from '../claims/index.js';
import { compareQuotes } from '../quotes/index.js';
import { docsOf } from '../../testing/source-docs.js';
import type { SourceDoc } from '../source-doc.js';
import { intervenerConflicts } from './intervener.js';

// Invented people and places: the one who stepped in, given two standings.
const claimsOf = (docs: SourceDoc[]): ReturnType<typeof compareClaims> => compareClaims(docs, compareQuotes(docs));
const run = (docs: SourceDoc[]): ReturnType<typeof intervenerConflicts> => intervenerConflicts(docs, claimsOf(docs));
const sourcesOf = (docs: SourceDoc[], side: { evidence: { source: string }[] } | undefined): number[] =>
  [...new Set((side?.evidence ?? []).map((e) => docs.findIndex((d) => d.id === e.source)))].sort();

void test('intervener: a man who was visiting against an inmate, the same attack by Dravik', () => {
  const docs = docsOf(
    'In 2004 Dravik stabbed a guard at the Millbrook jail. Dravik also wounded a man who was visiting his cousin that day and tried to stop the attack.',
    'Dravik stabbed a guard at the Millbrook jail in 2004, and another inmate who tried to break up the attack was also hurt.',
  );
  const [c, ...rest] = run(docs);
  assert.equal(rest.length, 0);
  assert.ok(c, 'a visitor and an inmate are two standings of one person');
  assert.equal(c.kind, 'descriptor');
  assert.deepEqual(c.sides.map((s) => s.value).sort(), ['inmate', 'visitor']);
  assert.deepEqual(sourcesOf(docs, c.sides.find((s) => s.value === 'visitor')), [0]);
  for (const side of c.sides) for (const e of side.evidence) assert.equal(docs.find((d) => d.id === e.source)?.text.slice(e.start, e.end), e.text);
});

void test('intervener: the same standing in other words, a group, a bare person', () => {
  // A prisoner is an inmate.
  assert.deepEqual(run(docsOf('Dravik stabbed a guard, and an inmate who tried to stop him was hurt.', 'Dravik stabbed a guard, and a fellow prisoner who intervened was hurt.')), []);
  // Officers are a group, not one person; a man is no standing.
  assert.deepEqual(run(docsOf('Dravik stabbed a guard, and officers who tried to stop him were hurt.', 'Dravik stabbed a guard, and a man who tried to stop him was hurt.')), []);
});

void test('intervener: different attacks in unrelated sentences are not one person', () => {
  const docs = docsOf(
    'At the Tarn market on Monday, a customer who tried to stop the thief was pushed over.',
    'Years ago in Ostrava, a teacher who intervened in a playground fight lost his job.',
  );
  assert.deepEqual(run(docs), []);
});
