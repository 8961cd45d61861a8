import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDossier } from '../dossier.js';
import { makeArticle } from '../../model/article.js';

// Invented speaker and place: one outlet quotes the words, another the same words with a "not".
const LEAD = 'A storeroom caught fire at the Orlen Street depot in Velby on Sunday evening.';
const story = (quote: string): ReturnType<typeof makeArticle>[] =>
  [quote, quote.replace(' were ', ' were not ')].map((q, i) =>
    makeArticle({ origin: `t${i}.txt`, kind: 'text', text: `${LEAD}\n\n“${q},” said depot manager Tobin Ashgrove.` }));

void test('quote conflict: words quoted with and without a negation are a polarity conflict; another change stays a quote conflict', () => {
  const negated = buildDossier(story('The alarms were working when the first crews arrived at the gate')).conflicts;
  const flipped = negated.filter((c) => c.sides.some((s) => s.evidence.some((e) => e.text.includes('were not working'))));
  assert.equal(flipped.length, 1);
  assert.equal(flipped[0]?.kind, 'polarity');
  assert.match(flipped[0]?.summary ?? '', /negation differs/);
  const numbers = [0, 1].map((i) => makeArticle({ origin: `n${i}.txt`, kind: 'text', text: `${LEAD}\n\n“The alarms were working when the first ${i ? 14 : 40} crews arrived at the gate,” said depot manager Tobin Ashgrove.` }));
  const changed = buildDossier(numbers).conflicts.filter((c) => c.kind === 'quote');
  assert.equal(changed.length, 1);
});
