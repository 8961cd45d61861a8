import type { QuotePass } from '../sieve.js';
import { withPhrase } from '../sieve.js';

/**
 * A quote relayed inside another speaker's quote ("So he goes, 'I will not.'"): its cue must lie
 * inside the enclosing quote, after it or before it. Who "he" or "I" is, stage two says.
 */
export const relayedInQuote: QuotePass = {
  name: 'relayed-in-quote',
  decide(r, qi) {
    if (r.ctx.work[qi]?.parent === null) return null;
    return withPhrase(r.trailingOf(qi)) ?? withPhrase(r.precedingOf(qi));
  },
};
