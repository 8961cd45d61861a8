import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { groupItems, mergeSorted, overPerSource, type Groupable, type GroupOptions } from './group.js';
import { LexicalMatcher } from './matcher.js';

// groupItems' candidate bound (dice) and its memory of refused merges must not change a group: the
// reference below is groupItems as it was before either (every candidate pair scored, every merge
// attempt averaged), on random stories.
const COMMON_KEY_MIN = 40;
const AVERAGE_LINK_SAMPLE = 24;

interface Item extends Groupable {
  id: number;
}
// Few sources and a vocabulary of frequent, middling and rare keys, so that keys are shared, some by
// more than COMMON_KEY_MIN items, and groups grow past AVERAGE_LINK_SAMPLE members.
const vocab = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...vocab('f', 3)) }, { weight: 4, arbitrary: fc.constantFrom(...vocab('m', 12)) }, { weight: 2, arbitrary: fc.constantFrom(...vocab('r', 40)) });
const item = fc.record({ source: fc.nat(5), keys: fc.array(key, { minLength: 0, maxLength: 8 }) });
const story = fc.oneof(fc.array(item, { minLength: 1, maxLength: 40 }), fc.array(item, { minLength: 100, maxLength: 160 })).map((xs) => xs.map((x, id): Item => ({ ...x, id })));
const settings = fc.record({ link: fc.constantFrom(0.1, 0.25, 0.4), average: fc.constantFrom(0.05, 0.2, 0.32), perSource: fc.constantFrom(1, 3, 40) });

void test('groupItems with the dice bound and refusal memory: the same groups as scoring every candidate', () => {
  fc.assert(
    fc.property(story, settings, (items, s) => {
      const m = new LexicalMatcher(items, false);
      const o: GroupOptions<Item> = { score: (a, b) => (a.source === b.source ? 0 : m.similarity(a, b)), ...s };
      const ids = (gs: Item[][]): number[][] => gs.map((g) => g.map((x) => x.id));
      const expected = ids(plainGroupItems(items, o));
      assert.deepEqual(ids(groupItems(items, o)), expected, 'without the bound');
      assert.deepEqual(ids(groupItems(items, { ...o, dice: m })), expected, 'with the bound');
    }),
    { numRuns: 200, seed: 20261207 },
  );
});

function plainGroupItems<T extends Groupable>(items: T[], o: GroupOptions<T>): T[][] {
  const links: { a: number; b: number; s: number }[] = [];
  const byKey = new Map<string, number[]>();
  items.forEach((u, i) => {
    for (const k of new Set(u.keys)) {
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  });
  const scores = new Map<number, number>();
  const pairScore = (i: number, j: number): number => {
    const key = i < j ? i * items.length + j : j * items.length + i;
    let s = scores.get(key);
    if (s === undefined) {
      const a = items[i] as T;
      const b = items[j] as T;
      s = o.skip?.(a, b) ? 0 : o.score(a, b);
      scores.set(key, s);
    }
    return s;
  };
  const commonKey = Math.max(COMMON_KEY_MIN, items.length / 10);
  // seen[j] === i + 1 marks j as already a candidate of i (cheaper than a Set per item)
  const seen = new Int32Array(items.length);
  items.forEach((_, i) => {
    const candidates: number[] = [];
    for (const k of new Set(items[i]?.keys ?? [])) {
      const list = byKey.get(k) ?? [];
      if (list.length > commonKey) continue;
      for (const j of list) {
        if (j > i && seen[j] !== i + 1) {
          seen[j] = i + 1;
          candidates.push(j);
        }
      }
    }
    for (const j of candidates.sort((x, y) => x - y)) {
      const s = pairScore(i, j);
      if (s >= o.link) links.push({ a: i, b: j, s });
    }
  });
  links.sort((x, y) => y.s - x.s || x.a - y.a || x.b - y.b);
  const groupOf = items.map((_, i) => i);
  const members = new Map<number, number[]>(items.map((_, i) => [i, [i]]));
  for (const { a, b } of links) {
    const ga = groupOf[a] as number;
    const gb = groupOf[b] as number;
    if (ga === gb) continue;
    const A = members.get(ga) as number[];
    const B = members.get(gb) as number[];
    if (overPerSource(items, A, B, o.perSource)) continue;
    let total = 0;
    const sa = A.slice(0, AVERAGE_LINK_SAMPLE);
    const sb = B.slice(0, AVERAGE_LINK_SAMPLE);
    for (const i of sa) for (const j of sb) total += pairScore(i, j);
    if (total / (sa.length * sb.length) < o.average) continue;
    const merged = mergeSorted(A, B);
    const keep = Math.min(ga, gb);
    members.set(keep, merged);
    members.delete(Math.max(ga, gb));
    for (const i of merged) groupOf[i] = keep;
  }
  return [...members.keys()].sort((x, y) => x - y).map((k) => (members.get(k) as number[]).map((i) => items[i] as T));
}
