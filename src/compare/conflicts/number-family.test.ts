import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareClaims } from '../claims/index.js';
import { compareQuotes } from '../quotes/index.js';
import type { SourceDoc } from '../source-doc.js';
import { numberConflicts } from './number.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented people: a suspect and his mother share a family name.
const conflictsOf = (docs: SourceDoc[]): ReturnType<typeof numberConflicts> => numberConflicts(docs, compareClaims(docs, compareQuotes(docs)));

void test('two given names with one family name are two people: their ages are two facts', () => {
  const a = 'Police said Dorian Kettle, 35, was arrested at a house in Velby on Tuesday night.';
  const b = 'The victims were named as 61-year-old Marta Kettle and a neighbour, police in Velby said.';
  assert.deepEqual(conflictsOf(docsOf(a, b)), []);
});

void test('an age given by family name alone is dropped where the story has two people of that name', () => {
  const a = 'Police said Dorian Kettle, 35, was arrested at a house in Velby on Tuesday night.';
  const b = 'Police in Velby named the dead woman as Marta Kettle. Kettle, 61, had lived there for years.';
  assert.deepEqual(conflictsOf(docsOf(a, b)), []);
});

void test('one person told two ages is still a dispute, by full name or family name', () => {
  const a = 'Police said Dorian Kettle, 35, was arrested at a house in Velby on Tuesday night.';
  assert.equal(conflictsOf(docsOf(a, 'Police said 38-year-old Dorian Kettle was arrested in Velby.')).length, 1);
  assert.equal(conflictsOf(docsOf(a, 'Police in Velby arrested Dorian Kettle on Tuesday. Kettle, 38, was held overnight.')).length, 1);
});
