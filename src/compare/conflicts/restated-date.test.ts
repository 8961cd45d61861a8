import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type SourceDoc } from '../source-doc.js';
import { restatedDateConflicts } from './restated-date.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented people and places: one sentence carried by two outlets, its date changed or not.
const LEAD = 'The Harrowgate ferry service resumed after the storm.';

void test('one sentence with two weekdays is a date conflict, its evidence the sentence in each source', () => {
  const a = 'The Varn Rovers placed striker Ivo Pell on the injured list Wednesday because of a knee injury.';
  const b = a.replace('Wednesday', 'Tuesday');
  const docs = docsOf(`${LEAD} ${a}`, `${LEAD} ${b}`);
  const [c, ...rest] = restatedDateConflicts(docs);
  assert.equal(rest.length, 0);
  assert.equal(c?.kind, 'date');
  assert.deepEqual(c?.sides.map((s) => s.value).sort(), ['Tuesday', 'Wednesday']);
  for (const side of c?.sides ?? []) for (const e of side.evidence) assert.equal(e.text, (docs.find((d) => d.id === e.source) as SourceDoc).text.slice(e.start, e.end));
  assert.match(c?.summary ?? '', /same/);
});

void test('a month in a full date, and the time of a statement ("said Monday"), count too', () => {
  const a = 'He returned to the Esterby prison in June 1999 to serve the rest of his sentence, the warden said.';
  assert.equal(restatedDateConflicts(docsOf(a, a.replace('June', 'April'))).length, 1);
  const said = 'Officials of the Corvane port authority said Monday that the harbour would reopen within days.';
  assert.equal(restatedDateConflicts(docsOf(said, said.replace('Monday', 'Friday'))).length, 1);
});

void test('the same dates, another name or figure, or a modal "May" are no conflict', () => {
  const a = 'The Varn Rovers signed midfielder Ann Marlow on Monday to a one-year contract.';
  assert.deepEqual(restatedDateConflicts(docsOf(a, a)), []);
  assert.deepEqual(restatedDateConflicts(docsOf(a, a.replace('Ann Marlow on Monday', 'Joe Brandt on Tuesday'))), [], 'two signings of one template');
  const n = 'Rescue crews moved 40 families out of the flooded streets of Esterby on Sunday night.';
  assert.deepEqual(restatedDateConflicts(docsOf(n, n.replace('40', '12').replace('Sunday', 'Monday'))), []);
  const may = 'May the new bridge over the Harrow river open before the end of the year, the mayor said in June.';
  assert.equal(restatedDateConflicts(docsOf(may, may.replace('June', 'July')))[0]?.sides.map((s) => s.value).sort().join(), 'July,June');
});
