import type { Span } from '../../model/span.js';
import { lexicons } from '../lexicon.js';
import { stem } from '../text/stem.js';

/** Stemmed content words of a sentence (no function words, no figures), to tell whether two sentences are about one thing. */
export function sentenceWords(text: string, sentence: Span): Set<string> {
  const { stopwords } = lexicons();
  const out = new Set<string>();
  for (const m of text.slice(sentence.start, sentence.end).toLowerCase().matchAll(/\p{L}[\p{L}'’]*/gu)) {
    const w = m[0].replace(/['’]s?$/, '');
    if (w.length > 2 && !stopwords.has(w)) out.add(stem(w));
  }
  return out;
}

/**
 * Capitalised words inside a sentence (not its first word): the people and places it is about.
 * Two sentences that each name someone, and no one in common, are about different subjects ("the
 * Clintons released eight years of returns", "Bush released 33 years").
 */
export function sentenceNames(text: string, sentence: Span): Set<string> {
  const { stopwords } = lexicons();
  const out = new Set<string>();
  const body = text.slice(sentence.start, sentence.end);
  for (const m of body.matchAll(/(?<=[\s(“"‘'-])\p{Lu}[\p{L}'’]+/gu)) {
    const w = m[0].replace(/['’]s?$/, '').toLowerCase();
    if (!stopwords.has(w) && !MONTHS_AND_DAYS.test(w)) out.add(stem(w));
  }
  return out;
}

const MONTHS_AND_DAYS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/;
