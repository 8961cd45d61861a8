import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanViolations } from '../testing/invariants.js';
import { junkReason, markBoilerplateLines } from './boilerplate.js';

void test('junk lines are recognised, each with a reason', () => {
  const junk: [string, string][] = [
    ['Advertisement', 'ad'],
    ['Advert', 'ad'],
    ['Story continues below advertisement', 'ad'],
    ['Read more: Council approves new budget', 'teaser'],
    ['RELATED: Storm hits the coast', 'teaser'],
    ['Share this article', 'share'],
    ['📢 SHARE this article to keep others informed', 'share'],
    ['Sign up for our newsletter', 'share'],
    ['Follow us on Instagram', 'share'],
    ['Topics: Politics, Europe, Energy', 'tags'],
    ['Tags: elections', 'tags'],
    ['The minister arrives at the summit on Monday. (AP Photo/Jane Doe)', 'photo-credit'],
    ['Image: Getty', 'photo-credit'],
    ['Firefighters at the scene on Tuesday. Photograph: John Smith/Reuters', 'photo-credit'],
    ['— Jane Doe (@janedoe) March 3, 2021', 'social-post'],
    ['What a day. pic.twitter.com/Ab12Cd34', 'social-post'],
    ['-', 'separator'],
    ['* * *'.replace(/ /g, ''), 'separator'],
    ['Published: 10:48, Tue, Nov 19, 2019', 'dateline'],
    ['Updated Nov 19, 6:55 AM', 'dateline'],
    ['(Reporting by Jane Doe; Editing by John Roe)', 'credit-line'],
    ['SEE MORE: Storm closes the coast road', 'teaser'],
    ['URL: https://news.example.org/2024/05/01/harbour-reopens', 'source-url'],
    ['Source: http://www.example.com/story?id=12', 'source-url'],
    ['Related story: Harbour reopens after storm', 'teaser'],
    ['Harbour reopens after the storm (opens new tab)', 'teaser'],
    ['Council budget explained (opens in a new window)', 'teaser'],
    ['Article continues after this message', 'ad'],
    ['Please consider supporting our independent journalism today', 'share'],
    ['If you value our reporting, become a member', 'share'],
    ['Courtesy of the Harbour Weekly', 'photo-credit'],
    ['Pictured: the harbour wall after the storm', 'photo-credit'],
    ['File photo: the council chamber in 2019', 'photo-credit'],
    ['On behalf of Smith & Roe LLP posted in Road Safety on Friday, May 3, 2024.', 'dateline'],
    ['Posted by Jane Doe on May 3, 2024 at 10:15 AM', 'dateline'],
    ['May 3, 2024', 'dateline'],
    ['Friday, 3 May 2024 10: 15 BST', 'dateline'],
    ['4: 31 pm May 3, 2024', 'dateline'],
  ];
  for (const [line, reason] of junk) assert.equal(junkReason(line), reason, line);
});

void test('prose that mentions junk words is not junk', () => {
  const prose = [
    'He told supporters to read more about the plan on the party website before the vote.',
    'Share prices fell 3% on Tuesday after the announcement.',
    'The advertisement, which ran in three newspapers, was withdrawn.',
    'Related talks are expected next week, officials said.',
    '“We will follow us on this path,” she said.',
    'Topics discussed included energy and trade.',
    'Updated figures show the economy grew faster than expected.',
    'Traffic expected to ease',
    'The Kremlin Responds',
    'Photo opportunities were limited, the spokesman said.',
    'Sign up for a streaming account using the same email as your existing one',
    'Editing by hand took the team three weeks, she said.',
    'Sources: Talks May Resume Next Week',
    'The URL: of the page was shared widely, http links included, he said.',
    'Courtesy of the weather, the match was delayed by an hour.',
    'On May 3, 2024 the harbour wall gave way.',
    'May 2024 was the wettest month on record',
    'Posted in the hallway on Monday, the notice warned tenants.',
  ];
  for (const line of prose) assert.equal(junkReason(line), null, line);
});

void test('an embedded post is marked whole: its text, the handle line and a trailing picture link', () => {
  const text = 'Prose before the post, a full sentence of reporting.\nLook at this\n— Some Account (@some_acct) July 1, 2024\n‘quoted words’\nMore pic.twitter.com/xyz123\nProse after the post continues here.';
  const marks = markBoilerplateLines(text);
  const marked = marks.map((m) => text.slice(m.start, m.end));
  assert.deepEqual(marked, ['Look at this', '— Some Account (@some_acct) July 1, 2024', '‘quoted words’', 'More pic.twitter.com/xyz123']);
  assert.ok(marks.every((m) => m.reason === 'social-post'));
});

void test('a section teaser is junk only at the end of the article', () => {
  const end = 'A sentence of reporting here.\n\nOur Must See Stories';
  assert.deepEqual(markBoilerplateLines(end).map((m) => end.slice(m.start, m.end)), ['Our Must See Stories']);
  const middle = 'Latest News\n\nA sentence of reporting here.';
  assert.deepEqual(markBoilerplateLines(middle), []);
});

void test('marks honour the from/to window and span invariants', () => {
  const text = 'Advert\nProse line.\nAdvert\n';
  const marks = markBoilerplateLines(text, 7);
  assert.deepEqual(marks, [{ start: 19, end: 25, reason: 'ad' }]);
  assert.deepEqual(spanViolations(text, marks), []);
});

void test('a crosshead in capitals after a finished sentence is a section label; a headline in capitals is not', () => {
  const text = 'HARBOUR WALL GIVES WAY\nThe wall fell on Monday.\nNEW RULES\nThe council met on Tuesday.\n“WE WANT ANSWERS”\nResidents spoke.';
  const marks = markBoilerplateLines(text);
  assert.deepEqual(marks.map((m) => [text.slice(m.start, m.end), m.reason]), [['NEW RULES', 'section-label']]);
  const afterDate = '12 May 2024 @ 09: 29 pm\nHARBOUR WALL GIVES WAY\nThe wall fell on Monday.';
  assert.deepEqual(markBoilerplateLines(afterDate).map((m) => afterDate.slice(m.start, m.end)), ['12 May 2024 @ 09: 29 pm']);
});

void test('a byline on its own line is marked; a sentence starting with "By" is not', () => {
  const text = 'Harbour wall gives way\nBy Jane Doe and John Roe, Staff Reporters\nBy Monday the wall had fallen.\nBy Ana de la Cruz | Harbour Weekly\nThe council met.';
  const marks = markBoilerplateLines(text);
  assert.deepEqual(marks.map((m) => [text.slice(m.start, m.end), m.reason]), [
    ['By Jane Doe and John Roe, Staff Reporters', 'byline'],
    ['By Ana de la Cruz | Harbour Weekly', 'byline'],
  ]);
});
