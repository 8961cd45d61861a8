import { wordCount, SCARE_MAX_WORDS } from '../quote-shape.js';
import { sentenceHasVerb, sentenceOpeningPhrase } from '../phrases.js';
import { sentenceOf } from '../probes.js';
import { OUTER_START } from '../working.js';
import type { QuotePass } from '../sieve.js';

/**
 * A quote inside a sentence with no cue the patterns know ("Moore thanked him for "..."", "X is
 * labeling it "...""): the sentence's subject, when the sentence opens with a name or phrase. A short
 * quoted term gets this only when the sentence has a speech or belief verb somewhere: otherwise it
 * is a scare quote, a title or a nickname, not speech.
 */
export const sentenceSubject: QuotePass = {
  name: 'sentence-subject',
  decide(r, qi) {
    const c = r.ctx;
    const q = c.work[qi];
    const w = c.windows[qi];
    if (!q || !w || q.parent !== null) return null;
    const sentence = sentenceOf(c, w.sentence);
    if (OUTER_START(q) <= sentence.start + 1) return null;
    if (wordCount(c.text, q) <= SCARE_MAX_WORDS && !sentenceHasVerb(c, sentence)) return null;
    const phrase = c.subjectOf.get(w.sentence) ?? sentenceOpeningPhrase(c, sentence.start, OUTER_START(q));
    return phrase ? { phrase, cue: null, addressee: null } : null;
  },
};
