import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../model/article.js';
import { analyzeArticle } from './analyze.js';
import { detectLanguage } from './language.js';
import { splitParagraphs } from './paragraphs.js';
import { quoteMarksFor, scanQuotes } from './quote-scan.js';
import { lexiconFor, lexicons, withLanguage } from './lexicons.js';
import { detectionTexts, quoteTexts } from '../testing/language-texts.js';

// Texts of our own (test/fixtures/languages/ and below), written for these tests.

// One sentence alone is too little to tell its language (franc-min reads trigrams): as in a real
// article, each test sentence stands before a paragraph of plain prose in its language, with no
// quote, name or date in it.
const CONTEXT: Record<string, string> = {
  de: 'Die Stadtverwaltung hat die Pläne für den Umbau der Innenstadt vorgestellt. Die Arbeiten sollen mehrere Wochen dauern, und die Anwohner werden über die Umleitungen informiert.',
  fr: 'La municipalité a présenté les plans de rénovation du centre-ville. Les travaux doivent durer plusieurs semaines, et les habitants seront informés des déviations.',
  es: 'El ayuntamiento ha presentado los planes para la reforma del centro de la ciudad. Las obras durarán varias semanas y los vecinos serán informados de los desvíos.',
};
const read = (text: string, lang?: string, published = '2026-03-12'): ReturnType<typeof analyzeArticle> =>
  analyzeArticle(makeArticle({ origin: 't', kind: 'text', text: lang ? `${text}\n\n${CONTEXT[lang] ?? ''}` : text, meta: { published } }));
const quoted = (text: string, lang: string): string[] => scanQuotes(text, splitParagraphs({ text, boilerplate: [] }), quoteMarksFor(lang)).map((q) => q.parts.map((p) => text.slice(p.start, p.end)).join(' / '));
const speakers = (text: string, lang?: string): [string, string | null][] => read(text, lang).quotes.filter((q) => q.direct).map((q) => [q.text, q.speaker]);

void test('detection: each short text of a supported language is read as that language', () => {
  // franc-min on one or two sentences: at least 9 of 10 right per language, and whatever it says of a
  // text, its support flag matches the layer's languages.
  for (const [lang, texts] of detectionTexts()) {
    const right = texts.filter((t) => detectLanguage(t).code === lang).length;
    assert.ok(right >= 9, `${lang}: ${right} of ${texts.length}`);
    for (const t of texts) {
      const info = detectLanguage(t);
      assert.equal(info.supported, ['en', 'de', 'fr', 'es'].includes(info.code), t);
    }
  }
});

void test('quote marks: German „…“ closes with the mark English opens with, never across sentences', () => {
  assert.deepEqual(quoted('„Wir sind bereit“, sagte Lang. „Das reicht nicht“, entgegnete Roth.', 'de'), ['Wir sind bereit', 'Das reicht nicht']);
  assert.deepEqual(quoted('Er sagte: „Das Wort ‚sicher‘ ist zu stark.“ Dann ging er.', 'de'), ['Das Wort ‚sicher‘ ist zu stark.', 'sicher']);
  // Read as English, the same text pairs “ with the next „: the reason quote marks follow the language.
  assert.notDeepEqual(quoted('„Wir sind bereit“, sagte Lang. „Das reicht nicht“, entgegnete Roth.', 'en'), ['Wir sind bereit', 'Das reicht nicht']);
});

void test('quote marks: German »…« and Swiss «…», French « … » with inner spaces, Spanish «…»', () => {
  assert.deepEqual(quoted('»Der Pegel steigt«, warnte Brandt. Er sagte, es sei ›ernst‹.', 'de'), ['Der Pegel steigt', 'ernst']);
  assert.deepEqual(quoted('«Das ist gut», sagte Keller.', 'de'), ['Das ist gut']);
  assert.deepEqual(quoted('« Nous sommes prêts », a déclaré le maire. « Vraiment\u202F», a-t-il ajouté.', 'fr'), ['Nous sommes prêts', 'Vraiment']);
  assert.deepEqual(quoted('«Estamos listos», dijo Ortega. Habló de “un gran día”.', 'es'), ['Estamos listos', 'un gran día']);
});

void test('quote marks: Chinese and Japanese corner brackets pair between letters', () => {
  assert.deepEqual(quoted('市長は「橋は安全だ」と述べた。', 'ja'), ['橋は安全だ']);
  assert.deepEqual(quoted('彼は「私は『大丈夫』と言った」と話した。', 'ja'), ['私は『大丈夫』と言った', '大丈夫']);
});

void test('lexicons: each language has its own words, English exports unchanged', () => {
  assert.equal(lexicons().speechVerbs.get('said'), 'say');
  assert.equal(lexiconFor('de').speechVerbs.get('sagte'), 'say');
  assert.equal(lexiconFor('fr').speechVerbs.get('déclaré'), 'declare');
  assert.equal(lexiconFor('es').speechVerbs.get('afirmó'), 'state');
  assert.equal(lexiconFor('de').speechVerbs.has('said'), false);
  assert.equal(withLanguage('fr', () => lexicons().language), 'fr');
  assert.equal(lexicons().language, 'en');
  assert.equal(lexiconFor('es').units.numberWords['cinco'], 5);
});

for (const lang of ['de', 'fr', 'es']) {
  void test(`${lang}: every quote of our articles is found, and most with their speaker`, () => {
    let right = 0;
    let gold = 0;
    for (const article of quoteTexts(lang)) {
      const found = read(article.text).quotes.filter((q) => q.direct).flatMap((q) => q.parts.map((p) => ({ text: article.text.slice(p.start, p.end), speaker: q.speaker })));
      for (const g of article.quotes) {
        const q = found.find((f) => f.text.replace(/[\s\p{P}]+$/u, '') === g.quote.replace(/[\s\p{P}]+$/u, ''));
        assert.ok(q, `${lang}: ${g.quote}`);
        gold++;
        if (g.speaker && q.speaker?.includes(g.speaker.split(' ').pop() ?? '')) right++;
      }
    }
    assert.ok(right / gold >= 0.6, `${lang}: ${right} of ${gold} speakers`);
  });
}

void test('de: „…“, sagte Name / Name sagte: „…“ / „…“, sagte sie', () => {
  assert.deepEqual(speakers('„Wir sind bereit“, sagte Jonas Weber am Montag.', 'de'), [['Wir sind bereit', 'Jonas Weber']]);
  assert.deepEqual(speakers('Anna Roth sagte: „Das Angebot steht.“', 'de'), [['Das Angebot steht.', 'Anna Roth']]);
  const q = speakers('Petra Lang leitet die Behörde seit 2020. „Wir hatten keine Wahl“, sagte sie.', 'de');
  assert.deepEqual(q, [['Wir hatten keine Wahl', 'Petra Lang']]);
});

void test('de: a news agency the quote was told to is not its speaker', () => {
  assert.deepEqual(speakers('„Das Angebot liegt auf dem Tisch“, sagte Anna Roth der Nachrichtenagentur dpa.', 'de'), [['Das Angebot liegt auf dem Tisch', 'Anna Roth']]);
});

void test('fr: « … », a déclaré le ministre / a-t-il ajouté / selon X', () => {
  assert.deepEqual(speakers('« Nous sommes prêts », a déclaré Pierre Lambert mardi.', 'fr'), [['Nous sommes prêts', 'Pierre Lambert']]);
  assert.deepEqual(speakers('« Nous sommes prêts », a déclaré le ministre.', 'fr').map(([, s]) => s), ['le ministre']);
  assert.deepEqual(speakers('Pierre Lambert a visité le chantier. « Nous n’avions pas le choix », a-t-il ajouté.', 'fr'), [['Nous n’avions pas le choix', 'Pierre Lambert']]);
  const indirect = read('Selon le préfet Marc Dubois, trois personnes ont été blessées.', 'fr').quotes.find((x) => !x.direct);
  assert.equal(indirect?.speaker, 'Marc Dubois');
  assert.equal(indirect?.cue, 'selon');
});

void test('es: «…», dijo el portavoz / ha dicho / según X', () => {
  assert.deepEqual(speakers('«Estamos listos», dijo el portavoz del Gobierno.', 'es').map(([, s]) => s), ['el portavoz']);
  assert.deepEqual(speakers('«No teníamos otra opción», ha dicho Javier Ortega.', 'es'), [['No teníamos otra opción', 'Javier Ortega']]);
  assert.equal(read('Según la portavoz Ana Torres, el puente seguirá cerrado.', 'es').quotes.find((x) => !x.direct)?.speaker, 'Ana Torres');
});

void test('dates in German, French and Spanish, with their month and weekday names', () => {
  const days = (t: string, lang: string): (string | null)[] => read(t, lang).dates.map((d) => d.value);
  assert.deepEqual(days('Die Brücke wurde am 9. Juli 2025 gesperrt.', 'de'), ['2025-07-09']);
  assert.deepEqual(days('Le pont a été fermé le 9 juillet 2025.', 'fr'), ['2025-07-09']);
  assert.deepEqual(days('El puente se cerró el 9 de julio de 2025.', 'es'), ['2025-07-09']);
  // 2026-03-12 is a Thursday: the Monday before it.
  assert.deepEqual(days('Der Stadtrat hat am Montag beschlossen, die Brücke zu sperren.', 'de'), ['2026-03-09']);
});

void test('an unsupported language is recorded and read with no English rules: no speakers, no warning lost', () => {
  const a = read('«Siamo pronti», ha detto il ministro martedì durante la conferenza stampa a Roma. Il ministro ha aggiunto che i lavori dureranno tre settimane.');
  assert.equal(a.language?.code, 'it');
  assert.equal(a.language?.supported, false);
  assert.deepEqual(a.quotes.filter((q) => q.speaker !== null), []);
});
