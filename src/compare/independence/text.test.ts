import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSourceText, makeCoverTest, scanQuoted, splitSentences, wordSpans } from './text.js';

const slices = (text: string, spans: { start: number; end: number }[]): string[] => spans.map((s) => text.slice(s.start, s.end));

void test('words keep inner apostrophes and split on everything else', () => {
  const text = 'Xi’s plan — don\'t call it "final", said Müller (2024).';
  assert.deepEqual(slices(text, wordSpans(text)), ['Xi’s', 'plan', "don't", 'call', 'it', 'final', 'said', 'Müller', '2024']);
});

void test('quoted spans: curly pairs, and straight pairs within one paragraph', () => {
  const text = 'He said “we will go” and left.\n\nShe said "no" and "never.\n\nA new "paragraph" here.';
  // the unmatched mark before "never" does not pair with one in the next paragraph
  assert.deepEqual(slices(text, scanQuoted(text)), ['we will go', 'no', 'paragraph']);
});

void test('sentences break after end punctuation, not after titles, initials or inside a quotation', () => {
  const text = 'Mr. Smith met J. K. Rowling. "It went well. Really," he said. Then he left!\nHeadline line';
  const quoted = scanQuoted(text);
  assert.deepEqual(slices(text, splitSentences(text, quoted)), ['Mr. Smith met J. K. Rowling.', '"It went well. Really," he said.', 'Then he left!', 'Headline line']);
});

void test('tokens in boilerplate are left out and quoted tokens are marked', () => {
  const text = 'Advert\n\nThe mayor said “all is well” today.';
  const src = buildSourceText('s0', text, [{ start: 0, end: 6 }]);
  assert.deepEqual(src.tokens.map((t) => `${t.norm}${t.quoted ? '*' : ''}`), ['the', 'mayor', 'said', 'all*', 'is*', 'well*', 'today']);
});

void test('the cover test merges overlapping spans', () => {
  const inside = makeCoverTest([{ start: 5, end: 10 }, { start: 0, end: 3 }, { start: 8, end: 12 }]);
  assert.deepEqual([0, 2, 3, 4, 5, 11, 12].map(inside), [true, true, false, false, true, true, false]);
});

void test('mixed marks pair up, and a stray closing mark does not open a quotation', () => {
  const text = '“We will go," she said. He was 6" tall and said "fine" later.';
  assert.deepEqual(slices(text, scanQuoted(text)), ['We will go,', 'fine']);
});
