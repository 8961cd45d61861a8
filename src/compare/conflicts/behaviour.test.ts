import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EDITS } from '../../testing/conflict-edits.js';
import { rateOf, runConflictSuite, type SuiteCase } from '../../testing/conflict-suite.js';

// The behavioural conflict suite on sentences written for this test (invented places and people):
// every number edit that changes a fact must be reported as a number conflict, and no edit that
// keeps the fact (rewording, reordering, digits for words, rounding, a compatible bound) may be.
const CONTEXT = ['Heavy rain fell across the Varnholt valley overnight, the regional weather office said.', 'Roads into the town of Esterby stayed closed until the afternoon.'];
const SENTENCES = [
  'The flood killed 14 people in Esterby on Tuesday, the mayor said.',
  'Rescue crews evacuated 3,412 residents from the lower town after the river burst its banks.',
  'At least 27 people were injured when the old bridge gave way.',
  'On Wednesday, the council said it would spend $12 million on new flood walls.',
  'Police arrested nine men suspected of looting shops on the harbour front.',
  'The river rose 4 metres in two hours, the highest level since records began.',
  'The company said its shares fell 8% after the floods hit its main warehouse.',
  'In the morning, firefighters rescued 63 people from the roofs of their homes.',
  'The storm left 1,250 homes without power, the grid operator said.',
  'About 600 soldiers were deployed to help clear the roads.',
  'The ferry was carrying 212 passengers when it ran aground near the harbour.',
  'Officials said 38 families were moved out of the damaged apartment blocks.',
];
const cases: SuiteCase[] = SENTENCES.map((sentence) => ({ sentence, before: CONTEXT.slice(0, 1), after: CONTEXT.slice(1) }));

const NUMBER_EDITS = new Set(['number changed', 'reworded', 'clauses reordered', 'digits for words', 'rounded', 'compatible bound']);
/** The targets: 95% of fact-changing edits caught, at most 2% of fact-keeping ones flagged. */
const CAUGHT = 0.95;
const KEPT = 0.98;

void test('behavioural suite: number edits are caught, fact-keeping edits are not flagged', () => {
  const tallies = runConflictSuite(cases, 7, Infinity, EDITS.filter((e) => NUMBER_EDITS.has(e.name)));
  for (const t of tallies) {
    assert.ok(t.cases > 0, `${t.edit}: no sentence it applies to`);
    const want = t.expects ? CAUGHT : KEPT;
    assert.ok(rateOf(t) >= want, `${t.edit}: ${t.passed}/${t.cases} (needs ${want}); e.g. ${t.failures.join(' | ')}`);
  }
});

void test('behavioural suite: the same seed gives the same cases', () => {
  const edits = EDITS.filter((e) => e.name === 'number changed');
  assert.deepEqual(runConflictSuite(cases.slice(0, 4), 3, Infinity, edits), runConflictSuite(cases.slice(0, 4), 3, Infinity, edits));
});
