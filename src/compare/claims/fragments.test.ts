import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../../model/article.js';
import { analyzeArticle } from '../../nlp/analyze.js';
import { buildSourceDoc, type SourceDoc } from '../source-doc.js';
import { claimText, inOwnVoice, leansOnSentence } from './fragments.js';
import { isHollow, spanOfSingle } from './dedupe.js';
import { compareQuotes } from '../quotes/index.js';
import { compareClaims } from './index.js';
import { claimUnits, type ClaimUnit } from './units.js';

// Texts written for these tests.
const doc = (text: string, i = 0): SourceDoc => {
  const a = makeArticle({ origin: `t${i}.txt`, kind: 'text', text });
  return buildSourceDoc(a, analyzeArticle(a), i);
};
const span = (d: SourceDoc, piece: string): ClaimUnit => {
  const start = d.text.indexOf(piece);
  assert.ok(start >= 0, piece);
  return { source: d.index, start, end: start + piece.length, words: [], keys: [] };
};
const sentenceWith = (d: SourceDoc, piece: string): ClaimUnit => {
  const at = d.text.indexOf(piece);
  const u = claimUnits(d).find((x) => x.start <= at && at < x.end);
  assert.ok(u, piece);
  return u;
};

void test('a clause opening with an auxiliary, a conjunction or a participle leans on its sentence; one with its own subject does not', () => {
  const text = 'The ferry, built in a yard on the coast, was launched in March, warning lights flashing, but sank within a week; the owners said it had been inspected.';
  const d = doc(text);
  const s = sentenceWith(d, 'The ferry');
  assert.equal(leansOnSentence(d, span(d, 'was launched in March'), s), true);
  assert.equal(leansOnSentence(d, span(d, 'warning lights flashing'), s), true);
  assert.equal(leansOnSentence(d, span(d, 'but sank within a week'), s), true);
  assert.equal(leansOnSentence(d, span(d, 'the owners said it had been inspected.'), s), false);
  assert.equal(leansOnSentence(d, span(d, 'The ferry, built'), s), false, 'the opening clause is the sentence itself');
});

void test('a fragment reads with its sentence subject before it; its evidence stays the clause', () => {
  const d = doc('The ferry, built in a yard on the coast, was launched in March.');
  const s = sentenceWith(d, 'The ferry');
  assert.equal(claimText(d, span(d, 'was launched in March.'), s), 'The ferry … was launched in March.');
  assert.equal(claimText(d, span(d, 'The ferry, built in a yard on the coast'), s), 'The ferry, built in a yard on the coast');
  const long = doc('One of the two oldest wooden passenger ferries still in regular service on the river, was retired in May.');
  const ls = sentenceWith(long, 'One of');
  assert.equal(claimText(long, span(long, 'was retired in May.'), ls), 'One of the two oldest wooden passenger ferries still in regular service … was retired in May.');
});

void test('the outlet speaks in its own voice: first person outside quotes or a mostly quoted clause is no claim', () => {
  const d = doc('However, he gave me a lift to the port. The US sent two ships to the port. The captain said: "We sailed at dawn and we kept to the schedule all week."');
  assert.equal(inOwnVoice(d, sentenceWith(d, 'he gave me')), false);
  assert.equal(inOwnVoice(d, sentenceWith(d, 'The US sent')), true, '"US" in capitals is the country, not "us"');
});

void test('a shared claim does not read as a sentence that is also a single-source claim', () => {
  const single = spanOfSingle([{ units: [{ source: 1, start: 10, end: 50, words: [], keys: [] }] }]);
  assert.equal(single({ source: 1, start: 12, end: 50, words: [], keys: [] }), true);
  assert.equal(single({ source: 2, start: 10, end: 50, words: [], keys: [] }), false, 'another source');
  assert.equal(single({ source: 1, start: 10, end: 120, words: [], keys: [] }), false, 'a longer sentence around it');
});

void test('no two claims of a story read the same', () => {
  const texts = [
    'The river ferry Marta sank near Oldport on Sunday. All 40 passengers were rescued by fishing boats. The owners said the hull had been inspected in May.',
    'The ferry Marta went down near Oldport on Sunday. Fishing boats rescued all 40 passengers. The cause is not yet known and an inquiry has been opened.',
    'Near Oldport, the ferry Marta sank on Sunday. All 40 passengers were rescued. The ferry, built in a yard on the coast, was launched in March last year.',
  ];
  const docs = texts.map((t, i) => doc(t, i));
  const { groups } = compareClaims(docs, compareQuotes(docs));
  const read = groups.map((g) => g.claim.text);
  assert.equal(new Set(read).size, read.length, read.join('\n'));
  assert.ok(read.some((t) => t.endsWith('was launched in March last year.')), read.join('\n'));
});

void test('a shared group whose sentences are all single-source claims but one source\'s is hollow; one with a fact core or two shown sources is not', () => {
  const u = (source: number, start: number): ClaimUnit => ({ source, start, end: start + 10, words: [], keys: [] });
  const [a, b, c] = [u(0, 0), u(1, 0), u(2, 0)] as [ClaimUnit, ClaimUnit, ClaimUnit];
  const singleAB = (x: ClaimUnit): boolean => x === a || x === b;
  const never = (): boolean => false;
  assert.equal(isHollow([a, b, c], singleAB, never), true, 'only source 2 is left to read as, linked by the event alone');
  assert.equal(isHollow([a, b, c], (x) => x === a, never), false, 'sources 1 and 2 are left: a claim two sources make');
  assert.equal(isHollow([a, b, c], singleAB, (x) => x === c), false, 'a sentence stating another source\'s fact is a core');
});
