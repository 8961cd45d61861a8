import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../model/article.js';
import { analyzeArticle } from './analyze.js';
import type { Quote } from './types.js';

function direct(text: string): Quote[] {
  return analyzeArticle(makeArticle({ origin: 't', kind: 'text', text })).quotes.filter((q) => q.direct);
}
const span = (text: string, q: Quote): string => (q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : '');

void test('trailing attribution: "...," he said / said X / X told Y', () => {
  const text = 'Senator Jane Holloway spoke on Monday.\n"We will not back down," she said.\n"It is over," said Mark Ruiz, a city official.\n"No deal," Ruiz told reporters.';
  const q = direct(text);
  assert.deepEqual(
    q.map((x) => [x.text, x.speaker, span(text, x), x.cue, x.addressee]),
    [
      ['We will not back down,', 'Jane Holloway', 'she', 'said', null],
      ['It is over,', 'Mark Ruiz', 'Mark Ruiz', 'said', null],
      ['No deal,', 'Mark Ruiz', 'Ruiz', 'told', 'reporters'],
    ],
  );
});

void test('leading attribution with a colon, an addressee and an apposition', () => {
  const text = 'Spokesman Ivan Orlov said to Interfax: "We cannot confirm this."\nAnna Berg, the company spokeswoman, said, "We are looking into it."';
  const q = direct(text);
  assert.deepEqual(
    q.map((x) => [x.speaker, x.addressee]),
    [
      ['Ivan Orlov', 'Interfax'],
      ['Anna Berg', null],
    ],
  );
});

void test('an interrupted quote is one quote with two parts', () => {
  const text = '"We are ready," the minister said, "and we will act."';
  const q = direct(text);
  assert.equal(q.length, 1);
  assert.deepEqual(q[0]?.parts.map((p) => text.slice(p.start, p.end)), ['We are ready,', 'and we will act.']);
  assert.equal(span(text, q[0]), 'the minister');
});

void test('a paragraph that is only a quote continues the previous speaker', () => {
  const text = 'Mayor Lena Park told the council: "The budget is tight."\n"We will cut costs where we can."';
  assert.deepEqual(direct(text).map((x) => x.speaker), ['Lena Park', 'Lena Park']);
});

void test('nested quotes: I is the narrator, he the other person named', () => {
  const text = 'Governor Tom Reed recalled meeting John Smith. "With Smith I said: \'You must leave.\' So he goes, \'I will not.\'" Reed said.';
  const q = direct(text);
  const outer = q.find((x) => x.nestedIn === null);
  const inner = q.filter((x) => x.nestedIn !== null);
  assert.equal(outer?.speaker, 'Tom Reed');
  assert.deepEqual(inner.map((x) => [x.text, x.speaker]), [
    ['You must leave.', 'Tom Reed'],
    ['I will not.', 'John Smith'],
  ]);
});

void test('scare quotes and titles with no speech cue are not speech', () => {
  assert.deepEqual(direct('The so-called "deal of the century" was on "Face the Nation" last week.'), []);
});

void test('censored words and insertions are flagged', () => {
  const q = direct('He said: "They gave us a lot of bulls*** and [the minister] knew it."');
  assert.equal(q[0]?.censored, true);
});

void test('indirect speech is kept with direct false', () => {
  const text = 'The company said that profits fell by a third last year.';
  const q = analyzeArticle(makeArticle({ origin: 't', kind: 'text', text })).quotes;
  assert.equal(q.length, 1);
  assert.equal(q[0]?.direct, false);
  assert.equal(q[0]?.text, 'profits fell by a third last year');
  assert.equal(span(text, q[0]), 'The company');
});
