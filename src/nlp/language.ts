import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eld } from 'eld/small';
import { LEXICON_DIR } from './lexicons.js';

/**
 * Which language an article is written in, read by eld (Nito-ELD, an n-gram detector whose model
 * ships inside the package: nothing downloads). The language layer's words (speech verbs, titles,
 * months, ...) exist for English and for each language with a folder under data/lexicons/<code>/;
 * any other language is recorded as unsupported, so the passes that need those words stay silent
 * instead of reading it as English.
 */

export interface LanguageInfo {
  /** ISO 639-1 code ("de"), or "und" when the text gives too little to tell. */
  code: string;
  /** The detector's own verdict on whether enough of the text pointed one way. */
  reliable: boolean;
  /** Whether the language layer has words for it (English, or a data/lexicons/<code>/ folder). */
  supported: boolean;
}

/** Enough text to tell a language; more only costs time (the detector reads n-grams of all of it). */
const DETECT_MAX_CHARS = 4000;

const supportCache = new Map<string, boolean>();

/** English, or a language whose words lie in data/lexicons/<code>/. */
export function isSupportedLanguage(code: string): boolean {
  if (code === 'en') return true;
  if (!/^[a-z]{2,3}$/.test(code)) return false;
  let known = supportCache.get(code);
  if (known === undefined) {
    known = existsSync(join(LEXICON_DIR, code, 'speech-verbs.json'));
    supportCache.set(code, known);
  }
  return known;
}

export function detectLanguage(text: string): LanguageInfo {
  const result = eld.detect(text.slice(0, DETECT_MAX_CHARS));
  const code = result.language || 'und';
  return { code, reliable: code !== 'und' && result.isReliable(), supported: isSupportedLanguage(code) };
}

/**
 * The language whose rules read the text: the detected one when supported; English when detection
 * is unsure (short inputs: the rules read as before); null when it is a language the layer lacks.
 */
export function rulesLanguage(info: LanguageInfo): string | null {
  if (info.supported) return info.code;
  return info.reliable ? null : 'en';
}

/** The plain warning for a source whose language the layer does not read. */
export function unsupportedNote(info: LanguageInfo): string | null {
  if (rulesLanguage(info) !== null) return null;
  return `language '${info.code}' is not supported by the language layer: only patterns of no language read it (a name and a colon before a quote), so most quotes and speakers, and dates and numbers written in words, are missed`;
}
