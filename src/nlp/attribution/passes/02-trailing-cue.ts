import type { QuotePass } from '../sieve.js';
import { withPhrase } from '../sieve.js';

/**
 * The cue right after the closing mark, or between an interrupted quote's parts: `"...," she said`,
 * `"..." said Okafor`, `"..." Berg told reporters`, `"..." ― Sonya Herridge`.
 */
export const trailingCue: QuotePass = {
  name: 'trailing-cue',
  decide(r, qi) {
    if (r.ctx.work[qi]?.parent !== null) return null;
    const d = withPhrase(r.trailingOf(qi));
    return d && d.cue?.phrase !== 'according' ? d : null;
  },
};
