import { detectLanguage } from '../../src/nlp/language.js';
import { detectionTexts, f1, quoteTexts, scoreArticle, sumScores } from '../../src/testing/language-texts.js';

/**
 * The language layer on texts we wrote ourselves (test/fixtures/languages/; not a benchmark):
 * detection accuracy on ten short texts per language, and for German, French and Spanish the F1 of
 * direct quotes found and of quotes with the right speaker.
 */
export function run(): Promise<string[]> {
  const lines = ['(our own short texts, written for the tests: test/fixtures/languages/)'];
  const det: string[] = [];
  for (const [lang, texts] of detectionTexts()) {
    const info = texts.map((t) => detectLanguage(t));
    const right = info.filter((d) => d.code === lang).length;
    det.push(`${lang} ${right}/${texts.length}${info[0]?.supported ? '' : ' (unsupported)'}`);
  }
  lines.push(`detection: ${det.join(', ')}`);
  for (const lang of ['de', 'fr', 'es']) {
    const s = sumScores(quoteTexts(lang).map((a) => scoreArticle(a)));
    lines.push(`${lang}: quotes F1 ${f1(s.matched, s.found, s.gold).toFixed(3)} (${s.matched} of ${s.gold} gold, ${s.found} found); speakers F1 ${f1(s.rightSpeakers, s.withSpeaker, s.goldSpeakers).toFixed(3)} (${s.rightSpeakers} right, ${s.withSpeaker} given, ${s.goldSpeakers} gold)`);
  }
  return Promise.resolve(lines);
}
