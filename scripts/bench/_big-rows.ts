// Generated store rows for the big-store bench (big-store.ts): what ingest would write for an article
// (a 120-term vector, its feature keys, a MinHash signature, the Article as JSON, its story), made
// directly instead of through analysis, so a million rows take minutes, not hours. Stories of about
// five articles each over a few days; each story has its own names, place, numbers and date terms,
// its kind's words, and common words; about `perDay` articles a day, ending where the generated
// corpus (generate-corpus.ts) starts, so articles ingested afterwards come later.
import { storyIdFor } from '../../src/cluster/index.js';
import { makeArticle } from '../../src/model/article.js';
import { contentId, urlKey } from '../../src/store/identity.js';
import { prng } from '../../src/testing/prng.js';

export interface BigRow {
  seq: number;
  id: string;
  urlKey: string;
  story: string;
  /** Whether this row started its story. */
  first: boolean;
  title: string;
  published: string;
  outlet: string;
  article: string;
  vector: string;
  terms: string;
  minhash: string;
}

const DAY_MS = 86_400_000;
const END = Date.parse('2024-01-01T00:00:00Z');
/** Articles per block; the stories of a block share its articles, so a story spans a block's days. */
const BLOCK = 500;
const PER_STORY = 5;
const COMMON_WORDS = 20_000;
const KINDS = 10;
const OUTLETS = 12;

const SYL = ['ka', 'lo', 'mer', 'an', 'tis', 'vel', 'do', 'ra', 'sun', 'bri', 'es', 'ton', 'mar', 'qui', 'len', 'ha', 'zor', 'pe', 'li', 'gan'];
/** A pronounceable word for a number (distinct numbers give distinct words). */
function word(n: number): string {
  let s = '';
  let x = n + SYL.length;
  while (x > 0) {
    s += SYL[x % SYL.length]!;
    x = Math.floor(x / SYL.length);
  }
  return s;
}

/** One article's feature weights: strong story terms, its kind's words, then common words. */
function features(story: number, kind: number, r: () => number): [string, number][] {
  const raw = new Map<string, number>();
  for (let j = 0; j < 6; j++) raw.set(`n:${word(story * 7 + j)} ${word(story * 3 + j)}`, 2 + r() * 3);
  raw.set(`w:${word(story * 11 + 1)}`, 2 + r() * 2);
  raw.set(`#:${story % 997}`, 1.5 + r());
  raw.set(`d:${story % 365}`, 1.5 + r());
  for (let j = 0; j < 5; j++) raw.set(`w:${word(COMMON_WORDS + kind * 10 + j)}`, 1 + r());
  while (raw.size < 120) raw.set(r() < 0.3 ? `p:${word(Math.floor(r() * COMMON_WORDS))} ${word(Math.floor(r() * 200))}` : `w:${word(Math.floor(r() * COMMON_WORDS))}`, r());
  const sorted = [...raw].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const norm = Math.sqrt(sorted.reduce((s, [, v]) => s + v * v, 0));
  return sorted.map(([k, v]) => [k, v / norm]);
}

/** `n` rows in seq order (seq 1..n), deterministic for a seed. */
export function* bigRows(n: number, perDay: number, seed = 1): Generator<BigRow> {
  const r = prng(seed);
  const days = n / perDay;
  const started = new Set<number>();
  for (let i = 0; i < n; i++) {
    const block = Math.floor(i / BLOCK);
    const story = block * (BLOCK / PER_STORY) + Math.floor(r() * (BLOCK / PER_STORY));
    const kind = story % KINDS;
    const t = END - (days - i / perDay) * DAY_MS + Math.floor(r() * DAY_MS);
    const vector = features(story, kind, r);
    const words = vector.map(([k]) => k.slice(2));
    const text = `${words.slice(0, 90).join(' ')}.`;
    const url = `https://bench.example/${i}`;
    const outlet = `Outlet ${i % OUTLETS}`;
    const title = `${words.slice(0, 6).join(' ')}`;
    const article = makeArticle({ origin: url, kind: 'text', text, meta: { url, outlet, title, published: new Date(t).toISOString() } });
    const id = contentId(article);
    const first = !started.has(story);
    started.add(story);
    const minhash = Array.from({ length: 64 }, () => Math.floor(r() * 4_294_967_296));
    yield {
      seq: i + 1,
      id,
      urlKey: urlKey(article),
      story: storyIdFor(`bench-story-${story}`),
      first,
      title,
      published: new Date(t).toISOString(),
      outlet,
      article: JSON.stringify(article),
      vector: JSON.stringify(vector),
      terms: [...vector.map(([k]) => k), `w:${word(Math.floor(r() * COMMON_WORDS))}`].join('\n'),
      minhash: JSON.stringify(minhash),
    };
  }
}

/** A field in COPY's text format: backslash, tab and line breaks escaped; null as \N. */
export function copyField(v: string | number | boolean | null): string {
  if (v === null) return '\\N';
  return String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export const copyLine = (fields: (string | number | boolean | null)[]): string => fields.map(copyField).join('\t') + '\n';
