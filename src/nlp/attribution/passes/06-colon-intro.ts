import type { QuotePass } from '../sieve.js';
import { firstNameIn } from '../phrases.js';
import { OUTER_START } from '../working.js';
import { sentenceOf } from '../probes.js';

/** `X scolded him: "..."`: a colon introduces the quote with no speech verb; the sentence's subject speaks. */
export const colonIntro: QuotePass = {
  name: 'colon-intro',
  decide(r, qi) {
    const c = r.ctx;
    const q = c.work[qi];
    const w = c.windows[qi];
    if (!q || !w || q.parent !== null || r.precedingOf(qi)?.phrase) return null;
    if (!/:\s*$/.test(c.text.slice(w.before, OUTER_START(q)))) return null;
    const sentence = sentenceOf(c, w.sentence);
    const sub = c.subjectOf.get(w.sentence);
    const phrase = (sub && sub.start >= sentence.start ? sub : null) ?? firstNameIn(c, sentence.start, OUTER_START(q));
    return phrase ? { phrase, cue: null, addressee: null } : null;
  },
};
