import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSourceText } from './text.js';
import { computeReuse, REUSE_LINK_THRESHOLD } from './reuse.js';
import { spanViolations } from '../../testing/invariants.js';

// Synthetic news-like prose: enough distinct words that shingles are not shared by chance.
const ORIGIN = [
  'The city council voted on Tuesday to close the old harbour bridge for repairs lasting eleven weeks.',
  'Engineers found corroded cables during an inspection in the spring, according to a report seen by the council.',
  'About forty thousand drivers cross the bridge each day, and buses will be diverted through the northern ring road.',
  'The council leader said the closure was regrettable but unavoidable, and promised to publish weekly progress updates.',
  'Local shop owners near the harbour warned that the closure would cut their trade during the busy summer season.',
  'A temporary ferry service for pedestrians and cyclists will run every twenty minutes from the fish market pier.',
].join(' ');

const REWRITE = ORIGIN.replace('voted on Tuesday', 'decided on Tuesday')
  .replace('corroded cables', 'rusted cables')
  .replace('About forty thousand', 'Around forty thousand')
  .replace('was regrettable but unavoidable', 'was unfortunate but unavoidable')
  .replace('warned that', 'said that');

const OTHER = [
  'Commuters faced long queues on the ring road this morning after the harbour crossing shut.',
  'Officials handed out leaflets at the station explaining the diversion, while traffic wardens directed cars.',
  '"We are doing everything we can to keep the town moving," a transport officer told reporters at the scene.',
  'Several residents questioned why the inspection results had not been shared with the public sooner.',
].join(' ');

const src = (id: string, text: string) => buildSourceText(id, text, []);

void test('a verbatim copy is a copy, linked, with passages whose text equals the slices', () => {
  const [r] = computeReuse([src('a', ORIGIN), src('b', ORIGIN)]);
  assert.ok(r);
  assert.equal(r.kind, 'copy');
  assert.equal(r.linked, true);
  assert.ok(r.score > 0.95, `score ${r.score}`);
  const texts = new Map([['a', ORIGIN], ['b', ORIGIN]]);
  assert.deepEqual(spanViolations(texts, r.passages.flatMap((p) => [p.a, p.b])), []);
});

void test('a light rewrite is told apart from a copy and still linked', () => {
  const [r] = computeReuse([src('a', ORIGIN), src('b', REWRITE)]);
  assert.ok(r);
  assert.equal(r.kind, 'light-rewrite');
  assert.ok(r.linked && r.score >= REUSE_LINK_THRESHOLD);
  // the edits are bridged: one passage runs across the substituted word
  assert.ok(r.passages.some((p) => p.b.text.includes('found rusted cables during') && p.a.text.includes('found corroded cables during')));
});

void test('scores are symmetric and pairs are ordered by id whatever the input order', () => {
  const one = computeReuse([src('s1', ORIGIN), src('s2', REWRITE), src('s3', OTHER)]);
  const two = computeReuse([src('s3', OTHER), src('s2', REWRITE), src('s1', ORIGIN)]);
  assert.deepEqual(one, two);
  for (const r of one) assert.ok(r.a < r.b);
});

void test('independent texts sharing one quotation are shared-quotes, not linked', () => {
  const quote = '"We are doing everything we can to keep the town moving,"';
  const a = `The bridge closed at noon. ${quote} the mayor told a radio station later that day. Queues formed quickly.`;
  const b = `Traffic slowed across the county as drivers looked for other routes. ${quote} she said, adding that more buses would run.`;
  const [r] = computeReuse([src('a', a), src('b', b)]);
  assert.ok(r);
  assert.equal(r.kind, 'shared-quotes');
  assert.equal(r.linked, false);
  assert.ok((r.quoteShare ?? 0) > 0.9);
});

void test('derivedFrom names the earlier source when both dates are known', () => {
  const published = new Map<string, string | null>([['a', '2026-07-15T10:00:00Z'], ['b', '2026-07-14T09:00:00Z']]);
  const [r] = computeReuse([src('a', REWRITE), src('b', ORIGIN)], { published });
  assert.equal(r?.derivedFrom, 'b');
  const [u] = computeReuse([src('a', REWRITE), src('b', ORIGIN)], { published: new Map([['a', '2026-07-15'], ['b', null]]) });
  assert.equal(u?.derivedFrom, null);
});

void test('a sentence-by-sentence paraphrase with few shared word sequences is found as paraphrase', () => {
  const para = [
    'On Tuesday the municipal council chose to shut the ageing harbour bridge for eleven weeks of repair work.',
    'An inspection in spring uncovered corroded cables, a report examined by council members said.',
    'Each day roughly forty thousand motorists use the crossing; buses are being rerouted via the northern ring road.',
    'Calling the closure regrettable yet unavoidable, the council leader pledged weekly updates on progress.',
    'Harbour shopkeepers cautioned that their takings would suffer during the busy summer months.',
    'Pedestrians and cyclists can use a temporary ferry leaving the fish market pier every twenty minutes.',
  ].join(' ');
  const stopWords = new Set(['the', 'a', 'an', 'of', 'and', 'to', 'on', 'in', 'for', 'by', 'that', 'their', 'each', 'can', 'are', 'was', 'would', 'will', 'said', 'every', 'from', 'via', 'during', 'use']);
  const [r] = computeReuse([src('a', ORIGIN), src('b', para)], { stopWords });
  assert.ok(r);
  assert.equal(r.kind, 'paraphrase');
  assert.equal(r.linked, true);
  const [q] = computeReuse([src('a', ORIGIN), src('c', OTHER)], { stopWords });
  assert.ok(!q || !q.linked);
});

void test('boilerplate is left out of reuse', () => {
  const junk = 'Read more: sign up to our newsletter for the latest harbour and bridge news every single morning';
  const a = `${junk}\n\nThe first text is about something else entirely, a garden show.`;
  const b = `${junk}\n\nA second text about a football match that ended in a draw.`;
  assert.ok(computeReuse([src('a', a), src('b', b)])[0]?.passages.some((p) => p.a.text.startsWith('Read more')), 'shared junk is found when not marked');
  const marked = computeReuse([buildSourceText('a', a, [{ start: 0, end: junk.length }]), buildSourceText('b', b, [{ start: 0, end: junk.length }])]);
  assert.equal(marked.length, 0);
});
