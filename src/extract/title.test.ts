import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainTextArticle } from '../ingest/articles.js';
import { storyTitle } from '../cluster/index.js';
import { firstLineTitle } from './title.js';

const article = (text: string, kind: 'text' | 'markdown' = 'text') => {
  const built = plainTextArticle('t.txt', kind, text);
  assert.ok(built.ok);
  return built.article;
};

void test('a plain text without title metadata takes its first line as title, past a URL line and front matter', () => {
  assert.equal(article('Harbour wall gives way after storm\nThe wall fell on Monday.').title, 'Harbour wall gives way after storm');
  assert.equal(article('URL: https://news.example/harbour\n\nHarbour wall gives way\nThe wall fell.').title, 'Harbour wall gives way');
  assert.equal(article('---\noutlet: Harbour Weekly\n---\n# Harbour wall gives way\n\nThe wall fell.', 'markdown').title, 'Harbour wall gives way');
  assert.equal(article('---\ntitle: Given title\n---\nFirst line\n\nThe wall fell.', 'markdown').title, 'Given title');
});

void test('a first line that is a sentence or too long is prose, not a title', () => {
  assert.equal(article('The wall fell on Monday, officials said.\nMore text.').title, null);
  assert.equal(firstLineTitle(`${'word '.repeat(60)}end`, []), null);
});

void test('cluster names a story by the same rule, and falls back to the start of the first line', () => {
  const a = article('URL: https://news.example/harbour\nHarbour wall gives way\nThe wall fell.');
  assert.equal(storyTitle({ ...a, title: null }), 'Harbour wall gives way');
  const prose = article('The wall fell on Monday, officials said.\nMore text.');
  assert.equal(storyTitle(prose), 'The wall fell on Monday, officials said.');
});
