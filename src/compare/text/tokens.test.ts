import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentKey, sameWord, withWordsCache, words } from './tokens.js';

const norms = (s: string): string[] => words(s).filter((w) => !w.inserted && !w.ellipsis).map((w) => w.norm);

void test('contractions, gonna and typography normalise to the same words', () => {
  assert.deepEqual(norms("I'm gonna go"), norms('I am going to go'));
  assert.deepEqual(norms('I don’t know'), norms("I do not know"));
  assert.deepEqual(norms("we'll win"), ['we', 'will', 'win']);
  assert.deepEqual(norms("can't"), ['can', 'not']);
});

void test('split spellings join: per cent and in to', () => {
  assert.deepEqual(norms('10 per cent'), norms('10%'));
  assert.deepEqual(norms('go in to town'), norms('go into town'));
});

void test('a censored word matches its uncensored form and other censorings by shape only', () => {
  const [a] = words('sh*t');
  const [b] = words('shit');
  const [c] = words('s**t');
  const [d] = words('shot');
  assert.ok(a && b && c && d);
  assert.ok(sameWord(a, b));
  assert.ok(sameWord(a, c));
  assert.ok(!sameWord(b, d));
  assert.ok(a.censored && !b.censored);
});

void test('insertions and elisions are marked, spans index the original text', () => {
  const text = 'And then [Putin] goes… fine';
  const ws = words(text);
  const inserted = ws.filter((w) => w.inserted);
  assert.deepEqual(inserted.map((w) => text.slice(w.start, w.end)), ['Putin']);
  assert.equal(ws.filter((w) => w.ellipsis).length, 1);
  for (const w of ws) assert.ok(w.end > w.start && w.end <= text.length);
});

void test('function words carry no content key; synonyms share one', () => {
  const [the] = words('the');
  const [often] = words('often');
  const [frequently] = words('frequently');
  assert.ok(the && often && frequently);
  assert.equal(contentKey(the), null);
  assert.equal(contentKey(often), contentKey(frequently));
});

void test('a 12-hour clock time reads as its 24-hour time: "6:41pm", "6:41 p.m." and "18:41" are one time', () => {
  assert.deepEqual(norms('died at 6:41pm this evening'), norms('died at 18:41 this evening'));
  assert.deepEqual(norms('died at 6:41 p.m. this evening'), norms('died at 18:41 this evening'));
  assert.deepEqual(norms('opens at 6 p.m.'), ['opens', 'at', '18']);
  assert.deepEqual(norms('six men at 9 am'), ['six', 'men', 'at', '9']);
  assert.deepEqual(norms('(0241 GMT Friday)'), norms('(02:41 GMT Friday)'));
  // Figures that are no clock time keep their value.
  assert.deepEqual(norms('We saw 6 men'), ['we', 'saw', '6', 'men']);
});

void test('a range read again in another text has the same words, spans into that text', () => {
  // Clock times, inserted words and "per cent" read the characters between words: all inside the range.
  const sentence = 'At 9 pm [the minister] said 5 per cent of 40 wagons, f*** it…';
  const a = `Copy 1.\n${sentence} End.`;
  const b = `A longer preface here.\n\n${sentence}`;
  const plain = [words(a, 8, 8 + sentence.length), words(b, b.length - sentence.length)];
  const cached = withWordsCache(() => [words(a, 8, 8 + sentence.length), words(b, b.length - sentence.length)]);
  assert.deepEqual(cached, plain);
  assert.equal(b.slice(cached[1]?.[0]?.start, cached[1]?.[0]?.end), 'At');
  assert.ok((cached[1] ?? []).some((w) => w.inserted && w.norm === 'minister'));
  assert.ok((cached[1] ?? []).some((w) => w.norm === 'percent'));
});

void test('a long text read line by line has the words of one whole scan, joins across line breaks included', () => {
  // Pieces whose words join across a line break ("per\ncent", "6\np.m.", "in\nto", "6:\n00").
  const pieces = ['Ferry fares rose 10 per', 'cent on Monday.', 'The vote was at 6', 'p.m. in the harbour.', 'Crews went in', 'to the hall at 6:', '00 GMT.', 'Marek’s F.B.I. file, sh*t.', "I'm gonna stay, she said.", '0241 GMT', 'A tax-filing 5% rise…'];
  const lines: string[] = [];
  for (let i = 0; lines.join('\n').length < 1500; i++) lines.push(pieces[i % pieces.length] as string);
  const text = lines.join('\n');
  const copy = `Copy 3.\n${text}`;
  const whole = words(text);
  const cached = withWordsCache(() => [words(text), words(copy), words(copy, 8)]);
  assert.deepEqual(cached[0], whole);
  assert.deepEqual(cached[1], words(copy));
  assert.deepEqual(cached[2], words(copy, 8));
  assert.deepEqual(cached[2]?.map((w) => ({ ...w, start: w.start - 8, end: w.end - 8 })), whole);
});
