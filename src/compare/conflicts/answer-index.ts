import type { Span } from '../../model/span.js';
import type { SourceDoc } from '../source-doc.js';
import { postingLists } from '../text/postings.js';

/**
 * Where unknown-vs-stated looks for an answer: each sentence's words and whether it leaves something
 * open itself, read once per story instead of once per question, and an index from a word to the
 * sentences that hold it. An answer to a question of plain words holds every one of them, so only
 * the sentences holding its rarest word are read (a question of two alternatives reads them all).
 */

export interface AnswerSentence {
  span: Span;
  body: string;
  /** A question, or a hedge ("if", "may", "perhaps"): it states no answer. */
  open: boolean;
  /** Its words, lower case, in order. */
  words: string[];
}

export const contentWords = (text: string): string[] => [...text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);

export function answerSentence(doc: SourceDoc, sentence: Span): AnswerSentence {
  const body = doc.text.slice(sentence.start, sentence.end);
  const open = /\?\s*["”’']?\s*$/.test(body) || /\b(?:if|whether|may|might|perhaps|possibly|probably)\b/i.test(body);
  return { span: sentence, body, open, words: contentWords(body) };
}

/** Whether the words hold `wanted` in order (not necessarily together). */
export function holdsInOrder(words: readonly string[], wanted: readonly string[]): boolean {
  let at = 0;
  for (const w of wanted) {
    const i = words.indexOf(w, at);
    if (i < 0) return false;
    at = i + 1;
  }
  return true;
}

export interface DocAnswers {
  sentences: AnswerSentence[];
  /** For a question's words, the ascending positions of the sentences that can hold them all. */
  candidates: (wanted: readonly string[]) => number[];
}

export function docAnswers(doc: SourceDoc): DocAnswers {
  const sentences = doc.sentences.map((s) => answerSentence(doc, s));
  const postings = postingLists(sentences, (s) => s.words);
  const all = sentences.map((_, p) => p);
  const candidates = (wanted: readonly string[]): number[] => {
    if (!wanted.length) return all;
    let best: number[] | null = null;
    for (const w of wanted) {
      const list = postings.get(w) ?? [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? all;
  };
  return { sentences, candidates };
}
