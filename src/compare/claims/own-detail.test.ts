import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../../model/article.js';
import { analyzeArticle } from '../../nlp/analyze.js';
import { buildSourceDoc } from '../source-doc.js';
import { compareClaims } from './index.js';

// Texts written for these tests: three outlets report one arrest; one of them adds who announced it
// and when, in a sentence that otherwise says what the others say.
const doc = (text: string, i: number): ReturnType<typeof buildSourceDoc> => {
  const a = makeArticle({ origin: `t${i}.txt`, kind: 'text', text });
  return buildSourceDoc(a, analyzeArticle(a), i);
};
const singles = (texts: string[]): string[] =>
  compareClaims(texts.map(doc), { clusters: [], units: [], groups: [] })
    .groups.filter((g) => g.claim.status === 'single-source')
    .map((g) => g.claim.text);

const OTHERS = [
  'Police in Tarnow arrested a 58-year-old man on Monday in the 1994 killing of two hikers near the Kelm reservoir.',
  'A 58-year-old man was arrested on Monday in the 1994 killing of two hikers near the Kelm reservoir, police in Tarnow said.',
];

void test('a sentence of the shared event that names what no other source names is a single-source claim', () => {
  const detail = 'Tarnow Police Chief Ilse Varga announced at 9:40 a.m. that the 58-year-old man was arrested on Monday';
  const found = singles([`${detail}, while divers searched the Kelm reservoir for the hikers.`, ...OTHERS]);
  assert.ok(found.includes(detail), `the chief and the minute are this source's own: ${found.join(' | ')}`);
});

void test('the same event in other common words, with no name or figure of its own, is no single-source claim', () => {
  const own = 'Officers detained the 58-year-old man on Monday after a long and painful wait; he is charged in the 1994 killing of two hikers near the Kelm reservoir.';
  assert.deepEqual(singles([own, ...OTHERS]).filter((t) => t.startsWith('Officers')), []);
});

void test('names only inside quotation marks are the quote stage\'s, not a claim', () => {
  const own = 'The 58-year-old man was arrested on Monday "thanks to Chief Ilse Varga and Oskar Brenn", while divers searched the Kelm reservoir for the hikers.';
  assert.deepEqual(singles([own, ...OTHERS]).filter((t) => t.includes('Varga')), []);
});

void test('a dateline of names no other source repeats is no claim', () => {
  const own = `KELM RESERVOIR, May 2 (Wirepost) - ${OTHERS[0] ?? ''}`;
  assert.deepEqual(singles([own, ...OTHERS.slice(1), OTHERS[0] ?? '']).filter((t) => t.includes('Wirepost')), []);
});

/** Source docs of `texts`, each checked to be read as `code`. */
const readAs = (code: string, texts: string[]): ReturnType<typeof doc>[] => {
  const docs = texts.map(doc);
  assert.ok(docs.every((d) => d.analysis.language?.code === code), `the texts are read as ${code}`);
  return docs;
};

void test('in German, where every noun has a capital, a capital alone is no name', () => {
  const docs = readAs('de', [
    'Die Polizei in Tarnow hat am Montag nach langer und zermürbender Wartezeit voller Mühe einen 58 Jahre alten Mann wegen der Tötung zweier Wanderer am Kelmer Stausee festgenommen; das teilte die Polizei in Tarnow am Montag mit.',
    'Die Polizei in Tarnow hat am Montag einen 58 Jahre alten Mann wegen der Tötung zweier Wanderer am Kelmer Stausee festgenommen.',
    'Ein 58 Jahre alter Mann wurde am Montag wegen der Tötung zweier Wanderer am Kelmer Stausee festgenommen, teilte die Polizei in Tarnow mit.',
  ]);
  const found = compareClaims(docs, { clusters: [], units: [], groups: [] }).groups.filter((g) => g.claim.status === 'single-source');
  assert.deepEqual(found.map((g) => g.claim.text).filter((t) => t.includes('Wartezeit')), []);
});

void test('a source in a language the layer lacks is read with the neutral words, not files it does not have', () => {
  const docs = readAs('it', [
    'Il capo della polizia Ilse Varga ha annunciato alle 9:40 che un uomo di 58 anni è stato arrestato lunedì; la polizia di Tarnow indaga ancora sul lago di Kelm.',
    'La polizia di Tarnow ha arrestato lunedì un uomo di 58 anni per l’uccisione di due escursionisti vicino al lago di Kelm.',
    'Un uomo di 58 anni è stato arrestato lunedì per l’uccisione di due escursionisti vicino al lago di Kelm, ha detto la polizia di Tarnow.',
  ]);
  assert.ok(docs.every((d) => d.analysis.language?.supported === false), 'a language the layer lacks');
  assert.doesNotThrow(() => compareClaims(docs, { clusters: [], units: [], groups: [] }));
});
