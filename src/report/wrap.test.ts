import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayWidth, wrap, wrapPieces } from './wrap.js';

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

void test('wrap keeps every word, in order, and no line is wider than asked', () => {
  const text = 'The quick brown fox jumps over the lazy dog near the riverbank while forty-two spectators watch in silence.';
  for (const width of [20, 33, 80]) {
    const lines = wrap(text, width, '  ', '    ');
    assert.ok(lines.every((l) => displayWidth(l) <= width), `width ${width}: ${JSON.stringify(lines)}`);
    assert.deepEqual(words(lines.join(' ')), words(text));
    assert.ok(lines[0]?.startsWith('  ') && lines.slice(1).every((l) => l.startsWith('    ')));
  }
});

void test('a word longer than the line is cut into chunks that fit', () => {
  const url = 'https://example.invalid/' + 'a'.repeat(100);
  const lines = wrap(url, 30);
  assert.ok(lines.length >= 4);
  assert.ok(lines.every((l) => displayWidth(l) <= 30));
  assert.equal(lines.join(''), url);
});

void test('styles do not count towards the width', () => {
  const red = (s: string): string => `\u001b[31m${s}\u001b[39m`;
  const lines = wrapPieces([{ text: 'alpha beta gamma delta epsilon zeta eta theta', style: red }], 20);
  const plain = lines.map((l) => l.split('\u001b[31m').join('').split('\u001b[39m').join(''));
  assert.ok(plain.every((l) => l.length <= 20));
  assert.ok(lines.some((l) => l.length > 20), 'colour codes are present beyond the visible width');
});

void test('wide characters count two columns', () => {
  assert.equal(displayWidth('日本'), 4);
  assert.equal(displayWidth('abc'), 3);
});
