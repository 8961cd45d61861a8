import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Word } from '../text/tokens.js';
import { statementCandidates } from './restated-candidates.js';
import { MAX_OTHER_WORDS, sameStatement } from './restated-date.js';

// The index must name every frame the plain loop over all frames would match, in the same order.
const VOCAB = 'abcdefghijklmnopqrstuvwxyz'.split('');
/** Words an edit brings in: mostly new to the story, so that the rarest words of a frame are the changed ones. */
const RARE = Array.from({ length: 60 }, (_, i) => `w${i}`);
const wordOf = (vocab: string[]) => fc.record({ norm: fc.constantFrom(...vocab), capital: fc.boolean(), numeric: fc.boolean() });
const mostlyPlain = (vocab: string[]) => fc.oneof({ weight: 5, arbitrary: wordOf(vocab).map((w) => ({ ...w, capital: false, numeric: false })) }, { weight: 1, arbitrary: wordOf(vocab) });
const asWord = (w: { norm: string; capital: boolean; numeric: boolean }, i: number): Word => ({ ...w, start: i, end: i + 1, censored: false, inserted: false, ellipsis: false });
// Mostly plain words; up to 24, so that two may differ (MAX_OTHER_SHARE).
const base = fc.oneof(fc.array(mostlyPlain(VOCAB), { maxLength: 24 }), fc.array(mostlyPlain(VOCAB), { minLength: 17, maxLength: 24 }));
// Frames are a few sentences restated: each a base frame with up to four words replaced, dropped or added.
const edit = fc.record({ at: fc.nat(30), op: fc.constantFrom('replace', 'drop', 'add'), w: fc.oneof(mostlyPlain(VOCAB), mostlyPlain(RARE)) });
const story = fc.array(base, { minLength: 1, maxLength: 3 }).chain((bases) =>
  fc.array(
    fc.record({ b: fc.nat(bases.length - 1), edits: fc.array(edit, { maxLength: 4 }) }).map(({ b, edits }) => {
      const ws = [...(bases[b] ?? [])];
      for (const e of edits) {
        const at = e.at % (ws.length + 1);
        if (e.op === 'add') ws.splice(at, 0, e.w);
        else if (at < ws.length) ws.splice(at, 1, ...(e.op === 'replace' ? [e.w] : []));
      }
      return ws.map(asWord);
    }),
    { minLength: 1, maxLength: 30 },
  ),
);

void test('restated-date candidates: the same matches as comparing every pair of frames', () => {
  fc.assert(
    fc.property(story, (frames) => {
      const candidatesOf = statementCandidates(frames, MAX_OTHER_WORDS);
      frames.forEach((f, i) => {
        const plainLoop = frames.map((_, j) => j).filter((j) => sameStatement({ frame: f }, { frame: frames[j] as Word[] }));
        const candidates = candidatesOf(i);
        assert.deepEqual([...candidates].sort((a, b) => a - b), candidates, 'ascending');
        assert.deepEqual(candidates.filter((j) => sameStatement({ frame: f }, { frame: frames[j] as Word[] })), plainLoop);
      });
    }),
    { numRuns: 400, seed: 20261207 },
  );
});

void test('restated-date candidates: copies of one sentence find each other and no unrelated sentence', () => {
  const f = (text: string): Word[] => text.split(' ').map((norm, i) => asWord({ norm: norm.toLowerCase(), capital: /^[A-Z]/.test(norm), numeric: /^\d/.test(norm) }, i));
  const frames = [f('Officials of the Corvane port said that the harbour would reopen'), f('the river rose in the night and the town was flooded'), f('Officials of the Corvane port said that the harbour would reopen')];
  assert.deepEqual(statementCandidates(frames, MAX_OTHER_WORDS)(0), [0, 2]);
});
