import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeArticle } from '../model/article.js';
import { analyzeArticle } from '../nlp/analyze.js';
import type { Quote } from '../nlp/types.js';
import { REPO_ROOT } from './paths.js';

/**
 * The texts we wrote for the language tests (test/fixtures/languages/): short news-like texts per
 * language for detection, and per supported language a few articles with the direct quotes and
 * speakers a reader finds in them. Shared by src/nlp/languages.test.ts and scripts/eval/languages.ts.
 */

const DIR = join(REPO_ROOT, 'test', 'fixtures', 'languages');

export interface GoldQuote {
  quote: string;
  speaker: string | null;
}
export interface GoldArticle {
  text: string;
  quotes: GoldQuote[];
}

/** Ten short texts per language code, for detection. */
export function detectionTexts(): Map<string, string[]> {
  const raw = JSON.parse(readFileSync(join(DIR, 'detection.json'), 'utf8')) as Record<string, string[] | string>;
  return new Map(Object.entries(raw).filter((e): e is [string, string[]] => Array.isArray(e[1])));
}

export function quoteTexts(lang: string): GoldArticle[] {
  return (JSON.parse(readFileSync(join(DIR, `${lang}-quotes.json`), 'utf8')) as { articles: GoldArticle[] }).articles;
}

export interface QuoteScore {
  gold: number;
  found: number;
  matched: number;
  /** Found quotes with a speaker, gold quotes with one, and matched quotes whose speaker is right. */
  withSpeaker: number;
  goldSpeakers: number;
  rightSpeakers: number;
}

/** A found quote is the gold one when the words agree once marks, spaces and final punctuation are set aside. */
const norm = (s: string): string => s.replace(/[\s\p{P}]+/gu, ' ').trim().toLowerCase();
/** The speaker is right when the found name holds the gold name's last word ("Lang" for "Petra Lang"). */
function sameSpeaker(found: string | null, gold: string | null): boolean {
  if (!found || !gold) return false;
  const last = gold.split(' ').pop() ?? gold;
  return found.split(/\s+/).includes(last);
}

export function scoreArticle(article: GoldArticle, published = '2026-03-12'): QuoteScore {
  const a = analyzeArticle(makeArticle({ origin: 'fixture', kind: 'text', text: article.text, meta: { published } }));
  // Each part of a quote counts as one: "A." Er fügte hinzu: "B." is read as one utterance in two parts.
  const found = a.quotes
    .filter((q: Quote) => q.direct && q.nestedIn === null)
    .flatMap((q) => q.parts.map((p) => ({ text: article.text.slice(p.start, p.end), speaker: q.speaker })));
  const score: QuoteScore = { gold: article.quotes.length, found: found.length, matched: 0, withSpeaker: found.filter((q) => q.speaker).length, goldSpeakers: article.quotes.filter((g) => g.speaker).length, rightSpeakers: 0 };
  for (const g of article.quotes) {
    const q = found.find((f) => norm(f.text) === norm(g.quote));
    if (!q) continue;
    score.matched++;
    if (sameSpeaker(q.speaker, g.speaker)) score.rightSpeakers++;
  }
  return score;
}

export function sumScores(scores: QuoteScore[]): QuoteScore {
  const out: QuoteScore = { gold: 0, found: 0, matched: 0, withSpeaker: 0, goldSpeakers: 0, rightSpeakers: 0 };
  for (const s of scores) for (const k of Object.keys(out) as (keyof QuoteScore)[]) out[k] += s[k];
  return out;
}

export const f1 = (tp: number, predicted: number, gold: number): number => (tp === 0 ? 0 : (2 * tp) / (predicted + gold));
