import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { francAll } from 'franc-min';
import { LEXICON_DIR } from './lexicons.js';

/**
 * Which language an article is written in, read by franc-min (trigram profiles of 82 languages that
 * ship inside the package: nothing downloads). eld was as accurate on our texts but takes 200 ms of
 * CPU to load its model, on every run, and does not load in a worker thread under tsx. The language layer's words (speech verbs, titles,
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

/** Enough text to tell a language; more only costs time (the detector reads trigrams of all of it). */
const DETECT_MAX_CHARS = 2048;
/** Below this franc does not guess ("und"). */
const DETECT_MIN_CHARS = 20;
/**
 * How far ahead of the runner-up (franc's scores: 1 for the best, lower for the others) the best
 * language must be for the verdict to count as reliable: short texts of neighbouring languages score
 * close, and an unreliable verdict leaves a text to the English rules rather than to a wrong language.
 */
const RELIABLE_MARGIN = 0.04;
/** Nor is a verdict on less text than this: one sentence of English can score as Dutch. */
const RELIABLE_MIN_CHARS = 120;

interface LanguageTable {
  /** ISO 639-3 -> [ISO 639-1, English name]: the names shown in warnings. */
  names: Record<string, [string, string]>;
}
let table: LanguageTable | undefined;
const languages = (): LanguageTable => (table ??= JSON.parse(readFileSync(join(LEXICON_DIR, 'languages.json'), 'utf8')) as LanguageTable);

/** The English name of a language code ("de" -> "German"), or the code itself. */
export function languageName(code: string): string {
  return Object.values(languages().names).find(([c]) => c === code)?.[1] ?? code;
}

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

/**
 * Verdicts by sample: an article is read at ingest (src/extract/language.ts) and, when that verdict
 * was not reliable, again by the language layer (src/nlp/analyze.ts), on the same body: franc's
 * verdict depends on the sample alone, and was half of language detection's time on a 100-source
 * story (issue 15). Bounded: cleared when full (each entry keys up to DETECT_MAX_CHARS of text).
 */
const verdicts = new Map<string, LanguageInfo>();
const VERDICTS_MAX = 512;

export function detectLanguage(text: string): LanguageInfo {
  const sample = text.trim().slice(0, DETECT_MAX_CHARS);
  let info = verdicts.get(sample);
  if (!info) {
    if (verdicts.size >= VERDICTS_MAX) verdicts.clear();
    info = detectSample(sample);
    verdicts.set(sample, info);
  }
  return { ...info };
}

function detectSample(sample: string): LanguageInfo {
  const ranked = sample.length < DETECT_MIN_CHARS ? [] : francAll(sample, { minLength: DETECT_MIN_CHARS });
  const [best, second] = ranked;
  if (!best || best[0] === 'und') return { code: 'und', reliable: false, supported: false };
  const code = languages().names[best[0]]?.[0] ?? best[0];
  return { code, reliable: sample.length >= RELIABLE_MIN_CHARS && (!second || best[1] - second[1] >= RELIABLE_MARGIN), supported: isSupportedLanguage(code) };
}

/** What a code recorded at ingest (a reliable verdict, src/extract/language.ts) says. */
export function languageInfo(code: string): LanguageInfo {
  return { code, reliable: true, supported: isSupportedLanguage(code) };
}

/**
 * The language whose rules read the text: the detected one when supported; English when detection
 * is unsure (short inputs: the rules read as before); null when it is a language the layer lacks.
 */
export function rulesLanguage(info: LanguageInfo): string | null {
  if (!info.reliable) return 'en';
  return info.supported ? info.code : null;
}

/** The words of no language (data/lexicons/neutral/): what a language the layer lacks is read with. */
export const NEUTRAL_LANGUAGE = 'neutral';

/** The lexicons a source was read with: its rules language, or the neutral words when the layer lacks it. */
export function readingLanguage(info: LanguageInfo): string {
  return rulesLanguage(info) ?? NEUTRAL_LANGUAGE;
}

/** The plain warning for a source whose language the layer does not read. */
export function unsupportedNote(info: LanguageInfo): string | null {
  if (rulesLanguage(info) !== null) return null;
  return `language '${info.code}' is not supported by the language layer: only patterns of no language read it (a name and a colon before a quote), so most quotes and speakers, and dates and numbers written in words, are missed`;
}
