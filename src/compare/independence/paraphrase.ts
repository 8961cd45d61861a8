import type { Span } from '../../model/span.js';
import { heaviestChain } from './chain.js';
import type { SourceText } from './text.js';
import { contentWords, tokenRange } from './text.js';

// Paraphrase evidence for text reuse (reuse.ts, step 4): sentences of two sources in the same order
// with most content words in common.

/** A sentence pair counts as paraphrased when this share of content words (Dice) is common. */
export const PARAPHRASE_SENTENCE_SIMILARITY = 0.5;
/** Content words a sentence needs to take part in paraphrase alignment (short lines match by chance). */
export const PARAPHRASE_MIN_CONTENT_WORDS = 5;

export interface SentenceInfo {
  span: Span;
  words: Set<string>;
  tokens: number;
}

/** A source's paraphrase sentences and, for each content word, the ascending sentences holding it. */
export interface SentenceIndex {
  sentences: SentenceInfo[];
  where: Map<string, number[]>;
}

export function sentenceIndex(sentences: SentenceInfo[]): SentenceIndex {
  const where = new Map<string, number[]>();
  sentences.forEach((by, y) => {
    for (const w of by.words) {
      let l = where.get(w);
      if (!l) where.set(w, (l = []));
      l.push(y);
    }
  });
  return { sentences, where };
}

export function sentenceInfos(src: SourceText, stop: Set<string>): SentenceInfo[] {
  const out: SentenceInfo[] = [];
  for (const s of src.sentences) {
    const [t0, t1] = tokenRange(src.tokens, s);
    const toks = src.tokens.slice(t0, t1);
    // quoted words are the speaker's: two outlets quoting one speaker do not paraphrase each other
    const words = new Set(contentWords(toks.filter((t) => !t.quoted), stop));
    if (words.size < PARAPHRASE_MIN_CONTENT_WORDS) continue;
    out.push({ span: s, words, tokens: toks.length });
  }
  return out;
}


/** Monotone alignment of similar sentences (longest chain by covered words): the paraphrase evidence. */
export function alignSentences(sa: SentenceInfo[], b: SentenceIndex): [SentenceInfo, SentenceInfo][] {
  // count common content words through an index of b's words (built once per source), instead of
  // comparing every pair of sets; only the sentences of b met are looked at, in ascending order
  const sb = b.sentences;
  const cx: number[] = [];
  const cy: number[] = [];
  const common = new Uint16Array(sb.length);
  for (let x = 0; x < sa.length; x++) {
    const ax = sa[x];
    if (!ax) continue;
    const met: number[] = [];
    for (const w of ax.words)
      for (const y of b.where.get(w) ?? []) {
        if (common[y] === 0) met.push(y);
        common[y] = (common[y] ?? 0) + 1;
      }
    for (const y of Int32Array.from(met).sort()) {
      const c = common[y] ?? 0;
      common[y] = 0;
      if ((2 * c) / (ax.words.size + (sb[y]?.words.size ?? 0)) >= PARAPHRASE_SENTENCE_SIMILARITY) {
        cx.push(x);
        cy.push(y);
      }
    }
  }
  // heaviest chain increasing in both sentence orders (candidates are sorted by x, then y)
  const weight = (k: number): number => (sa[cx[k] ?? -1]?.tokens ?? 0) + (sb[cy[k] ?? -1]?.tokens ?? 0);
  const chain: [SentenceInfo, SentenceInfo][] = [];
  for (const k of heaviestChain(cx, cy, sb.length, weight)) {
    const x = sa[cx[k] ?? -1];
    const y = sb[cy[k] ?? -1];
    if (x && y) chain.push([x, y]);
  }
  return chain;
}

