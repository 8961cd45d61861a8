import { bodyOf, metadataPublished, type Article } from '../model/article.js';
import { MONTHS, STOPWORDS } from './stopwords.js';

/**
 * What the clusterer reads from one article: counts of content words, of names, and of calendar
 * dates and years. ECB+ and real feeds alike hold pairs of similar events (two earthquakes, two
 * rehab stays) told with the same vocabulary: the names (who, where) and the dates (when) are what
 * tell them apart, so they form their own feature groups that the vectoriser weighs up.
 */
export interface ArticleFeatures {
  /** Content words (lower-cased, light plural stripping), with counts. */
  words: Map<string, number>;
  /** Capitalised names: single name words and whole multi-word names, lower-cased, with counts. */
  names: Map<string, number>;
  /** Years ("2008") and month-day dates ("6-13"), with counts. */
  dates: Map<string, number>;
  /** Numbers other than years ("23", "7.3", "160"): tolls, scores and sums differ between similar events. */
  numbers: Map<string, number>;
  /** Adjacent content-word pairs ("obama administration"): who did what, which single words miss. */
  pairs: Map<string, number>;
  /** Publication time in ms since the epoch, when known. */
  time: number | null;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*/gu;
/** Tokens shorter than this carry too little meaning to be content words (initials, "us", "tv"). */
const MIN_WORD_LENGTH = 3;
const YEAR = /^(1[89]\d\d|20\d\d)$/;

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** "officials" -> "official", "crisis" stays: a light plural fold that costs nothing and merges forms. */
function fold(word: string): string {
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) {
    return word.endsWith('ies') ? word.slice(0, -3) + 'y' : word.slice(0, -1);
  }
  return word;
}

function cleanToken(raw: string): string {
  return raw.replace(/[.'’-]+$/u, '').replace(/['’]s$/u, '');
}

const isCapitalised = (t: string): boolean => /^\p{Lu}/u.test(t);

/** Text to cluster on: the title (when not already the text's first line) and the body. */
export function clusterText(article: Pick<Article, 'title' | 'text' | 'boilerplate'>): string {
  const body = bodyOf(article);
  const title = article.title?.trim() ?? '';
  return title && !body.slice(0, title.length + 200).includes(title) ? `${title}\n${body}` : body;
}

export function extractFeatures(article: Pick<Article, 'title' | 'text' | 'boilerplate' | 'published' | 'statedDate'>): ArticleFeatures {
  const text = clusterText(article);
  const words = new Map<string, number>();
  const names = new Map<string, number>();
  const dates = new Map<string, number>();
  const numbers = new Map<string, number>();
  const pairs = new Map<string, number>();
  let prevWord = '';
  let name: string[] = [];
  const endName = (): void => {
    if (name.length > 1) bump(names, name.join(' '));
    name = [];
  };
  let sentenceStart = true;
  let prevLower = '';
  for (const m of text.matchAll(TOKEN)) {
    const raw = cleanToken(m[0]);
    const before = text.slice(Math.max(0, (m.index ?? 0) - 3), m.index ?? 0);
    // A token after a sentence end or line break starts a sentence: its capital says nothing.
    const startsSentence = sentenceStart || /[.!?:"“\n]\s*$/.test(before) || before.includes('\n');
    sentenceStart = false;
    if (!raw) continue;
    const lower = raw.toLowerCase();
    const month = MONTHS.get(prevLower);
    const dayOfMonth = month !== undefined && /^\d{1,2}$/.test(raw) && Number(raw) <= 31;
    if (YEAR.test(raw)) bump(dates, raw);
    else if (dayOfMonth) bump(dates, `${month}-${Number(raw)}`);
    else if (/^\p{N}[\p{N}.,]*$/u.test(raw) && raw.length > 1) bump(numbers, raw.replace(/,/g, ''));
    prevLower = lower;
    const stop = STOPWORDS.has(lower);
    // Month names are capitalised but are dates, not names.
    if (isCapitalised(raw) && !stop && !MONTHS.has(lower)) {
      name.push(lower);
      bump(names, lower, startsSentence ? 0.5 : 1);
    } else {
      endName();
    }
    if (stop || raw.length < MIN_WORD_LENGTH || /^\p{N}/u.test(raw)) {
      if (startsSentence || stop) prevWord = '';
      continue;
    }
    const w = fold(lower);
    bump(words, w);
    if (prevWord && !startsSentence) bump(pairs, `${prevWord} ${w}`);
    prevWord = w;
  }
  endName();
  const published = metadataPublished(article);
  const t = published ? Date.parse(published) : NaN;
  return { words, names, dates, numbers, pairs, time: Number.isNaN(t) ? null : t };
}
