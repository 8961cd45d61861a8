import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuantities } from '../../nlp/quantities/index.js';
import { compareClaims } from '../claims/index.js';
import { compareQuotes } from '../quotes/index.js';
import type { SourceDoc } from '../source-doc.js';
import { figureOwner } from './number-context.js';
import { numberConflicts } from './number.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented players and clubs: a figure belongs to the person named nearest it.
const conflictsOf = (docs: SourceDoc[]): ReturnType<typeof numberConflicts> => numberConflicts(docs, compareClaims(docs, compareQuotes(docs)));
const ownersIn = (text: string): (string | null)[] => {
  const [doc] = docsOf(text);
  assert.ok(doc);
  return findQuantities(text, doc.sentences).map((q) => {
    const sentence = doc.sentences.find((s) => s.start <= q.figure.start && q.figure.end <= s.end);
    assert.ok(sentence);
    return figureOwner(text, sentence, q.figure, doc.analysis.mentions);
  });
};

void test('the owner of a figure is the person named nearest it, not a group or a place', () => {
  const owners = ownersIn('Pitcher Tomas Varga signed a $120 million deal, beyond the $70 million deal that Ivo Marek got.');
  assert.equal(owners.length, 2);
  assert.notEqual(owners[0], null);
  assert.notEqual(owners[0], owners[1]);
  assert.deepEqual(ownersIn('Police arrested 40 suspected smugglers in the port of Velby.'), [null]);
  // The subject of the figure's clause owns it; a speaker only reports it.
  const [points, rebounds] = ownersIn('Forward Ivo Marek finished with 16 points and nine rebounds.');
  assert.ok(points !== null && points === rebounds);
  assert.deepEqual(ownersIn('Mayor Ivo Marek said 12 people were hurt in the fire.'), [null]);
});

void test("two people's figures are two facts, though the sentences share a name", () => {
  const a = "The Harbor Hawks' offer tops the $70 million deal that Ivo Marek got last winter.";
  const b = 'Tomas Varga signed a $120 million deal with the Harbor Hawks on Monday.';
  assert.deepEqual(conflictsOf(docsOf(a, b)), []);
  // One person's figure told two ways still conflicts.
  const c = 'Tomas Varga signed a $150 million deal with the Harbor Hawks on Monday.';
  assert.equal(conflictsOf(docsOf(b, c)).length, 1);
});

void test('a person opening a sentence is named in it: two players\' stat lines are two facts', () => {
  const docs = docsOf(
    'Petra Solberg scored 20 points in the win over Velby. Marek Ostrava finished with 16 points and nine rebounds for the visitors.',
    'Petra Solberg scored 20 points in the win over Velby. Forward Jonas Tarn, the league leader, posted 29 points to go with eight rebounds.',
  );
  assert.deepEqual(conflictsOf(docs).map((c) => c.summary), []);
});

void test('a person opening a sentence that names others is not what its figure is about', () => {
  const a = 'On Friday the campaign released a statement along with eight years of tax returns from Mara Voss.';
  const b = "Mara Voss faced questions about her finances. Voss's release comes a month after rival candidate Ed Brandt released 33 years of returns.";
  assert.deepEqual(conflictsOf(docsOf(a, b)).map((c) => c.summary), []);
  // The same person's figure told two ways still conflicts.
  const c = 'On Friday the campaign released a statement along with nine years of tax returns from Mara Voss.';
  assert.equal(conflictsOf(docsOf(a, c)).length, 1);
});
