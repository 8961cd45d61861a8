import { franc } from 'franc-min';
import { bodyOf, type Article } from '../model/article.js';
import { readLexicon } from './lexicon.js';

// The language an article is written in, detected with franc-min (trigram profiles of 82 languages,
// maintained, 20 ms to load): the language layer reads English only, so an article in another
// language is read wrongly, and the user must be told so.

/** Texts shorter than this are too short to tell one language from another reliably. */
const MIN_CHARS = 40;
/**
 * An article's language is recorded (and warned about) only from this much text: on a line or two,
 * trigram profiles of neighbouring languages are too close (a 70-character English brief came out
 * Spanish), and a wrong warning is worse than none.
 */
const ARTICLE_MIN_CHARS = 150;
/** franc reads this much of a text: enough for a verdict, and a long article costs no more. */
const MAX_CHARS = 2048;

interface Languages {
  names: Record<string, [string, string]>;
  supported: string[];
}

let languages: Languages | undefined;
const table = (): Languages => (languages ??= readLexicon<Languages>('languages.json'));

/** ISO 639-1 code (639-3 for languages without one in the table) of the text's language, or null when unsure. */
export function detectLanguage(text: string): string | null {
  const sample = text.trim();
  if (sample.length < MIN_CHARS) return null;
  const code = franc(sample.slice(0, MAX_CHARS), { minLength: MIN_CHARS });
  if (code === 'und') return null;
  return table().names[code]?.[0] ?? code;
}

/** Whether the language layer holds the words of this language. */
export function languageSupported(code: string): boolean {
  return table().supported.includes(code);
}

/** The English name of a language code, or the code itself. */
export function languageName(code: string): string {
  return Object.values(table().names).find(([c]) => c === code)?.[1] ?? code;
}

/** The one-line warning for an article in a language the language layer does not read, or null. */
export function languageWarning(code: string | null | undefined): string | null {
  if (!code || languageSupported(code)) return null;
  const supported = table().supported.map(languageName).join(', ');
  return `written in ${languageName(code)} (${code}); crosscheck reads ${supported} only, so its quotes, speakers and claims may be wrong`;
}

/** The article with its detected language recorded (a new object; the input is not changed). */
export function withLanguage(article: Article): Article {
  const body = bodyOf(article);
  const language = body.trim().length >= ARTICLE_MIN_CHARS ? detectLanguage(body) : null;
  return language ? { ...article, language } : article;
}
