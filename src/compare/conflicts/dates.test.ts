import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from './dates.js';

// The patterns are built once and shared by every call: no call may start where the last one stopped.
void test('dates: shared patterns read each span afresh, whatever the span before', () => {
  const text = 'It opened on 9 July 2019 and closed on March 3, 2020, by 2021 gone; today it is 12 May.';
  const all = findDates(text, { start: 0, end: text.length });
  assert.deepEqual(
    all.map((d) => [d.year, d.month, d.day, d.relative]),
    [[2019, 7, 9, false], [2020, 3, 3, false], [2021, null, null, false], [null, null, 0, true], [null, 5, 12, false]],
  );
  const tail = { start: text.indexOf('by'), end: text.length };
  assert.deepEqual(findDates(text, tail), all.filter((d) => d.start >= tail.start));
  assert.deepEqual(findDates(text, { start: 0, end: text.length }), all);
});
