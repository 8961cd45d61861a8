import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitStories, DEFAULT_SPLIT, type SplitItem } from './split.js';
import type { SparseVector } from './vectorize.js';

/** An L2-normalised vector over the given keys, equal weights. */
const vec = (...keys: string[]): SparseVector => new Map(keys.map((k) => [k, 1 / Math.sqrt(keys.length)]));

// Two events of one kind: the same topic words, different names and dates.
const eventA = (i: number): SplitItem => ({ story: 's', vector: vec('w:quake', 'w:rescue', 'n:velmora', 'n:ilse braun', 'd:2011', i % 2 ? '#:12' : '#:15') });
const eventB = (i: number): SplitItem => ({ story: 's', vector: vec('w:quake', 'w:rescue', 'n:parnassa', 'n:tomas reyes', 'd:2014', i % 2 ? '#:30' : '#:34') });

void test('a story holding two groups with different names and dates is split, the first article keeping its id', () => {
  const items = [eventA(0), eventB(0), eventA(1), eventB(1), eventA(2), eventB(2), eventA(3), eventB(3)];
  const out = splitStories(items, (first) => `new-${first}`);
  assert.deepEqual(out, ['s', 'new-1', 's', 'new-1', 's', 'new-1', 's', 'new-1']);
});

void test('a cohesive story, or one whose odd part is too small, stays whole; other stories are untouched', () => {
  const cohesive = Array.from({ length: 8 }, (_, i) => eventA(i));
  assert.deepEqual(splitStories(cohesive, () => 'new'), Array(8).fill('s'));
  const small = [...Array.from({ length: 6 }, (_, i) => eventA(i)), ...Array.from({ length: DEFAULT_SPLIT.minPart - 1 }, (_, i) => eventB(i))];
  assert.ok(splitStories(small, () => 'new').every((s) => s === 's'));
  const twoStories = [...Array.from({ length: 4 }, (_, i) => ({ ...eventA(i), story: 'x' })), ...Array.from({ length: 4 }, (_, i) => ({ ...eventB(i), story: 'y' }))];
  assert.deepEqual(splitStories(twoStories, () => 'new'), ['x', 'x', 'x', 'x', 'y', 'y', 'y', 'y']);
});

void test('only name/date/number features decide: groups differing only in topic words stay together', () => {
  const items = Array.from({ length: 8 }, (_, i) => ({ story: 's', vector: vec(i < 4 ? 'w:quake' : 'w:flood', i < 4 ? 'w:rubble' : 'w:river', 'n:velmora', 'd:2011') }));
  assert.ok(splitStories(items, () => 'new').every((s) => s === 's'));
});
