import type { QuotePass } from '../sieve.js';
import { withPhrase } from '../sieve.js';

/**
 * The cue before the opening mark in the same sentence: `She said: "..."`, `X told reporters, "..."`,
 * `He said Lindqvist "believed me"`, `..., adding: "..."` (the sentence's subject).
 */
export const precedingCue: QuotePass = {
  name: 'preceding-cue',
  decide(r, qi) {
    if (r.ctx.work[qi]?.parent !== null) return null;
    const p = withPhrase(r.precedingOf(qi));
    return p && p.cue?.phrase !== 'according' ? p : null;
  },
};
