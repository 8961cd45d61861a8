import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanQuotes } from './quotemarks.js';

const texts = (t: string): string[] => scanQuotes(t).map((q) => t.slice(q.start, q.end));

void test('curly and straight double quotes, with a nested single quote', () => {
  const t = 'He said: “I told him, ‘Stop now.’ He did.” Then "fine" came.';
  const qs = scanQuotes(t);
  assert.deepEqual(texts(t), ['I told him, ‘Stop now.’ He did.', 'Stop now.', 'fine']);
  assert.equal(qs[1]?.parent, 0);
  assert.equal(qs[0]?.parent, null);
});

void test('apostrophes inside words are not quotation marks', () => {
  assert.deepEqual(texts("Trump's aide said 'we can't go' and left."), ["we can't go"]);
  assert.deepEqual(texts('It’s the mayor’s call.'), []);
});

void test('an unclosed quotation stops at its line unless the next line closes it', () => {
  const t = '“First part.\nAfter that he says no.”\n“Open and never closed.\nA new line “with a quote”.';
  assert.deepEqual(texts(t), ['First part.\nAfter that he says no.', 'Open and never closed.', 'with a quote']);
});

void test('a new paragraph that reopens the quote closes the previous one', () => {
  const t = '"He thought I was crazy.\n"He said yes."';
  assert.deepEqual(texts(t), ['He thought I was crazy.', 'He said yes.']);
});
