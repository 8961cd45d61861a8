import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../model/article.js';
import { markBoilerplateLines } from './boilerplate.js';
import { markStoryBoilerplate } from './story-boilerplate.js';

// Fictional story: a bridge in Eastford closes after cracks are found; three outlets report it.
const bridge = [
  'Engineers closed the Eastford river bridge on Monday after inspectors found cracks in two supporting beams.',
  'The council said the bridge would stay closed until repairs to the beams were finished.',
  'Commuters were sent on a detour through the northern industrial estate, adding twenty minutes.',
  'Inspectors said the cracks were found during a routine survey of the bridge.',
];
const other = (extra: string[]): string => [...bridge.slice(0, 3), ...extra].join('\n');
const appended = [
  'A regional orchestra announced its winter season of symphonies with a guest violinist.',
  'The orchestra will perform the symphonies in three cities, the violinist said.',
  'Tickets for the orchestra season go on sale next week, with the violinist performing twice.',
];

const article = (name: string, text: string) => makeArticle({ origin: name, kind: 'text', text, boilerplate: markBoilerplateLines(text) });

void test('an unrelated story appended to one source is marked, paragraph by paragraph', () => {
  const text = [...bridge, ...appended].join('\n');
  const out = markStoryBoilerplate([article('a', text), article('b', other([])), article('c', other(['Repairs to the beams may take a month, the council said.']))]);
  const marks = out[0]?.boilerplate ?? [];
  assert.deepEqual(marks.map((m) => text.slice(m.start, m.end)), appended);
  assert.ok(marks.every((m) => m.reason.startsWith('off-topic')));
  assert.deepEqual(out[1]?.boilerplate, []);
});

void test('a closing background passage that names the story is not an off-topic tail', () => {
  const text = [
    ...bridge,
    'The Eastford bridge was built in 1962 and its beams were last repaired in 1990.',
    'The council said the bridge inspectors would survey every river crossing this year.',
  ].join('\n');
  const out = markStoryBoilerplate([article('a', text), article('b', other([])), article('c', other([]))]);
  assert.deepEqual(out[0]?.boilerplate, []);
});

void test('without other sources nothing is judged off-topic', () => {
  const text = [...bridge, ...appended].join('\n');
  assert.deepEqual(markStoryBoilerplate([article('a', text)])[0]?.boilerplate, []);
});

void test('a headline spliced into a word is marked when the word rejoins', () => {
  const text = 'Inspectors foHarbour Festival Draws Record Crowds As It Opensund cracks in two beams.\nThe council said inspectors found the cracks on Monday.';
  const out = markStoryBoilerplate([article('a', text), article('b', 'Engineers found two cracks. The bridge opens in May.')]);
  const marks = out[0]?.boilerplate ?? [];
  assert.deepEqual(marks.map((m) => text.slice(m.start, m.end)), ['Harbour Festival Draws Record Crowds As It Opens']);
});

void test('names with inner capitals are not splices', () => {
  const text = 'Mayor McDonald and the iPhone maker DeGroot Systems met on Monday in Eastford to discuss the bridge.';
  assert.deepEqual(markStoryBoilerplate([article('a', text), article('b', 'McDonald met DeGroot.')])[0]?.boilerplate, []);
});

void test('a copyright mark ending the last prose line is marked, the sentence is not', () => {
  const text = 'The council met on Monday.\nThe bridge will reopen in May. (c) Eastford Gazette';
  const marks = markBoilerplateLines(text);
  assert.deepEqual(marks.map((m) => [text.slice(m.start, m.end), m.reason]), [['(c) Eastford Gazette', 'copyright']]);
  assert.deepEqual(markBoilerplateLines('He wrote about copyright law in May.\nThe options were (a) close it or (b) repair it.'), []);
});

void test('copies of one source are read once and each gets the same marks, its own objects; each copy still counts', () => {
  const text = [...bridge, ...appended].join('\n');
  const spliced = 'Inspectors foHarbour Festival Draws Record Crowds As It Opensund cracks in two beams.\nThe council said inspectors found the cracks on Monday.';
  const sources = [article('a', spliced), article('a2', spliced), article('b', 'Engineers found two cracks. The bridge opens in May.')];
  const out = markStoryBoilerplate(sources);
  assert.deepEqual(out[1]?.boilerplate, out[0]?.boilerplate);
  assert.equal(out[0]?.boilerplate.length, 1);
  assert.notEqual(out[1]?.boilerplate[0], out[0]?.boilerplate[0]);
  // The tail printed by two sources is no longer foreign to the story: the copy counts as a source.
  const twice = markStoryBoilerplate([article('t', text), article('t2', text), article('b', other([])), article('c', other([]))]);
  assert.deepEqual(twice.map((a) => a.boilerplate), [[], [], [], []]);
});
