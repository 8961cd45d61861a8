/**
 * Candidate index for restated-date's one-statement test (sameStatement), so a big story does not
 * compare every dated sentence with every other of its shape. Two sentences are one statement only
 * when each one's words outside the dates are the other's but for at most `maxOther` small words,
 * never a name or a figure. So the other sentence must hold:
 *   - every word of this one printed with a capital or as a numeral (a missing one is a name or a
 *     figure that differs), and
 *   - at least one of any maxOther + 1 distinct words of this one (missing them all would leave more
 *     than maxOther words unmatched).
 * Either condition alone names a superset of the sentences that can match; the index takes the one
 * with the fewest sentences, read from the rarest words. Exact: no match is ever left out.
 */

/** What the index reads of a frame word (restated-date's Word). */
export interface FrameWord {
  norm: string;
  capital: boolean;
  numeric: boolean;
}

/**
 * For frames[i], the ascending positions of every frame that can be one statement with it (it may
 * include i itself and frames that do not match: the caller still runs its test on each).
 */
export function statementCandidates(frames: readonly (readonly FrameWord[])[], maxOther: number): (i: number) => number[] {
  const postings = new Map<string, number[]>();
  frames.forEach((frame, p) => {
    for (const norm of new Set(frame.map((w) => w.norm))) {
      const list = postings.get(norm);
      if (list) list.push(p);
      else postings.set(norm, [p]);
    }
  });
  const all = frames.map((_, p) => p);
  const postingOf = (norm: string): number[] => postings.get(norm) ?? [];
  return (i) => {
    const frame = frames[i] ?? [];
    const bySize = (a: string, b: string): number => postingOf(a).length - postingOf(b).length;
    const required = [...new Set(frame.filter((w) => w.capital || w.numeric).map((w) => w.norm))].sort(bySize);
    const rarest = [...new Set(frame.map((w) => w.norm))].sort(bySize).slice(0, maxOther + 1);
    const oneOf = rarest.length > maxOther ? rarest.reduce((n, norm) => n + postingOf(norm).length, 0) : Infinity;
    const mustHave = required.length ? postingOf(required[0] as string).length : Infinity;
    if (mustHave === Infinity && oneOf === Infinity) return all;
    if (mustHave <= oneOf) return postingOf(required[0] as string);
    return [...new Set(rarest.flatMap(postingOf))].sort((a, b) => a - b);
  };
}
