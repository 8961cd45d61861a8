import { isProse, type Article } from '../model/article.js';
import { linesOf } from './boilerplate.js';
import { readLexicon } from './lexicon.js';

// Content terms of an article's prose paragraphs, for the story-level boilerplate passes (an
// off-topic tail, a spliced headline): they compare one source's paragraphs with the rest of it and
// with the story's other sources.

/** Words shorter than this are mostly function words and abbreviations: they say nothing of a topic. */
const MIN_TERM_LETTERS = 4;
/** A term is its word's first letters, so "injured" and "injuries" count as one (a crude stem). */
const STEM_LETTERS = 5;

let functionWords: Set<string> | undefined;
function stopWords(): Set<string> {
  functionWords ??= new Set(readLexicon<{ words: string[] }>('function-words.json').words);
  return functionWords;
}

const WORD = /\p{L}+/gu;

/** The distinct content terms of a piece of text. */
export function termsOf(text: string): Set<string> {
  const out = new Set<string>();
  const stop = stopWords();
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    if (w.length >= MIN_TERM_LETTERS && !stop.has(w)) out.add(w.slice(0, STEM_LETTERS));
  }
  return out;
}

export interface Paragraph {
  start: number;
  end: number;
  terms: Set<string>;
}

/** The prose lines of an article (lines touching a boilerplate mark are left out), with their terms. */
export function proseParagraphs(article: Pick<Article, 'text' | 'boilerplate'>): Paragraph[] {
  return linesOf(article.text)
    .filter((l) => isProse(article, l))
    .map((l) => ({ start: l.start, end: l.end, terms: termsOf(l.value) }));
}

/** The union of the paragraphs' terms. */
export function unionOf(paragraphs: readonly Paragraph[]): Set<string> {
  const out = new Set<string>();
  for (const p of paragraphs) for (const t of p.terms) out.add(t);
  return out;
}

/** The lower-cased words of a text (whole words, for the splice pass's vocabulary). */
export function wordsOf(text: string, into = new Set<string>()): Set<string> {
  for (const m of text.matchAll(WORD)) into.add(m[0].toLowerCase());
  return into;
}
