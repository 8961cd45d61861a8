import type { QuotePass } from '../sieve.js';
import { withPhrase } from '../sieve.js';

/** "According to X" right after the quote (`"...," according to X`) or before it (`According to X, "..."`). */
export const accordingTo: QuotePass = {
  name: 'according-to',
  decide(r, qi) {
    if (r.ctx.work[qi]?.parent !== null) return null;
    const t = withPhrase(r.trailingOf(qi));
    if (t) return t.cue?.phrase === 'according' ? t : null;
    const p = withPhrase(r.precedingOf(qi));
    return p?.cue?.phrase === 'according' ? p : null;
  },
};
