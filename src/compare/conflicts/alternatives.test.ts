import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choiceOf, picksOne } from './alternatives.js';
import { unknownVsStatedConflicts } from './unknown-vs-stated.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented places: a question of two alternatives left open in one source, one of them stated in another.
const LEAD = 'A fire gutted the Orlen Street bakery in Velby on Sunday evening.';

void test('alternatives: a "were A or B" clause gives its subject and two options', () => {
  const c = choiceOf('the injured were shoppers or bakery staff');
  assert.ok(c);
  assert.deepEqual(c.subject, ['injured']);
  assert.equal(c.options.length, 2);
  assert.equal(choiceOf('the fire started in the oven'), null);
  // No subject words, or options that do not differ, is no choice.
  assert.equal(choiceOf('he was shot or stabbed'), null);
  assert.equal(choiceOf('the injured were staff or staff'), null);
});

void test('alternatives: an answer picks one option through equivalent words, near the subject', () => {
  const c = choiceOf('the injured were shoppers or bakery staff');
  assert.ok(c);
  assert.equal(picksOne('Two bakery workers were hurt in the blaze.', c), true);
  assert.equal(picksOne('Two shoppers were wounded.', c), true);
  // Both options, or an option far from the subject, answer nothing.
  assert.equal(picksOne('Two shoppers and a bakery worker were hurt.', c), false);
  assert.equal(picksOne('The bakery staff had left at noon, long before the fire spread to the flats next door, where two people were hurt.', c), false);
});

void test('unknown-vs-stated: "unclear if A or B" in one source, B stated in another', () => {
  const open = `${LEAD}\n\nIt was unclear if the injured were shoppers or bakery staff.`;
  const found = unknownVsStatedConflicts(docsOf(open, `${LEAD}\n\nTwo bakery workers were hurt, the fire service said.`));
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]?.sides.map((s) => s.value).sort(), ['answered', 'left open']);
  assert.equal(unknownVsStatedConflicts(docsOf(open, `${LEAD}\n\nThe bakery sells bread.`)).length, 0);
  assert.equal(unknownVsStatedConflicts(docsOf(open, `${LEAD}\n\nTwo bakery workers may have been hurt.`)).length, 0);
});
