import { test } from 'node:test';
import assert from 'node:assert/strict';
import { words } from '../text/tokens.js';
import { grade } from './fidelity.js';

const g = (ref: string, variant: string): string => grade(words(ref), words(variant)).fidelity;

void test('verbatim allows typography and contraction spelling', () => {
  assert.equal(g("If you go into Ukraine, I'm going to act.", 'If you go in to Ukraine, I’m gonna act.'), 'verbatim');
});

void test('bowdlerised when only censoring differs', () => {
  assert.equal(g('We bomb the shit out of them.', 'We bomb the sh*t out of them.'), 'bowdlerised');
});

void test('trimmed: a contiguous part, or cut at an elision mark', () => {
  assert.equal(g('He thought I was crazy. But we never had a problem.', 'He thought I was crazy.'), 'trimmed');
  assert.equal(g('We know this. It is true and it is clear.', 'We know this… it is clear.'), 'trimmed');
});

void test('reworded: words dropped without an elision mark, or other words with the same content', () => {
  assert.equal(g('I am going to bomb the hell out of the city.', 'I am going to bomb the city.'), 'reworded');
  assert.equal(g('Whether this is fake or not, we also do not know.', 'We also don’t know if this is real or not.'), 'reworded');
});

void test('altered: a number, a negation or who acts differs', () => {
  assert.equal(g('every one of those 40 wagons has been checked', 'every one of those 14 wagons has been checked'), 'altered');
  assert.equal(g('We will pay for every night.', 'We will not pay for every night.'), 'altered');
  assert.equal(g('If you go into the city, I am going to strike the town.', 'If you move on the city, we will strike the town.'), 'altered');
});

void test('verbatim across spelling and time typography; one function word missing is a slip', () => {
  assert.equal(g('Police sealed the neighborhood until 6:00 p.m.', 'Police sealed the neighbourhood until 6 p.m.'), 'verbatim');
  assert.equal(g('The colour of the flag was honoured at 9: 00 a.m.', 'The color of the flag was honored at 9 a.m.'), 'verbatim');
  assert.equal(g('And there were another dozen people inside the hall.', 'And there another dozen people inside the hall.'), 'trimmed');
  assert.equal(g('We were told the hall is open.', 'We were told the hall open.'), 'trimmed');
  assert.equal(g('The ministry firmly rejected the plan.', 'The ministry rejected the plan.'), 'reworded');
});

void test('a part of the fuller rendering that also drops one function word is trimmed; one that drops a content word is not', () => {
  const ref = 'So on every count, the crews and the council, we agreed that this was the safest route.';
  assert.equal(g(ref, 'agreed this was the safest route.'), 'trimmed');
  assert.equal(g(ref, 'agreed that this was the route.'), 'reworded');
});
