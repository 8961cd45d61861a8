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
