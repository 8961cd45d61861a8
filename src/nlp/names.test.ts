import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../model/article.js';
import { analyzeArticle } from './analyze.js';

const canonicals = (text: string): Map<string, string[]> => {
  const a = analyzeArticle(makeArticle({ origin: 'a', kind: 'text', text }));
  const out = new Map<string, string[]>();
  for (const m of a.mentions.filter((x) => x.kind === 'person')) out.set(m.canonical, [...(out.get(m.canonical) ?? []), m.text]);
  return out;
};

void test('a lone surname takes the full name introduced before it, never a later relative or a modifier use', () => {
  const found = canonicals(
    'Police seized a Tomi Bello poster from the flat of Senator Ade Bello Jr. on Monday. Bello said he was sorry. ' +
      'His wife, Rita Bello, wept. Bello thanked the judge.',
  );
  assert.deepEqual(found.get('Ade Bello Jr.'), ['Ade Bello Jr.', 'Bello', 'Bello']);
  assert.deepEqual(found.get('Rita Bello'), ['Rita Bello'], 'a full name stays itself');
  assert.deepEqual(found.get('Tomi Bello'), ['Tomi Bello']);
});

void test('a lone surname before any full name with it stays alone', () => {
  const found = canonicals('Mr. Bello said he was sorry. The court later heard from his father, Ade Bello.');
  assert.deepEqual(found.get('Bello'), ['Bello']);
  assert.deepEqual(found.get('Ade Bello'), ['Ade Bello']);
});

void test('a middle initial and its dot stay inside the name', () => {
  const found = canonicals('The league is led by Tova R. Amsel. Amsel said the season would start late.');
  assert.deepEqual(found.get('Tova R. Amsel'), ['Tova R. Amsel', 'Amsel']);
});
