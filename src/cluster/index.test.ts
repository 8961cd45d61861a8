import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeArticle, type Article } from '../model/article.js';
import { schemaErrors } from '../model/validate.js';
import { SEEDS, hasShared } from '../testing/paths.js';
import { readInputs } from '../ingest/index.js';
import { clusterArticles } from './index.js';

const mk = (origin: string, text: string, published: string | null = null): Article => makeArticle({ origin, kind: 'text', text, meta: { published } });

const quakeA = (n: number): string =>
  `A magnitude 6.1 earthquake struck near the town of Velmora on Sunday, killing ${n} people, officials said. Rescue teams in Velmora searched collapsed houses. Governor Ilse Braun declared an emergency in the Velmora region.`;
const quakeB = (n: number): string =>
  `A magnitude 5.4 earthquake hit the coastal city of Parnassa on Friday, injuring ${n} people. Mayor Tomas Reyes said schools in Parnassa would stay shut while engineers inspect buildings.`;
const bank = 'The central bank raised interest rates by half a point on Tuesday, citing inflation in food and energy prices. Governor Lena Park said further rises were possible.';

void test('cluster keeps two events of one kind apart, and every input in exactly one story', () => {
  const inputs = [mk('a1', quakeA(12)), mk('b1', quakeB(30)), mk('a2', `Officials raised the toll. ${quakeA(15)}`), mk('c', bank), mk('b2', `Update: ${quakeB(34)}`)];
  const { stories } = clusterArticles(inputs);
  assert.deepEqual(schemaErrors('cluster', { stories }), []);
  const where = new Map(stories.flatMap((s) => s.articles.map((a) => [a, s.id] as const)));
  assert.equal(where.size, inputs.length);
  assert.equal(stories.reduce((n, s) => n + s.articles.length, 0), inputs.length);
  assert.equal(where.get('a1'), where.get('a2'));
  assert.equal(where.get('b1'), where.get('b2'));
  assert.notEqual(where.get('a1'), where.get('b1'));
  assert.notEqual(where.get('c'), where.get('a1'));
});

void test('cluster output does not depend on input order, and ids are stable when articles are added', () => {
  const inputs = [mk('a1', quakeA(12), '2024-03-03'), mk('b1', quakeB(30), '2024-03-08'), mk('a2', quakeA(15), '2024-03-04'), mk('c', bank, '2024-03-05')];
  const one = clusterArticles(inputs);
  const two = clusterArticles([...inputs].reverse());
  assert.deepEqual(one, two);
  const more = clusterArticles([...inputs, mk('b2', quakeB(34), '2024-03-09')]);
  const ids = (r: typeof one): Set<string> => new Set(r.stories.map((s) => s.id));
  for (const id of ids(one)) assert.ok(ids(more).has(id), `story ${id} kept its id`);
});

void test('the time window keeps the same kind of event months apart in separate stories', () => {
  const { stories } = clusterArticles([mk('x1', quakeA(12), '2023-01-10'), mk('x2', quakeA(12).replace('Sunday', 'Monday'), '2023-09-10')]);
  assert.equal(stories.length, 2);
});

void test('the seed story is one story', { skip: !hasShared() }, async () => {
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => join(SEEDS, f));
  const { articles } = await readInputs(files);
  const { stories } = clusterArticles(articles);
  assert.equal(stories.length, 1);
});

void test('the split stage separates two events the single pass chained, and records the split', () => {
  const inputs = [0, 1, 2, 3].flatMap((i) => [mk(`a${i}`, `Report ${i}. ${quakeA(12 + i)}`), mk(`b${i}`, `Report ${i}. ${quakeB(30 + i)}`)]);
  // A join threshold low enough that both quakes land in one story in the single pass.
  const params = { joinThreshold: 0.01, mergeThreshold: 0.01 };
  const chained = clusterArticles(inputs, { params, split: false });
  assert.equal(chained.stories.length, 1);
  const { stories, splits } = clusterArticles(inputs, { params });
  assert.equal(stories.length, 2);
  const where = new Map(stories.flatMap((s) => s.articles.map((a) => [a, s.id] as const)));
  for (const i of [1, 2, 3]) {
    assert.equal(where.get(`a${i}`), where.get('a0'));
    assert.equal(where.get(`b${i}`), where.get('b0'));
  }
  assert.equal(stories[0]!.id, chained.stories[0]!.id, 'the part holding the first article keeps the id');
  assert.equal(splits.length, 1);
  assert.equal(splits[0]!.from, chained.stories[0]!.id);
});
