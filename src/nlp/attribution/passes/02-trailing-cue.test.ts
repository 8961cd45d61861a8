import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decidedBy, attributions } from '../testing.js';

void test('trailing-pronoun-cue', () => {
  const a = decidedBy('Mayor Ines Korver opened the session.\n"The bridge will reopen in May," she said.', 'trailing-cue');
  assert.deepEqual([a?.speaker, a?.span], ['Ines Korver', 'she']);
});

void test('trailing-inverted-cue-with-apposition', () => {
  const a = decidedBy('"Nobody was hurt," said Piet Marandi, a fire brigade spokesman.', 'trailing-cue');
  assert.equal(a?.speaker, 'Piet Marandi');
});

void test('trailing-cue-between-interrupted-parts', () => {
  const q = attributions('"We tried," the harbour master said, "but the storm came first."');
  assert.equal(q.length, 1);
  assert.deepEqual([q[0]?.pass, q[0]?.span], ['trailing-cue', 'the harbour master']);
});

void test('trailing-inverted-descriptor-then-name', () => {
  const a = decidedBy('"The road stays shut," said the spokesman of the harbour police, Ruben Afolabi. Traffic was diverted.', 'trailing-cue');
  assert.deepEqual([a?.speaker, a?.span], ['Ruben Afolabi', 'Ruben Afolabi']);
});

void test('trailing-inverted-reported', () => {
  const a = decidedBy('The vote is "the closest in a decade," reported Harbour Radio.', 'trailing-cue');
  assert.equal(a?.span, 'Harbour Radio');
});

void test('a clause running into the next quote introduces that quote', () => {
  const q = attributions('Mayor Ines Korver spoke first. She says the plan is "the same old plan." Tomas Brevik adds, "It will fail again."');
  assert.deepEqual(q.filter((x) => x.direct).map((x) => x.speaker), ['Ines Korver', 'Tomas Brevik']);
});

void test('trailing-cue-past-a-second-apposition', () => {
  const a = decidedBy('"The bridge is unsafe," Karl Holm, the deputy mayor of Vell, one of the towns in the league, said at a meeting.', 'trailing-cue');
  assert.equal(a?.speaker, 'Karl Holm');
  // One apposition naming a role: the role stays the speaker.
  assert.equal(decidedBy('"The bridge is unsafe," the deputy mayor, a former judge, said.', 'trailing-cue')?.span, 'the deputy mayor');
});

void test('trailing-cue-not-after-a-subordinate-clause', () => {
  const q = attributions('Half of the members agreed the pool was "worth the money," while most said the same of the library.');
  assert.equal(q.find((a) => a.direct)?.pass === 'trailing-cue', false);
});

void test('trailing-cue-role-with-complement', () => {
  assert.equal(decidedBy('"The tape was shown to us," a spokesman for the harbour board said.', 'trailing-cue')?.span, 'a spokesman for the harbour board');
  assert.equal(decidedBy('"The tape was shown to us," lawyers for the family said.', 'trailing-cue')?.span, 'lawyers for the family');
});

void test('trailing-cue-coordinated-verb-shares-the-subject', () => {
  const a = decidedBy('"We will win the cup this year," Ana Lund laughed and said.', 'trailing-cue');
  assert.deepEqual([a?.speaker, a?.span], ['Ana Lund', 'Ana Lund']);
  const b = decidedBy('Later the coach Ana Lund smiled and said that the team would win the cup.', 'indirect:subject-verb');
  assert.equal(b?.speaker, 'Ana Lund');
});
