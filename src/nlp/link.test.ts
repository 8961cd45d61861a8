import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../model/article.js';
import { analyzeArticle, linkEntitiesAcrossArticles, linkedName } from './analyze.js';

const analyse = (text: string, i: number) => analyzeArticle(makeArticle({ origin: `a${i}`, kind: 'text', text }));

void test('names are canonical within an article and across articles', () => {
  const a = analyse('Kremlin spokesman Dmitry Orlov spoke to Tass on Monday. Orlov said little.', 0);
  const orlov = a.entities.find((e) => e.canonical === 'Dmitry Orlov');
  assert.ok(orlov, 'surname joins the full name within the article');
  assert.equal(orlov.mentions.length, 2);
  assert.deepEqual(orlov.descriptors.map((d) => d.text), ['Kremlin spokesman']);
  const b = analyse('Orlov told TASS he had no comment. The agency Reuters also asked Orlov.', 1);
  const links = linkEntitiesAcrossArticles([a, b]);
  assert.equal(linkedName(links, 1, 'Orlov'), 'Dmitry Orlov');
  const tass = links.entities.filter((e) => e.canonical === 'TASS');
  assert.equal(tass.length, 1);
  assert.deepEqual(new Set(tass[0]?.occurrences.map((o) => o.article)), new Set([0, 1]));
});

void test('titles are stripped from names and kept as descriptors', () => {
  const a = analyse('Former President Ana Silva met US President John Carter.', 0);
  const names = a.mentions.filter((m) => m.kind === 'person').map((m) => [m.canonical, m.descriptor]);
  assert.deepEqual(names, [
    ['Ana Silva', 'Former President'],
    ['John Carter', 'US President'],
  ]);
});

void test('a lone surname does not take a full name used only as a modifier ("a Leon Varga poster")', () => {
  const modifier = analyse('Police seized a Leon Varga poster and two Leon Varga mugs from the flat on Friday.', 0);
  const speaker = analyse('Varga said the rent had been paid.', 1);
  assert.equal(linkedName(linkEntitiesAcrossArticles([modifier, speaker]), 1, 'Varga'), 'Varga');
  // The same full name used for a person does take it.
  const person = analyse('Leon Varga spoke to reporters on Friday.', 0);
  assert.equal(linkedName(linkEntitiesAcrossArticles([person, speaker]), 1, 'Varga'), 'Leon Varga');
});

void test('a generational suffix is not the surname and tells father and son apart', () => {
  const a = analyse('Former Senator Ade Bello Jr. left the court on Monday. His father, Ade Bello, waited outside.', 0);
  const b = analyse('Bello Jr. said he was sorry.', 1);
  const c = analyse('Senator Bello said he was sorry.', 2);
  const links = linkEntitiesAcrossArticles([a, b, c]);
  assert.equal(linkedName(links, 1, 'Bello Jr.'), 'Ade Bello Jr.');
  assert.equal(linkedName(links, 0, 'Ade Bello'), 'Ade Bello', 'the father is not the son');
  // Two people named Bello: a lone "Bello" is left alone rather than guessed.
  assert.equal(linkedName(links, 2, 'Bello'), 'Bello');
});
