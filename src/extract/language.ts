import { bodyOf, type Article } from '../model/article.js';
import { detectLanguage as detect, isSupportedLanguage, languageName } from '../nlp/language.js';

// Every article read records the language it is written in (src/nlp/language.ts holds the one
// detector), so that `extract`, the reports and the store show it, and a user is told at once when
// the language layer does not read it.

/** Texts shorter than this are too short to tell one language from another. */
const MIN_CHARS = 40;
/**
 * An article's language is recorded (and warned about) only from this much text: on a line or two,
 * the profiles of neighbouring languages are too close, and a wrong warning is worse than none.
 */
const ARTICLE_MIN_CHARS = 150;

/** ISO 639-1 code (639-3 for languages without one) of the text's language, or null when too short to tell. */
export function detectLanguage(text: string): string | null {
  if (text.trim().length < MIN_CHARS) return null;
  const info = detect(text);
  return info.code === 'und' ? null : info.code;
}

/** The one-line warning for an article in a language the language layer does not read, or null. */
export function languageWarning(code: string | null | undefined): string | null {
  if (!code || isSupportedLanguage(code)) return null;
  return `written in ${languageName(code)} (${code}); crosscheck's language layer reads English, German, French and Spanish, so its quotes, speakers and claims may be missed`;
}

/** The article with its detected language recorded (a new object; the input is not changed). */
export function withLanguage(article: Article): Article {
  // Recorded only when the detector calls its verdict reliable: a wrong warning is worse than none.
  const body = bodyOf(article);
  const info = body.trim().length >= ARTICLE_MIN_CHARS ? detect(body) : null;
  const language = info?.reliable ? info.code : null;
  return language ? { ...article, language } : article;
}
