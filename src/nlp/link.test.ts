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
