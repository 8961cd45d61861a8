import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { causeRoleConflicts, cueRegex, phrasePattern, wordsOf } from './cause-role.js';
import { lexiconLines } from '../lexicon.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented club and people: one source names a thing as the cause, another says it played no part;
// and wordings that must not fire (another thing, a hedge, a quotation, one source saying both).
const LEAD = 'The Harrow Vale rowing club dismissed its head coach, Ines Marwick, on Monday.';

void test('cause-role: "was the last straw" against "played no role in", evidence in each source', () => {
  const docs = docsOf(
    `${LEAD}\n\nSunday's heavy defeat at Lyndon Lock was apparently the last straw for the board.`,
    `${LEAD}\n\nA board member said the Lyndon defeat played no role in the decision.`,
  );
  const found = causeRoleConflicts(docs);
  assert.equal(found.length, 1);
  const c = found[0];
  assert.equal(c?.kind, 'polarity');
  assert.match(c?.summary ?? '', /Lyndon defeat/);
  assert.deepEqual(c?.sides.map((s) => s.value).sort(), ['brought it about', 'played no part']);
  for (const side of c?.sides ?? []) {
    const e = side.evidence[0];
    const doc = docs.find((d) => d.id === e?.source);
    assert.equal(doc?.text.slice(e?.start, e?.end), e?.text);
  }
  assert.equal(new Set(c?.sides.map((s) => s.evidence[0]?.source)).size, 2);
});

void test('cause-role: contractions and other cue phrases meet ("prompted" / "didn\'t prompt")', () => {
  const docs = docsOf(`${LEAD}\n\nThe funding dispute prompted the dismissal.`, `${LEAD}\n\nThe board insisted that the funding dispute didn't prompt anything.`);
  assert.equal(causeRoleConflicts(docs).length, 1);
});

void test('cause-role: another subject, a hedge, a quotation or a single source do not fire', () => {
  const denial = `${LEAD}\n\nA board member said the Lyndon defeat played no role in the decision.`;
  assert.equal(causeRoleConflicts(docsOf(`${LEAD}\n\nThe funding dispute was the last straw.`, denial)).length, 0);
  assert.equal(causeRoleConflicts(docsOf(`${LEAD}\n\nThe Lyndon defeat may have been the last straw.`, denial)).length, 0);
  assert.equal(causeRoleConflicts(docsOf(`${LEAD}\n\n"The Lyndon defeat was the last straw," a rower said.`, denial)).length, 0);
  assert.equal(causeRoleConflicts(docsOf(`${denial} Some thought the Lyndon defeat was the last straw.`, LEAD)).length, 0);
  // A one-word subject is too generic to call two statements one ("the defeat").
  assert.equal(causeRoleConflicts(docsOf(`${LEAD}\n\nThe defeat was the last straw.`, `${LEAD}\n\nThe defeat played no role.`)).length, 0);
});

void test('cause-role: when both name the outcome, the outcomes must share a word', () => {
  const claim = `${LEAD}\n\nThe funding dispute prompted a review of the accounts.`;
  assert.equal(causeRoleConflicts(docsOf(claim, `${LEAD}\n\nThe funding dispute had nothing to do with the dismissal.`)).length, 0);
  assert.equal(causeRoleConflicts(docsOf(claim, `${LEAD}\n\nThe funding dispute had nothing to do with the accounts review.`)).length, 1);
});

// The word test that spares building the cue regex must never turn away a sentence the regex
// matches: cue phrases in any case, with the characters that fold to ASCII letters in a
// case-insensitive Unicode regex (ſ, the Kelvin sign), an adverb, contractions, and neighbours that
// are or are not word characters.
void test('cause-role: a sentence the cue regex matches always passes the word test', () => {
  const neighbours = ['', ' ', 'é', 'İ', '9', '_', 'x', '-', '“', '\u0307', 'ſ', '\u212a'];
  const fold = (w: string): string[] => [w, w.toUpperCase(), w.replace(/s/g, 'ſ'), w.replace(/k/gi, '\u212a'), w.replace(/^./, (c) => c.toUpperCase())];
  for (const file of ['cause-claims.txt', 'cause-denials.txt']) {
    const set = phrasePattern(file);
    const re = new RegExp(set.source, 'giu');
    const cues = lexiconLines(file).map((l) => l.replace(/\bBE\b/, 'was').replace(/\bDO\b/, 'did').replace(/\bHAVE\b/, 'had'));
    fc.assert(
      fc.property(fc.constantFrom(...cues), fc.constantFrom(...neighbours), fc.constantFrom(...neighbours), fc.nat(4), fc.boolean(), fc.boolean(), (cue, before, after, f, adverb, contract) => {
        let words = cue.split(' ');
        if (adverb) words.splice(1, 0, 'really');
        if (contract) words = words.join(' ').replace(/ not\b/, "n't").split(' ');
        const body = `The long dispute ${before}${words.map((w) => fold(w)[f] ?? w).join(' ')}${after} the vote.`;
        re.lastIndex = 0;
        return !re.test(body) || cueRegex(set, wordsOf(body)) !== null;
      }),
      { numRuns: 3000 },
    );
  }
});

void test('cause-role: a story without any cue word builds no cue regex', () => {
  const set = phrasePattern('cause-claims.txt');
  assert.equal(cueRegex(set, wordsOf('The club dismissed its head coach on Monday after a heavy defeat.')), null);
  assert.equal(set.re, null);
  assert.ok(cueRegex(set, wordsOf('The defeat was the last straw.')));
});
