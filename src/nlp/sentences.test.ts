import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../model/article.js';
import { analyzeArticle } from './analyze.js';

function sentences(text: string): string[] {
  const a = analyzeArticle(makeArticle({ origin: 't', kind: 'text', text }));
  return a.sentences.map((s) => text.slice(s.start, s.end));
}

void test('abbreviations, initials and numbers do not end sentences', () => {
  assert.deepEqual(sentences('Mr. Smith met Donald J. Trump at 9 a.m. on Friday. He left at No. 2 Main St. soon after.'), [
    'Mr. Smith met Donald J. Trump at 9 a.m. on Friday.',
    'He left at No. 2 Main St. soon after.',
  ]);
});

void test('a dotted initialism ends a sentence before a sentence opener only', () => {
  assert.deepEqual(sentences('Troops left the U.S. Army base. They came back to the U.S. The next day was calm.'), [
    'Troops left the U.S. Army base.',
    'They came back to the U.S.',
    'The next day was calm.',
  ]);
});

void test('no boundary inside a quotation, even over several of its sentences', () => {
  assert.deepEqual(sentences('He said: "I have no choice. I will bomb it." Then he left.'), ['He said: "I have no choice. I will bomb it."', 'Then he left.']);
});

void test('ellipses end a sentence only before a capital', () => {
  assert.deepEqual(sentences('He paused... and went on. It was late… Everyone left.'), ['He paused... and went on.', 'It was late…', 'Everyone left.']);
});

void test('a line without final punctuation is a headline sentence', () => {
  const a = analyzeArticle(makeArticle({ origin: 't', kind: 'text', text: 'Leaders Meet in Geneva\nThe talks began. They ended.' }));
  assert.deepEqual(
    a.sentences.map((s) => [s.headline, s.paragraph]),
    [
      [true, 0],
      [false, 1],
      [false, 1],
    ],
  );
});
