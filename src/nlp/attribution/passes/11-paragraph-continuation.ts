import { OUTER_START, type Working } from '../working.js';
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
    let prevIdx = qi - 1;
    while (prevIdx >= 0 && c.work[prevIdx]?.parent !== q.parent) prevIdx--;
    const pq = c.work[prevIdx];
    const prevPara = c.paragraphs[q.paragraph - 1];
    if (!pq || (q.parent === null && prevPara && /:\s*$/.test(c.text.slice(prevPara.start, prevPara.end)))) return null;
    const samePara = pq.paragraph === q.paragraph;
    const adjacentPara = pq.paragraph + pq.parts.length >= q.paragraph - 1 || q.paragraph - pq.paragraph <= 1;
    const fillsPara = OUTER_START(q) <= (c.paragraphs[q.paragraph]?.start ?? 0) + 1;
    return samePara || (adjacentPara && fillsPara) ? { inherit: prevIdx } : null;
  },
};
