import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributions, decidedBy } from '../testing.js';

void test('preceding-cue-with-colon', () => {
  const a = decidedBy('Rosa Lindqvist told the council: "We have no money left for the pool."', 'preceding-cue');
  assert.deepEqual([a?.speaker, a?.span], ['Rosa Lindqvist', 'Rosa Lindqvist']);
});

void test('preceding-cue-relative-who-is-the-span', () => {
  const a = decidedBy('The plan was backed by Arne Solberg, who said the town was "ready for a change at last."', 'preceding-cue');
  assert.deepEqual([a?.speaker, a?.span], ['Arne Solberg', 'who']);
});

void test('preceding-cue-passive-asked-is-not-the-speaker', () => {
  const a = decidedBy('Mira Castell was asked by Jon Reyes, the moderator, "Will you run again next year?"', 'preceding-cue');
  assert.equal(a?.speaker, 'Jon Reyes');
});

void test('preceding-cue-participle-clause-belongs-to-the-subject', () => {
  const a = decidedBy('Councillor Edda Rhys on Monday criticised the budget, saying the plan goes "nowhere near far enough to help the town."', 'preceding-cue');
  assert.equal(a?.speaker, 'Edda Rhys');
});

void test('preceding-descriptor-with-name-in-apposition', () => {
  const a = decidedBy('The port authority closed the quay. The chief engineer, Lise Varga, said: "The crane failed twice."', 'preceding-cue');
  assert.deepEqual([a?.speaker, a?.span], ['Lise Varga', 'Lise Varga']);
});

void test('preceding-cue-skips-a-verb-in-the-opening-adverbial', () => {
  const a = decidedBy('In a radio message posted Friday, Tomas Brevik said he had "serious doubts" about the plan.', 'preceding-cue');
  assert.deepEqual([a?.speaker, a?.span], ['Tomas Brevik', 'Tomas Brevik']);
  // Without an opening adverbial the first cue still decides ("a partial quote belongs to the main clause").
  assert.equal(decidedBy('Tomas Brevik said the council wrote that the plan was "a disgrace".', 'preceding-cue')?.speaker, 'Tomas Brevik');
});

void test('preceding-cue-share-of-people-not-the-content-subject', () => {
  const a = decidedBy('However, 63 percent said Ana Roth was "right" to keep the plan private.', 'preceding-cue');
  assert.deepEqual([a?.speaker, a?.span], ['63 percent', '63 percent']);
  // The inverted reading still holds when the name ends the clause.
  assert.equal(decidedBy('Said Ana Roth: "We are ready for the vote."', 'preceding-cue')?.speaker, 'Ana Roth');
});

void test('preceding-cue-plural-noun-is-no-cue', () => {
  // "of Liberal claims", "the claims": a noun, so the sentence's subject speaks, not "Liberal".
  const a = attributions('In his review, Jon Berg rated 30% of Liberal claims as "false or worse" this year.')[0];
  assert.deepEqual([a?.speaker, a?.pass], ['Jon Berg', 'sentence-subject']);
});

void test('preceding-cue-participle-belongs-to-the-main-clause-subject', () => {
  // "it" (the paper) attacked Lund and says it, not Lund.
  const a = decidedBy('Meanwhile, it attacked Ana Lund, saying she "has offended everyone in the harbour with her insults."', 'preceding-cue');
  assert.deepEqual([a?.span, a?.speaker], ['it', null]);
  const b = decidedBy('The harbour board praised Ana Lund on Monday, saying she "kept the ferries running all winter."', 'preceding-cue');
  assert.equal(b?.span, 'The harbour board');
});

void test('preceding-cue-a-country-speaks-unless-a-preposition-attaches-it', () => {
  assert.equal(decidedBy('Even China, a close ally, said the plan was "not acceptable in any form."', 'preceding-cue')?.speaker, 'China');
  assert.equal(decidedBy('Officials from China said the plan was "not acceptable in any form."', 'preceding-cue')?.span, 'Officials from China');
});
