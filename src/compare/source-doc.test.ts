import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitParagraphs } from '../nlp/paragraphs.js';
import { markedQuotes } from './source-doc.js';
import { quoteMask } from './text/quotemarks.js';

const quotesOf = (t: string): ReturnType<typeof markedQuotes> => markedQuotes(t, splitParagraphs({ text: t, boilerplate: [] }));
const texts = (t: string): string[] => quotesOf(t).map((q) => t.slice(q.start, q.end));

void test('curly and straight double quotes, with a nested single quote', () => {
  const t = 'He said: “I told him, ‘Stop now.’ He did.” Then "fine" came.';
  const qs = quotesOf(t);
  assert.deepEqual(texts(t), ['I told him, ‘Stop now.’ He did.', 'Stop now.', 'fine']);
  assert.equal(qs[1]?.parent, 0);
  assert.equal(qs[0]?.parent, null);
});

void test('apostrophes inside words are not quotation marks', () => {
  assert.deepEqual(texts("His aide said 'we can't go' and left."), ["we can't go"]);
  assert.deepEqual(texts('It’s the mayor’s call.'), []);
});

void test('a quote continued in the next paragraph is one entry per paragraph, nested ones keep their parent', () => {
  const t = '“First part, ‘inner one’ here.\n“After that he says no.”\nA new line “with a quote”.';
  const qs = quotesOf(t);
  assert.deepEqual(texts(t), ['First part, ‘inner one’ here.', 'inner one', 'After that he says no.', 'with a quote']);
  assert.equal(qs[1]?.parent, 0);
  // The continuation's opening is the reopening mark; only the last part has the closing mark.
  assert.equal(t.slice(qs[2]?.open.start, qs[2]?.open.end), '“');
  assert.equal(qs[0]?.close, null);
  assert.equal(t.slice(qs[2]?.close?.start, qs[2]?.close?.end), '”');
});

void test('the quote mask covers the marks and the words, nothing outside', () => {
  const t = 'He said "yes" then left.';
  const mask = quoteMask(t, quotesOf(t));
  const covered = [...t].filter((_, i) => mask[i] === 1).join('');
  assert.equal(covered, '"yes"');
});

void test('a reversed pair of curly marks masks only the words between them', () => {
  const t = 'The agency added him to its ” Ten Most Sought “ list after his escape from Halvard.';
  const mask = quoteMask(t, quotesOf(t));
  const covered = [...t].filter((_, i) => mask[i] === 1).join('');
  assert.equal(covered, '” Ten Most Sought “');
  const open = 'He said “we stay, and the line ran on to the end.';
  const openMask = quoteMask(open, quotesOf(open));
  assert.equal(openMask[open.length - 2], 1, 'an opening mark with no stray closer before it still runs to the end');
});

void test('a line with a headline spliced inside a word keeps its prose around it as sentences', async () => {
  const { makeArticle } = await import('../model/article.js');
  const { analyzeArticle } = await import('../nlp/analyze.js');
  const { buildSourceDoc } = await import('./source-doc.js');
  const insert = 'Ferry Strike Talks Collapse In Velby Overnight';
  const text = `The harbour stayed shut on Monday.\nCrews se${insert}arched the bay for six hours in minus 9 degree cold.\nThe search resumes today.`;
  const start = text.indexOf(insert);
  const boilerplate = [{ start, end: start + insert.length, reason: 'spliced insertion (a headline inside a word)' }];
  const article = makeArticle({ origin: 't.txt', kind: 'text', text, boilerplate });
  const doc = buildSourceDoc(article, analyzeArticle(article), 0);
  const sentences = doc.sentences.map((s) => text.slice(s.start, s.end));
  assert.ok(sentences.includes('arched the bay for six hours in minus 9 degree cold.'), sentences.join(' | '));
  assert.ok(!sentences.some((s) => s.includes('Velby')));
  assert.deepEqual(sentences.filter((s) => s.startsWith('The ')), ['The harbour stayed shut on Monday.', 'The search resumes today.']);
  assert.ok(!doc.headlines.some((h) => text.slice(h.start, h.end).startsWith('Crews')));
});
