import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../model/article.js';
import { analyzeArticle } from './analyze.js';

function numbers(text: string): [string, number | null, string | null, boolean][] {
  return analyzeArticle(makeArticle({ origin: 't', kind: 'text', text })).numbers.map((n) => [n.text, n.value, n.unit, n.vague]);
}

void test('percentages in every spelling are one unit', () => {
  assert.deepEqual(numbers('It rose 10 per cent, then 10%, then 12.5 percent.'), [
    ['10 per cent', 10, '%', false],
    ['10%', 10, '%', false],
    ['12.5 percent', 12.5, '%', false],
  ]);
});

void test('money, scales and counts', () => {
  assert.deepEqual(numbers('Aid worth $20 billion reached 23.4 million people and 3,000 soldiers.'), [
    ['$20 billion', 20_000_000_000, 'USD', false],
    ['23.4 million people', 23_400_000, 'people', false],
    ['3,000 soldiers', 3000, 'people', false],
  ]);
});

void test('vague quantities are marked vague with their magnitude', () => {
  const a = analyzeArticle(makeArticle({ origin: 't', kind: 'text', text: 'Thousands of people marched.' }));
  assert.equal(a.numbers[0]?.vague, true);
  assert.equal(a.numbers[0]?.magnitude, 1000);
});

void test('numbers inside dates are not counts', () => {
  assert.deepEqual(numbers('On July 8, 2025 it was over.'), []);
});
