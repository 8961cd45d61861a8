import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffArrays } from 'diff/lib/diff/array.js';
import { words, sameWord, type Word } from '../text/tokens.js';
import { alignWords } from './align.js';

// alignWords answers word-for-word-equal renderings without running the diff: the answer must be the diff's.
void test('alignWords: renderings equal word for word align as the diff aligns them', () => {
  const comparator = (x: Word, y: Word): boolean => sameWord(x, y) || (x.ellipsis && y.ellipsis);
  const pairs = [
    ['We will not close the harbour, ever.', 'We will not close the harbour, ever.'],
    ['We will not close the sh*t harbour', 'We will not close the shit harbour'],
    ['I said … the ferry is late', 'I said ... the ferry is late'],
    ['', ''],
    ['We will close the harbour', 'We will not close the harbour'],
  ];
  for (const [x, y] of pairs) {
    const a = words(x as string);
    const b = words(y as string);
    const expected = diffArrays(a, b, { comparator }).map((p) => ({ kind: p.added ? 'add' : p.removed ? 'remove' : 'same', words: p.value }));
    assert.deepEqual(alignWords(a, b), expected, `${x} / ${y}`);
  }
});
