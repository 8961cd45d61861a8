import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainTextArticle } from '../ingest/articles.js';
import { REPO_ROOT } from '../testing/paths.js';
import { detectLanguage, languageWarning, withLanguage } from './language.js';

// Ten short news sentences per language, written for this test (test/fixtures/languages/texts.json).
const texts = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'languages', 'texts.json'), 'utf8')) as Record<string, string[] | string>;

void test('the language of short news sentences is detected: at least 9 of 10 in each language', () => {
  for (const [language, list] of Object.entries(texts)) {
    if (!Array.isArray(list)) continue;
    const right = list.filter((t) => detectLanguage(t) === language).length;
    assert.ok(right >= 9, `${language}: ${right} of ${list.length}`);
  }
});

void test('too short a text has no language; the languages the layer reads get no warning, Italian a plain one', () => {
  assert.equal(detectLanguage('Short.'), null);
  for (const code of ['en', 'de', 'fr', 'es']) assert.equal(languageWarning(code), null, code);
  assert.equal(languageWarning(null), null);
  assert.match(languageWarning('it') ?? '', /^written in Italian \(it\); crosscheck's language layer reads English, German, French and Spanish/);
});

void test('an article records its language; a brief too short to tell records none', () => {
  const article = (text: string) => {
    const built = plainTextArticle('a.txt', 'text', text);
    assert.ok(built.ok);
    return withLanguage(built.article);
  };
  assert.equal(article((texts['de'] as string[]).join('\n')).language, 'de');
  assert.equal(article((texts['en'] as string[]).join('\n')).language, 'en');
  assert.equal(article('Harbour closed. Ferries cancelled.').language, undefined);
});
