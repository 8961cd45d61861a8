import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../model/article.js';
import { splitParagraphs } from './paragraphs.js';
import { quoteMarksFor, scanQuotes } from './quote-scan.js';

function quotes(text: string, language = 'en'): { words: string[]; parent: number | null }[] {
  const paras = splitParagraphs(makeArticle({ origin: 't', kind: 'text', text }));
  return scanQuotes(text, paras, quoteMarksFor(language)).map((q) => ({ words: q.parts.map((p) => text.slice(p.start, p.end)), parent: q.parent }));
}

void test('straight, curly, single and guillemet marks', () => {
  assert.deepEqual(quotes('He said "yes, really." Then “no.” «Non», dit-il.').map((q) => q.words[0]), ['yes, really.', 'no.', 'Non']);
  assert.deepEqual(quotes("She called it 'a disaster' on Monday.").map((q) => q.words[0]), ['a disaster']);
});

void test('apostrophes inside words and elisions are not quotes', () => {
  assert.deepEqual(quotes("I’m sure Russia's leader didn’t say it in the '90s."), []);
});

void test('doubled apostrophes of wire archives are double marks', () => {
  assert.deepEqual(quotes("''We will win,'' he said.").map((q) => q.words[0]), ['We will win,']);
});

void test('a quote inside a quote is nested, and an unclosed inner quote ends at its sentence', () => {
  const q = quotes('"With him I said: ‘If you go, I will act. I mean it. So he goes, like, ‘I don’t believe you’. Then I left."');
  assert.equal(q.length, 3);
  assert.equal(q[0]?.parent, null);
  assert.deepEqual(q.slice(1).map((x) => [x.words[0], x.parent]), [
    ['If you go, I will act. I mean it.', 0],
    ['I don’t believe you', 0],
  ]);
});

void test('a paragraph opening with a mark continues a quote left open', () => {
  const q = quotes('He added: “First part.\n“Second part.”\nNarration.');
  assert.equal(q.length, 1);
  assert.deepEqual(q[0]?.words, ['First part.', 'Second part.']);
});

void test('a quote left open closes at its paragraph end when the next does not continue it', () => {
  const q = quotes('He said: "It was over.\nThe end came later.');
  assert.equal(q.length, 1);
  assert.deepEqual(q[0]?.words, ['It was over.']);
});

void test('a curly quote closed by a straight mark is still one quote', () => {
  assert.deepEqual(quotes('They said “we never lied" and left.').map((q) => q.words[0]), ['we never lied']);
});

void test('the quotation marks of other languages pair: „…“ and ‚…‘, »…«, « … », 「…」 and 『…』, ”…”', () => {
  // Each text is read with the marks of its language (data/lexicons/quote-marks.json), as analyzeArticle does.
  const first = (text: string, language = 'en'): string[] => quotes(text, language).map((q) => q.words[0] ?? '');
  assert.deepEqual(first('„Wir bleiben hier“, sagte die Bürgermeisterin. Dann: „Nein.“', 'de'), ['Wir bleiben hier', 'Nein.']);
  assert.deepEqual(first('Er nannte es ‚einen Fehler‘ und ging.', 'de'), ['einen Fehler']);
  assert.deepEqual(first('»Wir bleiben«, sagte sie, »bis morgen«.', 'de'), ['Wir bleiben', 'bis morgen']);
  assert.deepEqual(first('« Nous restons ici », a déclaré la maire. « Non », a-t-il dit.'), ['Nous restons ici', 'Non']);
  assert.deepEqual(first('市長は「ここに残る」と述べた。「『安全』が第一だ」'), ['ここに残る', '『安全』が第一だ', '安全']);
  assert.deepEqual(first('”Vi stannar här”, sade borgmästaren.'), ['Vi stannar här']);
});

void test('a German quote with a nested one pairs each mark with its own', () => {
  const q = quotes('„Sie sagte ‚nie wieder‘ und ging“, berichtete er.', 'de');
  assert.deepEqual(q.map((x) => [x.words[0], x.parent]), [
    ['Sie sagte ‚nie wieder‘ und ging', null],
    ['nie wieder', 0],
  ]);
});

void test('a quote set one sentence a line runs over bare lines to the line that closes it', () => {
  const q = quotes('She told the paper:\n"No.\nI have done it.\nI do not need it anymore."\nShe left.');
  assert.equal(q.length, 1);
  assert.deepEqual(q[0]?.words, ['No.', 'I have done it.', 'I do not need it anymore.']);
  // Bare lines with no closing line after them do not join the quote.
  assert.deepEqual(quotes('He said: "It was over.\nThe end came later.\nThen "a new dawn" came.')[0]?.words, ['It was over.']);
});
