import { postingLists } from '../text/postings.js';

/**
 * Candidate index for the profiles' neutral-sentence search: the sentences whose word sets can reach
 * a Dice similarity of `min` with a host sentence, instead of every sentence of the story for every
 * loaded word. Dice 2c / (|x| + |y|) >= min with c <= |y| needs c >= min·|x| / (2 - min) words in
 * common, so a match holds at least one of any |x| - that + 1 words of the host: the index reads
 * that many of the host's rarest words. Exact: no sentence that can reach `min` is left out.
 */

/** Slack on the words-in-common bound, so rounding never makes it stricter than the arithmetic. */
const COMMON_SLACK = 1e-9;

/** For a host word set, the ascending positions of the sentences that can reach `min` with it. */
export function sentenceCandidates(sentences: readonly { words: ReadonlySet<string> }[], min: number): (host: ReadonlySet<string>) => number[] {
  const postings = postingLists(sentences, (s) => s.words);
  const postingOf = (w: string): number[] => postings.get(w) ?? [];
  return (host) => {
    const needed = Math.max(1, Math.ceil((min * host.size) / (2 - min) - COMMON_SLACK));
    const rarest = [...host].sort((a, b) => postingOf(a).length - postingOf(b).length).slice(0, Math.max(0, host.size - needed + 1));
    return [...new Set(rarest.flatMap(postingOf))].sort((a, b) => a - b);
  };
}
