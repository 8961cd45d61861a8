import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stem } from './text/stem.js';
import { lexicons as languageLexicons, type Lexicons as LanguageLexicons } from '../nlp/lexicons.js';

/**
 * The word lists of the cross-source stages. Knowledge the language layer already keeps (speech
 * verbs, titles, news outlets, demonyms) comes from its lexicons (src/nlp/lexicons.ts, one file per
 * kind in data/lexicons/), reshaped here for these stages; only the lists no other stage needs are
 * read from data/lexicons/compare (see its README). The folder is found by walking up from this
 * module, so the same code works from src/ and dist/src/.
 */
function lexiconDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', 'lexicons', 'compare');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('data/lexicons/compare not found');
}

const cache = new Map<string, string[]>();

/** Non-empty, non-comment lines of one lexicon file. */
export function lexiconLines(file: string): string[] {
  let lines = cache.get(file);
  if (!lines) {
    lines = readFileSync(join(lexiconDir(), file), 'utf8')
      .split('\n')
      .map((l) => l.replace(/\s+$/, ''))
      .filter((l) => l.trim() !== '' && !l.startsWith('#'));
    cache.set(file, lines);
  }
  return lines;
}

export function lexiconSet(file: string): Set<string> {
  return new Set(lexiconLines(file).map((l) => l.trim().toLowerCase()));
}

/** Tab-separated pairs: first column -> second column. */
export function lexiconMap(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of lexiconLines(file)) {
    const [k, v] = line.split('\t');
    if (k !== undefined && v !== undefined) out.set(k.trim().toLowerCase(), v.trim());
  }
  return out;
}

let lazy: Lexicons | null = null;

export interface Lexicons {
  stopwords: Set<string>;
  contractions: Map<string, string>;
  /** word -> the word standing for its synonym set. */
  synonym: Map<string, string>;
  intensifiers: Set<string>;
  /**
   * alias (as written) -> canonical outlet name. `exactCase` when another outlet's alias differs
   * only in case, so that case alone tells the two apart.
   */
  outlets: { alias: string; canonical: string; exactCase: boolean }[];
  titles: string[];
  demonyms: Map<string, string>;
  artifacts: Set<string>;
  releaseVerbs: Set<string>;
  occurrenceWords: Set<string>;
  responseVerbs: Set<string>;
  noResponse: string[];
  speechVerbs: Set<string>;
  /** Capitalised last words of news organisations' names (case kept). */
  newsNouns: string[];
}

export function lexicons(): Lexicons {
  if (lazy) return lazy;
  const synonym = new Map<string, string>();
  for (const line of lexiconLines('synonyms.txt')) {
    const words = line.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
    const head = words[0];
    if (head === undefined) continue;
    for (const w of words) if (!synonym.has(w)) synonym.set(w, head);
    // Stems too, so an inflection not listed ("fundraisers") finds its set.
    for (const w of words) if (!synonym.has(stem(w))) synonym.set(stem(w), head);
  }
  const lang = languageLexicons();
  lazy = {
    stopwords: lexiconSet('stopwords.txt').size ? new Set(lexiconLines('stopwords.txt').flatMap((l) => l.toLowerCase().split(/\s+/))) : new Set(),
    contractions: lexiconMap('contractions.tsv'),
    synonym,
    intensifiers: lexiconSet('intensifiers.txt'),
    outlets: outletAliases(lang),
    titles: [...new Set(lang.titlesBefore.map((t) => t.toLowerCase()))].sort((a, b) => b.length - a.length),
    demonyms: countryDemonyms(lang),
    artifacts: lexiconSet('artifacts.txt'),
    releaseVerbs: lexiconSet('release-verbs.txt'),
    occurrenceWords: lexiconSet('occurrence-verbs.txt'),
    responseVerbs: lexiconSet('response-verbs.txt'),
    noResponse: [...lexiconSet('no-response.txt')],
    speechVerbs: lang.commonSpeechVerbs,
    newsNouns: lexiconLines('news-nouns.txt').map((l) => l.trim()),
  };
  return lazy;
}

/** News outlets only (not institutions), longest alias first so "The Washington Post" wins over "The Post". */
function outletAliases(lang: LanguageLexicons): { alias: string; canonical: string; exactCase: boolean }[] {
  const aliases = [...lang.orgAliases].filter(([, canonical]) => lang.outlets.has(canonical));
  const lowerCount = new Map<string, number>();
  for (const [alias] of aliases) lowerCount.set(alias.toLowerCase(), (lowerCount.get(alias.toLowerCase()) ?? 0) + 1);
  const out = aliases.map(([alias, canonical]) => ({ alias, canonical, exactCase: (lowerCount.get(alias.toLowerCase()) ?? 0) > 1 }));
  return out.sort((a, b) => b.alias.length - a.alias.length || a.alias.localeCompare(b.alias));
}

/** Lower-case demonym -> country; demonyms naming no state (Western, Republican) are left out. */
function countryDemonyms(lang: LanguageLexicons): Map<string, string> {
  const out = new Map<string, string>();
  for (const [demonym, country] of lang.demonyms) if (country !== null) out.set(demonym.toLowerCase(), country);
  return out;
}
