import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuantities, type Quantity } from './index.js';

// Sentences written for these tests, about invented places and people.
const read = (s: string): Quantity[] => findQuantities(s, [{ start: 0, end: s.length }]);
const one = (s: string): Quantity => {
  const [q] = read(s);
  assert.ok(q, `a measurement in: ${s}`);
  return q;
};

void test('value, unit and scale: money, per cent, fractions, number words, ranges', () => {
  const loss = one('Norvale Foods lost $41bn of its market value.');
  assert.deepEqual([loss.dim, loss.value, loss.direction], ['money:USD', 41e9, -1]);
  assert.deepEqual(loss.head, ['market', 'value']);
  const shares = one('Its shares fell about 12% in early trading.');
  assert.deepEqual([shares.dim, shares.value, shares.bound, shares.direction], ['%', 12, 'about', -1]);
  const third = one('The fund lost a third of its value.');
  assert.equal(Math.round(third.value), 33);
  const range = one('Between 30 and 40 volunteer firefighters were injured.');
  assert.deepEqual([range.lo, range.hi, range.head[0], range.event], [30, 40, 'person', 'injure']);
  const word = one('The blast killed two people.');
  assert.deepEqual([word.value, word.event], [2, 'kill']);
});

void test('the measured thing: tolls, ages with their owner, durations, events after the noun', () => {
  const toll = one('The death toll rose to 18 on Tuesday.');
  assert.deepEqual([toll.value, toll.head[0], toll.event, toll.direction], [18, 'person', 'kill', 0]);
  const age = one('Police arrested 61-year-old Marta Lind Okafor at her home.');
  assert.deepEqual([age.dim, age.value, age.owner, age.given], ['age', 61, 'okafor', 'marta']);
  assert.equal(one('Sheriff Deputy Ivo Marek, 35, was shot.').given, 'ivo');
  const family = one('The crash killed a mother of 12 in Velby.');
  assert.deepEqual([family.value, family.head[0], family.event], [12, 'child', null]);
  const apposed = one('Okafor, 61, was charged.');
  assert.deepEqual([apposed.dim, apposed.owner], ['age', 'okafor']);
  const hours = one('The standoff ended after almost three hours of negotiations.');
  assert.deepEqual([hours.dim, hours.value, hours.bound, hours.event], ['duration', 3 * 3600, 'just-under', 'negotiate']);
  const hurt = one('Police said 12 people were injured in the clashes.');
  assert.deepEqual([hurt.value, hurt.event], [12, 'injure']);
});

void test('not quantities: codes, scores, times, years, partitives, web addresses', () => {
  for (const s of ['He carried an AK 47 on the ferry.', 'They won 104-72 at home.', 'It began at 5:30 p.m. sharp.', 'The mill opened in 1987 to workers.', 'One of the players was hurt.', 'See http://example.org/news/2011/01/05/story?id=14 for more.', 'Ivo Marek served 41/2 months in prison.', 'Ivo Marek served 4\uFFFD months in prison.']) {
    assert.deepEqual(read(s).map((q) => q.value), [], s);
  }
});

void test('a trailing fraction joins its figure: "two and a half miles", "a mile and a half", never a share', () => {
  const miles = read('The depot in Velby is two and a half miles from the river.');
  assert.equal(miles.length, 1);
  assert.equal(miles[0]?.dim, 'distance');
  assert.ok(Math.abs((miles[0]?.value ?? 0) / 1609.34 - 2.5) < 0.01);
  const mile = read('Anka Morrow lived a mile and a half from the depot.');
  assert.equal(mile.filter((q) => q.dim === '%').length, 0);
  assert.ok(Math.abs((mile[0]?.value ?? 0) / 1609.34 - 1.5) < 0.01);
  const share = one('Half of the 40 wagons were checked by noon.');
  assert.deepEqual([share.dim, share.value], ['%', 50]);
});

void test('a bare figure of a temperature is in degrees and counts no event', () => {
  const cold = one('Outside temperatures were minus 12 as the ferrymen searched the bay.');
  assert.deepEqual([cold.dim, cold.value, cold.event], ['temperature', -12, null]);
  const degrees = one('The ferrymen searched in temperatures of minus 9 degrees.');
  assert.equal(degrees.dim, 'temperature');
  const hours = one('They searched for about six hours in minus 9 degree cold.');
  assert.deepEqual([hours.dim, hours.head], ['duration', []]);
});

void test('how far someone lives: a distance after "lived"/"moved", its fraction in the figure', () => {
  const s = 'Anka Morrow had moved about a mile and a half away.';
  const home = one(s);
  assert.deepEqual([home.dim, home.event, s.slice(home.figure.start, home.figure.end)], ['distance', 'reside', 'about a mile and a half']);
  const crowd = one('Police moved 300 people from the square.');
  assert.equal(crowd.event, null);
});

void test('a zero-padded whole number is a code or a label, not a count; a decimal below one is a figure', () => {
  assert.equal(read('Reporting by desk 05 and desk 12.').filter((q) => q.value === 5).length, 0);
  assert.equal(read('Unit 007 filed the report.').length, 0);
  assert.equal(one('Rainfall rose 0.5 inches overnight.').value, 0.5);
});
