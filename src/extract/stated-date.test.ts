import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainTextArticle } from '../ingest/articles.js';
import { makeArticle } from '../model/article.js';
import { fillStatedYears, fillStoredYears, statedDate } from './stated-date.js';

const read = (text: string) => {
  const built = plainTextArticle('t.txt', 'text', text);
  assert.ok(built.ok);
  return built.article;
};

void test('an agency dateline, a "Published" line or a date-only line gives the published date, recorded as inferred', () => {
  const dateline = read('Harbour wall gives way\nHARBOURTON, March 3, 2024 (Coast News) - The harbour wall gave way on Monday.');
  assert.equal(dateline.published, '2024-03-03');
  assert.equal(dateline.text.slice(dateline.statedDate!.start, dateline.statedDate!.end), 'HARBOURTON, March 3, 2024 (Coast News) -');
  assert.equal(read('Harbour wall gives way\nPublished: 4 May 2023 10: 15 BST\nThe wall fell.').published, '2023-05-04');
  assert.equal(read('Harbour wall gives way\nJune 5, 2022\nThe wall fell.').published, '2022-06-05');
});

void test('front matter wins over the text; prose dates far down or in sentences are not the article\'s date', () => {
  const given = plainTextArticle('t.md', 'markdown', '---\npublished: 2020-01-02\n---\nHARBOURTON, March 3, 2024 (Coast News) - The wall fell.');
  assert.ok(given.ok);
  assert.equal(given.article.published, '2020-01-02');
  assert.equal(given.article.statedDate, undefined);
  assert.equal(read('Harbour wall gives way\nOn March 3, 2024 the wall fell, officials said.').published, null);
  assert.equal(read('Harbour wall gives way\nIn Harbourton, March 3 - the wall fell.').published, null, 'a dateline names its place in capitals');
});

void test('a day without its year is kept, then takes the year from the batch when it lies near', () => {
  const text = 'Harbour wall gives way\nEarlier today (9 July), the harbour wall gave way.';
  const yearless = read(text);
  assert.equal(yearless.published, null);
  assert.deepEqual({ month: yearless.statedDate?.month, day: yearless.statedDate?.day, year: yearless.statedDate?.year }, { month: 7, day: 9, year: null });
  const dated = makeArticle({ origin: 'b.txt', kind: 'text', text: 'Other report.', meta: { published: '2024-07-10T08:00:00Z' } });
  const [filled, other] = fillStatedYears([yearless, dated]);
  assert.equal(filled?.published, '2024-07-09');
  assert.equal(other, dated);
  assert.equal(yearless.published, null, 'the input is not changed');
  const far = makeArticle({ origin: 'c.txt', kind: 'text', text: 'Other report.', meta: { published: '2024-02-01' } });
  assert.equal(fillStatedYears([yearless, far])[0]?.published, null, 'months away: no year is guessed');
  assert.equal(fillStatedYears([yearless])[0]?.published, null, 'nothing to take a year from');
});

void test('statedDate reads only the first lines', () => {
  const text = `${'A line of prose.\n'.repeat(8)}HARBOURTON, March 3, 2024 (Coast News) - late.`;
  assert.equal(statedDate(text, []), null);
});

void test('a weekday with its date in the lead is the stated date; the weekday picks the year it falls on', () => {
  const lead = read('Harbour wall gives way\nThe harbour wall gave way on Tuesday 9 July, the port authority said.');
  assert.deepEqual([lead.statedDate?.day, lead.statedDate?.month, lead.statedDate?.weekday, lead.published], [9, 7, 2, null]);
  assert.equal(lead.text.slice(lead.statedDate!.start, lead.statedDate!.end), 'on Tuesday 9 July');
  assert.equal(read('Harbour wall gives way\nHARBOURTON, Tuesday 9 July (Coast News) - The wall fell.').statedDate?.weekday, 2, 'a dateline with its weekday');
  assert.equal(read('Harbour wall gives way\nHARBOURTON, Tuesday, July 9, 2024 (Coast News) - The wall fell.').published, '2024-07-09');
  assert.equal(read('Harbour wall gives way\nHARBOURTON, Wednesday, July 9, 2024 (Coast News) - The wall fell.').published, null, 'a weekday that is not that day\'s');
  assert.equal(read('Harbour wall gives way\nThe wall, built on Tuesday, Oct. 10, 1972, fell.').statedDate, undefined, 'in prose, a weekday with its year may be history');
  // The batch's only date is months away: the ingest time decides, and 9 July was last a Tuesday in 2024.
  const midway = makeArticle({ origin: 'm.txt', kind: 'text', text: 'x', meta: { published: '2024-12-31' } });
  assert.equal(fillStatedYears([lead, midway], { ingested: '2026-12-01T00:00:00Z' })[0]?.published, '2024-07-09', 'the latest Tuesday 9 July before the ingest');
});

void test('with no dated article in the batch, the ingest time gives the year: the latest such day not after it', () => {
  const yearless = read('Harbour wall gives way\nEarlier today (9 July), the harbour wall gave way.');
  assert.equal(fillStatedYears([yearless], { ingested: '2026-12-07T12:00:00Z' })[0]?.published, '2026-07-09');
  assert.equal(fillStatedYears([yearless], { ingested: '2026-03-01T12:00:00Z' })[0]?.published, '2025-07-09', 'not a day after the ingest');
  const tuesday = read('Harbour wall gives way\nThe harbour wall gave way on Tuesday 9 July, officials said.');
  assert.equal(fillStatedYears([tuesday], { ingested: '2026-12-07T12:00:00Z' })[0]?.published, '2024-07-09', 'the latest year 9 July was a Tuesday');
  // A story's other articles come first; the latest ingest time only when they give no date.
  const dated = makeArticle({ origin: 'b.md', kind: 'markdown', text: 'Other report.', meta: { published: '2024-07-10' } });
  const stored = (article: typeof yearless) => ({ article, ingestedAt: '2026-12-07T12:00:00Z' });
  assert.deepEqual(fillStoredYears([stored(yearless), stored(dated)]).map((a) => a.published), ['2024-07-09', '2024-07-10']);
  assert.deepEqual(fillStoredYears([stored(yearless)]).map((a) => a.published), ['2026-07-09']);
});

// The g-flag patterns are built once and shared: a read that returned mid-line must not make the
// next one start where it stopped.
void test('statedDate reads each text afresh after an earlier read returned mid-line', () => {
  const first = read('Harbour wall gives way\nHARBOURTON, March 3, 2024 (Coast News) - The harbour wall gave way on Monday.');
  const again = read('Harbour wall gives way\nHARBOURTON, March 3, 2024 (Coast News) - The harbour wall gave way on Monday.');
  assert.equal(first.published, '2024-03-03');
  assert.deepEqual(again.statedDate, first.statedDate);
  assert.equal(read('Wall falls\nPORTLY, March 4, 2024 - It fell.').published, '2024-03-04');
});
