import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributions, decidedBy } from '../testing.js';

const indirect = (text: string) => attributions(text).filter((a) => !a.direct);

void test('according-to-opening-the-sentence', () => {
  const a = decidedBy('According to the harbour authority, the ferry will not sail before Friday.', 'indirect:according-to');
  assert.deepEqual([a?.text, a?.span], ['the ferry will not sail before Friday', 'the harbour authority']);
});

void test('according-to-clause-closing-the-sentence', () => {
  const a = decidedBy('The ferry will not sail before Friday, according to two officials at the port.', 'indirect:according-to-clause');
  assert.equal(a?.text, 'The ferry will not sail before Friday');
});

void test('trailing-attribution-with-apposition', () => {
  const a = decidedBy('The strike will last a week, Sara Lund, the union leader, said on Monday.', 'indirect:trailing');
  assert.deepEqual([a?.text, a?.speaker], ['The strike will last a week', 'Sara Lund']);
});

void test('trailing-attribution-is-not-a-long-clause', () => {
  assert.equal(decidedBy('Before the vote in the hall, Sara Lund reiterated her belief that the two unions should merge.', 'indirect:trailing'), undefined);
});

void test('subject-verb-with-apposition-and-second-verb', () => {
  const q = indirect('Sara Lund, the union leader, said the strike would last a week and warned that the port could close.');
  assert.deepEqual(q.map((a) => [a.text, a.speaker]), [
    ['the strike would last a week', 'Sara Lund'],
    ['the port could close', 'Sara Lund'],
  ]);
});

void test('subject-verb-share-of-people', () => {
  const a = decidedBy('About one in five say they would not vote at all this year.', 'indirect:subject-verb');
  assert.deepEqual([a?.text, a?.span], ['they would not vote at all this year', 'About one in five']);
});

void test('stance-verb-needs-someone-named', () => {
  assert.equal(decidedBy('Mayor Ana Roth wants the bridge rebuilt before the winter.', 'indirect:stance-verb')?.speaker, 'Ana Roth');
  assert.equal(decidedBy('The economy seems to be slowing down this spring.', 'indirect:stance-verb'), undefined);
});

void test('participle-clause-after-the-main-verb', () => {
  const q = indirect('Ana Roth defended the new budget, saying the town had no other choice this year.');
  assert.deepEqual(q.map((a) => [a.text, a.speaker, a.pass]), [
    ['the new budget', 'Ana Roth', 'indirect:stance-verb'],
    ['the town had no other choice this year', 'Ana Roth', 'indirect:participle'],
  ]);
});

void test('indirect-trailing-inverted-past-a-possessive', () => {
  const a = decidedBy('The storms are not likely to alter the season, noted Radio Vell’s Ana Roth.', 'indirect:trailing');
  assert.deepEqual([a?.speaker, a?.span], ['Ana Roth', 'Ana Roth']);
});

void test('indirect-second-verb-after-conjunction-and-pronoun', () => {
  const q = indirect('But Sara Lund said the talks at the harbour would be hard — and she noted that any change would take a year.');
  assert.deepEqual(q.map((a) => [a.text, a.span]), [
    ['the talks at the harbour would be hard', 'Sara Lund'],
    ['any change would take a year', 'she'],
  ]);
});

void test('indirect-trailing-before-a-subordinate-clause', () => {
  const a = decidedBy('The new toll is an insult to every driver in the valley, two local councillors said on Friday, as the debate over the bridge went on.', 'indirect:trailing');
  assert.deepEqual([a?.text, a?.span], ['The new toll is an insult to every driver in the valley', 'two local councillors']);
});

void test('indirect-plural-role-with-complement', () => {
  const a = decidedBy('The tape was shown to the family on Thursday, lawyers for the family said.', 'indirect:trailing');
  assert.deepEqual([a?.text, a?.span], ['The tape was shown to the family on Thursday', 'lawyers for the family']);
});

void test('subject-verb-it-says', () => {
  const a = decidedBy('The harbour board issued a statement on Monday. It said the ferry would not sail before Friday.', 'indirect:subject-verb');
  assert.deepEqual([a?.text, a?.span], ['the ferry would not sail before Friday', 'It']);
  assert.equal(decidedBy('The fog lifted at noon. It seemed the ferry would sail after all.', 'indirect:subject-verb'), undefined);
});

void test('subject-verb-new-speech-and-belief-verbs', () => {
  const lines = ['Ana Lund commented that the ferry was late again.', 'Ana Lund estimated that the repairs would cost a million.', 'Ana Lund realized the ferry would not sail on time.'];
  for (const line of lines) assert.equal(decidedBy(line, 'indirect:subject-verb')?.speaker, 'Ana Lund', line);
});

void test('subject-verb-contrasting-clause-is-a-statement-of-its-own', () => {
  const q = indirect('Ana Lund said the bridge would reopen in May, though Jon Berg noted that the money had not been found yet.');
  assert.deepEqual(q.map((a) => [a.text, a.speaker]), [
    ['the bridge would reopen in May', 'Ana Lund'],
    ['the money had not been found yet', 'Jon Berg'],
  ]);
  assert.equal(decidedBy('The ferry may sail, although officials warned that the storm could return.', 'indirect:subject-verb')?.span, 'officials');
});

void test('progressive-ing-form-reports-like-a-finite-verb', () => {
  assert.equal(decidedBy('Ana Roth was insisting that the port stay open all winter.', 'indirect:subject-verb')?.speaker, 'Ana Roth');
  assert.equal(decidedBy('Mayor Ana Roth is seeking to rebuild the bridge before the winter.', 'indirect:stance-verb')?.speaker, 'Ana Roth');
  assert.equal(decidedBy('Seeking to rebuild the bridge, Mayor Ana Roth met the council.', 'indirect:stance-verb'), undefined);
});

void test('subject-verb-but-with-a-subject-of-its-own', () => {
  const q = indirect('The report shows the ferry was full on the day, but Jon Berg said the crew had counted the passengers twice.');
  assert.deepEqual(q.map((a) => a.speaker).slice(-1), ['Jon Berg']);
  assert.equal(q.at(-1)?.text, 'the crew had counted the passengers twice');
});

void test('title-case-headline-ended-by-a-full-stop', () => {
  assert.deepEqual([decidedBy('Mayor Roth Says Harbour Bridge Will Reopen in May.', 'indirect:title-case')?.text], ['Harbour Bridge Will Reopen in May']);
  assert.equal(decidedBy('Harbour Bridge Will Reopen in May, Ana Roth Says.', 'indirect:title-case')?.speaker, 'Ana Roth');
  assert.equal(decidedBy('The Mayor Says the bridge will reopen in May.', 'indirect:title-case'), undefined);
});

void test('colon-label-gives-the-words-to-the-label', () => {
  assert.equal(decidedBy('Ana Roth: the harbour bridge will reopen in May.', 'indirect:colon-label')?.speaker, 'Ana Roth');
  assert.equal(decidedBy('Correction: an earlier version gave the wrong date for the vote.', 'indirect:colon-label'), undefined);
  assert.equal(decidedBy('Q: when will the harbour bridge reopen?', 'indirect:colon-label'), undefined);
});

void test('subject-verb-bare-plural-opening-a-clause', () => {
  const a = decidedBy('The mine reopened in May, but environmentalists worry that the cost of the cleanup could fall to taxpayers.', 'indirect:subject-verb');
  assert.deepEqual([a?.span, a?.text], ['environmentalists', 'the cost of the cleanup could fall to taxpayers']);
});

void test('stance-verb-in-a-sentence-holding-a-quote', () => {
  const a = decidedBy('Mayor Ana Roth wants the bridge rebuilt before the winter, calling the delay "a disgrace to the town."', 'indirect:stance-verb');
  assert.deepEqual([a?.speaker, a?.text], ['Ana Roth', 'the bridge rebuilt before the winter']);
});

void test('stance-verb-with-a-short-object', () => {
  assert.deepEqual([decidedBy('At the rally on Tuesday, Senator Ana Roth endorsed Jon Berg.', 'indirect:stance-verb')?.text], ['Jon Berg']);
  assert.equal(decidedBy('When the time came, the mayor Ana Roth backed out.', 'indirect:stance-verb'), undefined);
});

void test('stance-verbs-appear-view-and-denounce', () => {
  assert.equal(decidedBy('Mayor Ana Roth appears to favour a second bridge over the river.', 'indirect:stance-verb')?.speaker, 'Ana Roth');
  assert.equal(decidedBy('Mayor Ana Roth views the toll as a tax on the poor.', 'indirect:stance-verb')?.speaker, 'Ana Roth');
  assert.equal(decidedBy('Mayor Ana Roth denounced the new toll on the harbour bridge.', 'indirect:stance-verb')?.speaker, 'Ana Roth');
});

void test('passive-with-its-agent-after-by', () => {
  const a = decidedBy('The toll plan has been rejected by the town council on Monday.', 'indirect:passive-by');
  assert.deepEqual([a?.text, a?.span], ['The toll plan', 'the town council']);
  assert.equal(decidedBy('The bridge was built by a firm from Vell.', 'indirect:passive-by'), undefined);
});

void test('subject-verb-after-and-shares-the-sentence-subject', () => {
  const a = decidedBy('But Mayor Ana Roth opened the new quay on Tuesday and said the harbour would soon be busy again.', 'indirect:subject-verb');
  assert.deepEqual([a?.span, a?.text], ['Ana Roth', 'the harbour would soon be busy again']);
});
