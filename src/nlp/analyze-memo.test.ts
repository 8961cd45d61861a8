import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDossier } from '../compare/dossier.js';
import { makeArticle, type Article } from '../model/article.js';
import { analyzeArticle } from './analyze.js';
import { analyzeOncePerText } from './analyze-memo.js';
import { analyzeEach } from './analyze-each.js';
import type { ArticleAnalysis } from './types.js';

const TEXT = '“The pier will close on 12 May,” the harbour director Maria Okafor said on Tuesday.\n\nRepairs will cost 4 million euros, she said.\n';
const article = (origin: string, published: string | null, text = TEXT): Article => makeArticle({ origin, kind: 'text', text, meta: { outlet: origin, published } });

const a = article('a.txt', '2026-05-01');
const copy = article('b.txt', '2026-05-01');
const later = article('c.txt', '2027-05-01');
const other = article('d.txt', '2026-05-01', TEXT.replace('4 million', '5 million'));

function counting(): { analyze: (x: Article) => ArticleAnalysis; calls: Article[] } {
  const calls: Article[] = [];
  return { calls, analyze: (x) => (calls.push(x), analyzeArticle(x)) };
}

void test('an identical copy is analysed once; a copy with another published date or text is analysed again', () => {
  const { analyze, calls } = counting();
  buildDossier([a, copy, later, other], { analyze });
  assert.deepEqual(calls.map((x) => x.origin), ['a.txt', 'c.txt', 'd.txt']);
});

void test("a copy's analysis equals its own analysis and shares no object with the first", () => {
  const once = analyzeOncePerText(analyzeArticle);
  const first = once(a);
  const second = once(copy);
  assert.equal(second.article, copy);
  assert.deepEqual(second, analyzeArticle(copy));
  assert.notEqual(second.quotes[0], first.quotes[0]);
  assert.notEqual(second.sentences, first.sentences);
});

void test('the CLI path (analyzeEach, then buildDossier) analyses a copy once too, and gives the same dossier', () => {
  const { analyze, calls } = counting();
  const batch = analyzeEach([a, copy, later], analyze);
  assert.equal(JSON.stringify(buildDossier(batch.articles, { analyze: batch.analyze })), JSON.stringify(buildDossier([a, copy, later])));
  assert.deepEqual(calls.map((x) => x.origin), ['a.txt', 'c.txt']);
});
