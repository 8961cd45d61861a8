import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../../model/article.js';
import type { Conflict } from '../../model/dossier.js';
import { analyzeArticle } from '../../nlp/analyze.js';
import { compareClaims } from '../claims/index.js';
import { compareQuotes } from '../quotes/index.js';
import { buildSourceDoc, type SourceDoc } from '../source-doc.js';
import { attributionConflicts } from './attribution.js';
import { dateConflicts } from './date.js';
import { descriptorConflicts } from './descriptor.js';
import { eventDateConflicts } from './event-date.js';
import { numberConflicts } from './number.js';
import { polarityConflicts } from './polarity.js';
import { clipAround, firstDifference, quoteConflicts } from './quote.js';
import { docsOf } from '../../testing/source-docs.js';

// Hand-written stories about invented people and places: each test states one disagreement.

const sidesOf = (c: Conflict | undefined): string[][] => (c ? c.sides.map((s) => s.evidence.map((e) => e.source).sort()) : []);

function assertWellFormed(c: Conflict, docs: SourceDoc[]): void {
  for (const side of c.sides)
    for (const e of side.evidence) {
      const doc = docs.find((d) => d.id === e.source);
      assert.equal(doc?.text.slice(e.start, e.end), e.text);
    }
}

void test('attribution: who obtained the report, and which outlet a person spoke to', () => {
  const docs = docsOf(
    'The memo, obtained by Reuters, shows the plan. Mayor Alda Finch told Reuters the plan was fair.',
    'The memo was published by Bloomberg on Friday. Finch told Bloomberg the plan was fair.',
    'A memo obtained by Reuters shows the plan.',
  );
  const found = attributionConflicts(docs);
  assert.equal(found.length, 2);
  for (const c of found) assertWellFormed(c, docs);
  const publisher = found.find((c) => c.summary.includes('published or obtained'));
  assert.deepEqual(sidesOf(publisher), [['s0', 's2'], ['s1']]);
  const spoke = found.find((c) => c.summary.includes('spoke to'));
  assert.deepEqual(sidesOf(spoke), [['s0'], ['s1']]);
});

void test('attribution: one source naming two outlets is not a conflict', () => {
  const docs = docsOf('The video was aired by CNN and later posted by Reuters.', 'The video was aired by CNN on Monday evening.');
  assert.deepEqual(attributionConflicts(docs), []);
});

void test('attribution: two interviews with different words are no conflict over which outlet heard them', () => {
  // The second source's next sentence repeats the first's line: a person repeats a line to two
  // outlets, so only the quotation the attribution sentence carries stands for its interview.
  const docs = docsOf(
    '“The bridge will reopen in May,” Mayor Alda Finch told Reuters on Monday.',
    '“My position has not changed at all,” Finch told Bloomberg on Monday. “The bridge will reopen in May.”',
  );
  assert.deepEqual(attributionConflicts(docs), []);
  const reported = docsOf('Mayor Alda Finch told Reuters the budget was tight this year.', 'Finch told Bloomberg the ferry would run all winter.');
  assert.deepEqual(attributionConflicts(reported), []);
});

void test('attribution: the same words credited to two outlets are a conflict', () => {
  const docs = docsOf(
    '“The bridge will reopen in May,” Mayor Alda Finch told Reuters on Monday.',
    '“The bridge will reopen in May,” Finch told Bloomberg.',
    'The bridge has been closed since the storm.',
  );
  const found = attributionConflicts(docs);
  assert.equal(found.length, 1);
  assertWellFormed(found[0] as Conflict, docs);
  assert.deepEqual(sidesOf(found[0]), [['s0'], ['s1']]);
});

void test('attribution: a sentence that quotes nothing takes the quotations that follow it', () => {
  const follow = (quote: string): SourceDoc[] =>
    docsOf(
      `City spokeswoman Alda Finch spoke about the closure on Monday, according to Reuters.\n\n“${quote},” Finch said.\n\nThe council meets next week.`,
      '“The bridge will reopen in May,” Finch told Bloomberg.',
    );
  assert.deepEqual(sidesOf(attributionConflicts(follow('The bridge will reopen in May'))[0]), [['s0'], ['s1']]);
  assert.deepEqual(attributionConflicts(follow('The ferry will run all winter long')), []);
});

void test('quote: a negation only one outlet prints is a conflict, unless another wording backs it', () => {
  const ref = 'Mayor Alda Finch told the court: “I spent money that should have been spent on the school fund.”';
  const partial = 'Finch admitted that she “spent money that shouldn’t have been spent,” and wept.';
  const found = quoteConflicts(compareQuotes(docsOf(ref, partial)).clusters);
  assert.equal(found.length, 1, 'one outlet adds a negation to the same words');
  assert.match(found[0]?.summary ?? '', /negation/);
  // A third outlet prints another wording with the negation ("shouldn't have spent on my house"):
  // the sources give two wordings, and which one is the reference must not decide the finding.
  const other = 'In court, Finch said: “I spent money I shouldn’t have spent on my own house.”';
  const three = docsOf(ref, partial, other);
  const stage = compareQuotes(three);
  assert.equal(stage.clusters.length, 1, 'the three renderings are one cluster');
  assert.deepEqual(quoteConflicts(stage.clusters), []);
  // A third wording without the negation backs nobody: the conflict stays.
  const plain = 'In court, Finch said: “I spent money I should have spent on my own house.”';
  assert.equal(quoteConflicts(compareQuotes(docsOf(ref, partial, plain)).clusters).length, 1);
});

void test('quote: a long quotation is shown around the words that differ, not cut before them', () => {
  const opening = 'We had checked the line twice that week and the crews reported nothing out of the ordinary on the river section, ';
  const said = (n: string): string => `${opening}but by the evening about ${n} wagons had left the rails and the bridge was closed to all traffic`;
  const [a, b] = firstDifference(said('40'), said('14'));
  assert.equal(said('40').slice(a, a + 2), '40');
  assert.equal(said('14').slice(b, b + 2), '14');
  const clipped = clipAround(said('40'), a);
  assert.ok(clipped.length <= 120, `clipped to the budget: ${clipped.length}`);
  assert.match(clipped, /^….* 40 wagons .*…?$/);
  assert.equal(clipAround('short words stay whole', 5), 'short words stay whole');
  // End to end: each side's value carries its own figure.
  const docs = docsOf(`Mayor Alda Finch said: “${said('40')}.”`, `Finch said: “${said('14')}.”`);
  const found = quoteConflicts(compareQuotes(docs).clusters);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]?.sides.map((s) => /\b(40|14) wagons/.exec(s.value)?.[1]).sort(), ['14', '40']);
});

void test('date: the year a recording was released, not the year the event took place', () => {
  const docs = docsOf(
    'In 2023, the network aired a recording of the mayor at a dinner.',
    'The dinner took place in 2023 and the recording was released on 9 July 2024 by the network.',
  );
  const [c] = dateConflicts(docs);
  assert.ok(c);
  assertWellFormed(c, docs);
  assert.deepEqual(c.sides.map((s) => s.value).sort(), ['2023', '2024-07-09']);
});

void test('descriptor: former versus current title for the same person; one source using both takes no side', () => {
  const docs = docsOf(
    'Former Health Minister Ida Korr said the plan was costly.',
    'Health Minister Ida Korr defended the plan on Monday.',
    'Health Minister Ida Korr spoke first. Former Health Minister Ida Korr, as some called her, left.',
    'The plan was defended by the health minister, Ida Korr.',
  );
  const [c] = descriptorConflicts(docs);
  assert.ok(c);
  assertWellFormed(c, docs);
  assert.deepEqual(sidesOf(c), [['s1', 's3'], ['s0']]);
  // One source against one: a title may be used for the past, so no conflict is claimed.
  assert.deepEqual(descriptorConflicts(docs.slice(0, 2)), []);
});

void test('polarity: has yet to respond versus a response by the same state', () => {
  const docs = docsOf('The Freedonian government is yet to respond to the claims.', 'Freedonia dismissed the claims as noise.', 'Freedonia has been quiet.');
  const found = polarityConflicts(docs);
  assert.equal(found.length, 1);
  assert.deepEqual(sidesOf(found[0]), [['s0'], ['s1']]);
  assert.deepEqual(polarityConflicts(docsOf('The company declined to comment on the crash.', 'The crash was criticized by residents of the town.')), []);
});

void test('number: the same quantity with different values inside one claim', () => {
  const docs = docsOf(
    'About 3,400 residents of Lowbridge were ordered from their homes after the fire.',
    'Some 4,300 residents of Lowbridge were ordered from their homes after the fire.',
  );
  const claims = compareClaims(docs, compareQuotes(docs));
  const [c] = numberConflicts(docs, claims);
  assert.ok(c);
  assert.deepEqual(c.sides.map((s) => s.value).sort(), ['About 3,400', 'Some 4,300']);
});

void test('number: a bound or an estimate that fits the other figure is no conflict', () => {
  const docs = docsOf(
    'The army sent 5,200 active-duty troops to the border on Monday, officials said.',
    'The army sent more than 5,000 active-duty troops to the border on Monday, officials said.',
    'The army sent about 5,150 active-duty troops to the border on Monday, officials said.',
  );
  assert.deepEqual(numberConflicts(docs, compareClaims(docs, compareQuotes(docs))), []);
  const apart = docsOf(
    'The army sent 5,200 active-duty troops to the border on Monday, officials said.',
    'The army sent fewer than 3,000 active-duty troops to the border on Monday, officials said.',
  );
  const [c] = numberConflicts(apart, compareClaims(apart, compareQuotes(apart)));
  assert.ok(c, 'a bound the other figure breaks is still a conflict');
  assert.deepEqual(c.sides.map((s) => s.value).sort(), ['5,200', 'fewer than 3,000']);
});

void test('event date: a weekday and a dated weekday, read against publication dates; a dateline is ignored', () => {
  const texts = [
    'LOWBRIDGE, July 14 (Wire) - A freight train derailed on the river bridge late on Monday, officials said.',
    'A freight train derailed on the river bridge late on Sunday, July 12, officials said.',
  ];
  const docs = texts.map((text, i) => {
    const a = makeArticle({ origin: `t${i}.txt`, kind: 'text', text, meta: { published: '2026-07-14' } });
    return buildSourceDoc(a, analyzeArticle(a), i);
  });
  const claims = compareClaims(docs, compareQuotes(docs));
  const found = eventDateConflicts(docs, claims);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]?.sides.map((s) => s.value).sort(), ['2026-07-12', '2026-07-13']);
  // Evidence runs from the shared event word to its date, the weekday printed with the date included;
  // the dateline's "July 14" is not evidence.
  assert.deepEqual(found[0]?.sides.map((s) => s.evidence.map((e) => e.text)).sort(), [
    ['derailed on the river bridge late on Monday'],
    ['derailed on the river bridge late on Sunday, July 12'],
  ]);
});

void test('number: figures stated for different days both hold; one dispute listed together is one conflict', () => {
  const apart = docsOf('Police in Tarnby arrested 47 protesters on March 3, 2026, after clashes.', 'Police in Tarnby arrested 6 protesters on March 4, 2026, after clashes.');
  assert.deepEqual(numberConflicts(apart, compareClaims(apart, compareQuotes(apart))), []);
  const same = docsOf('Police in Tarnby arrested 47 protesters on March 3, 2026, after clashes.', 'Police in Tarnby arrested 6 protesters on March 3, 2026, after clashes.');
  assert.equal(numberConflicts(same, compareClaims(same, compareQuotes(same))).length, 1);
  const listed = docsOf(
    'Customs officers seized 14 rifles, 31 magazines and 923 rounds at the Orlen crossing.',
    'Customs officers seized six rifles, 12 magazines and 300 rounds at the Orlen crossing.',
  );
  const found = numberConflicts(listed, compareClaims(listed, compareQuotes(listed)));
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]?.sides.map((s) => s.value).sort(), ['14 rifles, 31 magazines, 923 rounds', 'six rifles, 12 magazines, 300 rounds']);
});
