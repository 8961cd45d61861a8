import { OUTER_START, type Working } from '../working.js';
import { SCARE_MAX_WORDS, wordCount } from '../quote-shape.js';

/** Is `w` a quote of scare-quote size in paragraph `paragraph`? */
function isShortInParagraph(text: string, w: Working | undefined, paragraph: number): boolean {
  return w !== undefined && w.paragraph === paragraph && wordCount(text, w) <= SCARE_MAX_WORDS;
}
import type { QuotePass } from '../sieve.js';

/**
 * No cue: a quote continues the previous quote's speaker (of its level) when it is in the same
 * paragraph, or fills a paragraph right after the previous quote's. Stage two keeps it only when that
 * quote got a speaker. A quote after a paragraph ending with a colon belongs to that introduction
 * (colon-paragraph), not to the quote before it.
 */
export const paragraphContinuation: QuotePass = {
  name: 'paragraph-continuation',
  decide(r, qi) {
    const c = r.ctx;
    const q = c.work[qi] as Working;
    const level = (from: number): number => {
      let i = from;
      while (i >= 0 && c.work[i]?.parent !== q.parent) i--;
      return i;
    };
    let prevIdx = level(qi - 1);
    // A quoted title or term of the same paragraph ("on Fox's "Morning Show."") speaks for no one: the quote before it does.
    for (let k = prevIdx; k >= 0 && isShortInParagraph(c.text, c.work[k], q.paragraph); ) {
      const earlier = level(k - 1);
      if (earlier < 0 || c.work[earlier]?.paragraph !== q.paragraph) break;
      prevIdx = k = earlier;
    }
    const pq = c.work[prevIdx];
    const prevPara = c.paragraphs[q.paragraph - 1];
    if (!pq || (q.parent === null && prevPara && /:\s*$/.test(c.text.slice(prevPara.start, prevPara.end)))) return null;
    const samePara = pq.paragraph === q.paragraph;
    const adjacentPara = pq.paragraph + pq.parts.length >= q.paragraph - 1 || q.paragraph - pq.paragraph <= 1;
    const fillsPara = OUTER_START(q) <= (c.paragraphs[q.paragraph]?.start ?? 0) + 1;
    return samePara || (adjacentPara && fillsPara) ? { inherit: prevIdx } : null;
  },
};
