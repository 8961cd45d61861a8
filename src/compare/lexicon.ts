import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The word lists of the cross-source stages, read once from data/lexicons/compare (see its README).
 * The folder is found by walking up from this module, so the same code works from src/ and dist/src/.
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

/** Same suffix stripping as text/tokens.ts `stem` (kept here to avoid an import cycle). */
function stemOf(w: string): string {
  if (w.length <= 4 || /^\d/.test(w)) return w;
  for (const suffix of ['ings', 'ing', 'ers', 'ies', 'ed', 'er', 'es', 's']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3 && !(suffix === 's' && w.endsWith('ss'))) {
      return suffix === 'ies' ? w.slice(0, -3) + 'y' : w.slice(0, -suffix.length);
    }
  }
  return w;
}

export interface Lexicons {
  stopwords: Set<string>;
  contractions: Map<string, string>;
  /** word -> the word standing for its synonym set. */
  synonym: Map<string, string>;
  intensifiers: Set<string>;
  /** alias (as written, case-sensitive for short all-caps names) -> canonical outlet name. */
  outlets: { alias: string; canonical: string }[];
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
    for (const w of words) if (!synonym.has(stemOf(w))) synonym.set(stemOf(w), head);
  }
  const outlets: { alias: string; canonical: string }[] = [];
  for (const line of lexiconLines('outlets.txt')) {
    const [canonical, aliases] = line.split('\t');
    if (!canonical) continue;
    const names = new Set([canonical, ...(aliases ?? '').split(',').map((a) => a.trim())].filter(Boolean));
    for (const alias of names) outlets.push({ alias, canonical });
  }
  // Longest alias first so "The Washington Post" wins over "The Post".
  outlets.sort((a, b) => b.alias.length - a.alias.length || a.alias.localeCompare(b.alias));
  lazy = {
    stopwords: lexiconSet('stopwords.txt').size ? new Set(lexiconLines('stopwords.txt').flatMap((l) => l.toLowerCase().split(/\s+/))) : new Set(),
    contractions: lexiconMap('contractions.tsv'),
    synonym,
    intensifiers: lexiconSet('intensifiers.txt'),
    outlets,
    titles: [...lexiconSet('titles.txt')].sort((a, b) => b.length - a.length),
    demonyms: lexiconMap('demonyms.tsv'),
    artifacts: lexiconSet('artifacts.txt'),
    releaseVerbs: lexiconSet('release-verbs.txt'),
    occurrenceWords: lexiconSet('occurrence-verbs.txt'),
    responseVerbs: lexiconSet('response-verbs.txt'),
    noResponse: [...lexiconSet('no-response.txt')],
    speechVerbs: lexiconSet('speech-verbs.txt'),
    newsNouns: lexiconLines('news-nouns.txt').map((l) => l.trim()),
  };
  return lazy;
}
