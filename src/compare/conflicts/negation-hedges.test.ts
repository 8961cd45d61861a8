import { test } from 'node:test';
import assert from 'node:assert/strict';
import { negationConflicts } from './negation.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented people and places: which modals and hedges leave a negation both ways true, and how far a hedge reaches.
const LEAD = 'A storeroom caught fire at the Orlen Street depot in Velby on Sunday evening.';

void test('negation: "could not" denies "could" (a past ability), while "might not" stays a hedge', () => {
  const could = docsOf(`${LEAD}\n\nA neighbour, Ilse Varga, could see flames above the loading bay.`, `${LEAD}\n\nA neighbour, Ilse Varga, could not see flames above the loading bay.`);
  assert.equal(negationConflicts(could).length, 1);
  const might = docsOf(`${LEAD}\n\nThe depot might reopen before the harvest season.`, `${LEAD}\n\nThe depot might not reopen before the harvest season.`);
  assert.equal(negationConflicts(might).length, 0);
});

void test('negation: a hedge qualifies its own clause; a negation in another clause is still a denial', () => {
  const other = docsOf(`${LEAD}\n\nMost of the stock was moved to Harl, where the owner Pell Danby was living at the time.`, `${LEAD}\n\nMost of the stock was moved to Harl, where the owner Pell Danby was not living at the time.`);
  assert.equal(negationConflicts(other).length, 1);
  const same = docsOf(`${LEAD}\n\nThe owner Pell Danby said most of the stock was moved to the Harl warehouse.`, `${LEAD}\n\nThe owner Pell Danby said most of the stock was not moved to the Harl warehouse.`);
  assert.equal(negationConflicts(same).length, 0);
  // The affirming sentence hedges the clause the denial negates: both can hold.
  const hedgedSide = docsOf(`${LEAD}\n\nThe night guard Oren Walsh may have left the depot before the alarm.`, `${LEAD}\n\nThe night guard Oren Walsh had not left the depot before the alarm.`);
  assert.equal(negationConflicts(hedgedSide).length, 0);
});
