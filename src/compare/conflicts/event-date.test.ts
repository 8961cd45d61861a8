import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeArticle } from '../../model/article.js';
import type { Conflict } from '../../model/dossier.js';
import { analyzeArticle } from '../../nlp/analyze.js';
import { readInputs } from '../../ingest/index.js';
import { EXAMPLE_STORY } from '../../testing/paths.js';
import { compareClaims } from '../claims/index.js';
import { compareQuotes } from '../quotes/index.js';
import { buildSourceDoc, type SourceDoc } from '../source-doc.js';
import { eventDateConflicts, lemmaOf } from './event-date.js';

// Hand-written stories about invented places: each gives the sources' texts and publication dates.
function docsOf(...sources: [text: string, published: string | null][]): SourceDoc[] {
  return sources.map(([text, published], i) => {
    const a = makeArticle({ origin: `t${i}.txt`, kind: 'text', text, ...(published ? { meta: { published } } : {}) });
    return buildSourceDoc(a, analyzeArticle(a), i);
  });
}

function conflictsOf(docs: SourceDoc[]): Conflict[] {
  const found = eventDateConflicts(docs, compareClaims(docs, compareQuotes(docs)));
  for (const c of found)
    for (const side of c.sides)
      for (const e of side.evidence) assert.equal(docs.find((d) => d.id === e.source)?.text.slice(e.start, e.end), e.text);
  return found;
}

const sidesOf = (c: Conflict | undefined): string[][] => (c ? c.sides.map((s) => s.evidence.map((e) => e.source).sort()) : []);

// A story lead shared by the invented sources: a tanker explosion at Marrow Quay.
const LEAD = 'Hundreds of people left their homes in Marrow Quay after the explosion of a fuel tanker.';

void test('event date: a weekday, a dated weekday and a calendar day, read against each publication date', () => {
  const docs = docsOf(
    [`MARROW QUAY, March 10 (Wire) - A fuel tanker exploded at the Marrow Quay depot late on Monday, the fire service said. ${LEAD}`, '2026-03-10T09:00:00Z'],
    [`The explosion that shook the Marrow Quay depot late on Sunday, March 8, was no accident. ${LEAD}`, '2026-03-11'],
    [`A fuel tanker exploded at the Marrow Quay depot shortly before midnight on Monday 9 March. ${LEAD}`, '2026-03-10'],
  );
  const found = conflictsOf(docs);
  assert.equal(found.length, 1);
  const c = found[0] as Conflict;
  assert.equal(c.kind, 'date');
  assert.deepEqual(sidesOf(c), [['s0', 's2'], ['s1']]);
  assert.deepEqual(c.sides.map((s) => s.value), ['2026-03-09', '2026-03-08']);
  // Evidence runs from the event word to the date it is given.
  assert.match(c.sides[1]?.evidence[0]?.text ?? '', /^explosion .* Sunday, March 8$/);
  assert.match(c.sides[0]?.evidence[0]?.text ?? '', /^exploded .*Monday$/);
  // The dateline's "March 10" dates the report, not the explosion.
  assert.ok(c.sides.every((s) => s.evidence.every((e) => !e.text.includes('March 10'))));
});

void test('event date: "last night" and "yesterday" are the day before publication', () => {
  const agree = docsOf(
    [`A fuel tanker exploded at the Marrow Quay depot last night, the fire service said. ${LEAD}`, '2026-03-10'],
    [`A fuel tanker exploded at the Marrow Quay depot on Monday, the fire service said. ${LEAD}`, '2026-03-11'],
  );
  assert.deepEqual(conflictsOf(agree), []);
  const differ = docsOf(
    [`A fuel tanker exploded at the Marrow Quay depot yesterday, the fire service said. ${LEAD}`, '2026-03-10'],
    [`A fuel tanker exploded at the Marrow Quay depot on Sunday, the fire service said. ${LEAD}`, '2026-03-11'],
  );
  assert.deepEqual(sidesOf(conflictsOf(differ)[0]), [['s0'], ['s1']]);
});

void test('event date: without publication dates only weekdays are compared', () => {
  const differ = docsOf(
    [`A fuel tanker exploded at the Marrow Quay depot on Sunday, the fire service said. ${LEAD}`, null],
    [`A fuel tanker exploded at the Marrow Quay depot on Monday, the fire service said. ${LEAD}`, null],
  );
  const found = conflictsOf(differ);
  assert.deepEqual(found[0]?.sides.map((s) => s.value), ['Sunday', 'Monday']);
  // "last night" cannot be placed without a publication date; a bare calendar day neither.
  const unknown = docsOf(
    [`A fuel tanker exploded at the Marrow Quay depot last night, the fire service said. ${LEAD}`, null],
    [`A fuel tanker exploded at the Marrow Quay depot on March 8, the fire service said. ${LEAD}`, null],
    [`A fuel tanker exploded at the Marrow Quay depot on Monday, the fire service said. ${LEAD}`, null],
  );
  assert.deepEqual(conflictsOf(unknown), []);
});

void test('event date: the same weekday in articles published on different days is not a conflict', () => {
  const docs = docsOf(
    [`A fuel tanker exploded at the Marrow Quay depot on Wednesday, the fire service said. ${LEAD}`, '2026-03-12'],
    [`A fuel tanker exploded at the Marrow Quay depot on Wednesday, the fire service said. ${LEAD}`, '2026-03-20'],
  );
  assert.deepEqual(conflictsOf(docs), []);
});

void test('event date: dates of other things in the same sentences are left alone', () => {
  const pub = '2026-03-11';
  const cases: [string, string][] = [
    // The date of a statement, not of the event.
    ['A fuel tanker exploded at the Marrow Quay depot, the fire service said on Monday.', 'The fire service said Tuesday that a fuel tanker exploded at the Marrow Quay depot.'],
    // A date inside a quotation.
    ['“A fuel tanker exploded at the depot on Sunday,” the chief said of the Marrow Quay blast.', 'A fuel tanker exploded at the Marrow Quay depot on Monday, the fire service said.'],
    // A plan, a deadline.
    ['Fire crews will be exploding the wreck of the tanker at the Marrow Quay depot on Friday.', 'A fuel tanker exploded at the Marrow Quay depot on Monday, the fire service said.'],
    ['By Friday, a full account of the explosion at the Marrow Quay depot is promised.', 'A fuel tanker exploded at the Marrow Quay depot on Monday, the fire service said.'],
    // Another verb takes the date: the explosion is the subject of a later act.
    ['The explosion at the Marrow Quay depot was investigated by police on Tuesday.', 'The explosion at the Marrow Quay depot happened on Monday, the fire service said.'],
    // A background event months before publication.
    ['A fuel tanker exploded at the Marrow Quay depot on March 9. A tanker also exploded there on October 2.', 'A fuel tanker exploded at the Marrow Quay depot on October 3, the fire service said.'],
    // Different events with different verbs.
    ['A fuel tanker exploded at the Marrow Quay depot on Monday.', 'The depot manager resigned on Tuesday after the Marrow Quay explosion inquiry opened.'],
  ];
  for (const [a, b] of cases) {
    const docs = docsOf([`${a} ${LEAD}`, pub], [`${b} ${LEAD}`, pub]);
    assert.deepEqual(conflictsOf(docs), [], `${a} | ${b}`);
  }
});

void test('event date: a participle describing a noun is not the event ("injured reserve")', () => {
  const docs = docsOf(
    ['The Harbour Hawks placed their goalkeeper on the injured reserve list on Wednesday. The goalkeeper was injured in a collision.', '2026-03-12'],
    ['The goalkeeper injured in a collision was placed on the injured reserve list on Monday, the club said. The injured goalkeeper will miss the final.', '2026-03-12'],
  );
  assert.deepEqual(conflictsOf(docs), []);
});

void test('event date: a verb meets its event noun', () => {
  assert.equal(lemmaOf('derailed'), lemmaOf('derailment'));
  assert.equal(lemmaOf('voted'), lemmaOf('voting'));
  assert.equal(lemmaOf('vote'), lemmaOf('votes'));
  assert.equal(lemmaOf('exploded'), lemmaOf('explosion'));
  assert.equal(lemmaOf('nominated'), lemmaOf('nomination'));
  assert.equal(lemmaOf('stopped'), 'stop');
  assert.notEqual(lemmaOf('derailed'), lemmaOf('detailed'));
});

void test('event date: the example story reports the day the train derailed as disputed', async () => {
  const files = readdirSync(EXAMPLE_STORY).sort().map((f) => join(EXAMPLE_STORY, f));
  const { articles } = await readInputs(files);
  const docs = articles.map((a, i) => buildSourceDoc(a, analyzeArticle(a), i));
  const found = conflictsOf(docs);
  const sunday = docs.findIndex((d) => d.text.includes('late on Sunday, July 12'));
  const c = found.find((x) => x.sides.some((s) => s.evidence.some((e) => e.source === `s${sunday}` && e.text.endsWith('Sunday, July 12'))));
  assert.ok(c, 'the Sunday date is one side');
  assert.ok((c.sides[0]?.evidence.length ?? 0) >= 2, 'the others, who say Monday, are the other side');
  assert.ok(c.sides[0]?.evidence.every((e) => /Monday/.test(e.text)));
});
