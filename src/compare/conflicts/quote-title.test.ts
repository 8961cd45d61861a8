import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDossier } from '../dossier.js';
import { makeArticle } from '../../model/article.js';
import { isTitleOfWork } from './quote.js';

// Invented works and people: quoted titles are names of works, not words someone said.
void test('a quoted title of a work is not speech', () => {
  assert.equal(isTitleOfWork('The Notorious Tobin Ashgrove'), true);
  assert.equal(isTitleOfWork('In Search of Tobin Ashgrove.'), true);
  assert.equal(isTitleOfWork('The alarms were working when the crews arrived'), false);
  assert.equal(isTitleOfWork('Velby'), false);
});

void test('two outlets naming two different films about one man report no changed quote', () => {
  const lead = 'Tobin Ashgrove, the depot manager of Velby, died on Sunday aged 85.';
  const texts = ['A film, "The Notorious Tobin Ashgrove," was released in 2005.', 'A cover story, "In Search of Tobin Ashgrove," ran in 2005.'];
  const docs = texts.map((t, i) => makeArticle({ origin: `w${i}.txt`, kind: 'text', text: `${lead}\n\n${t}` }));
  assert.deepEqual(buildDossier(docs).conflicts.filter((c) => c.kind === 'quote'), []);
});
