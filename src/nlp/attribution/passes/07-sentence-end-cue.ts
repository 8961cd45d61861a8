import { tokenize } from '../../tokens.js';
import { addresseeAfter, cuesIn, INVERTED_LEMMAS } from '../cues.js';
import { phraseStartingAt } from '../../speaker-phrase.js';
import { speakerOfCue } from '../phrases.js';
import { sentenceAt } from '../context.js';
import { sentenceOf } from '../probes.js';
import type { QuotePass } from '../sieve.js';

/** `"..." to drive up the price, she said.`: the sentence's last cue, after more words, set off by a comma. */
export const sentenceEndCue: QuotePass = {
  name: 'sentence-end-cue',
  decide(r, qi) {
    const c = r.ctx;
    const q = c.work[qi];
    const w = c.windows[qi];
    if (!q?.close || !w) return null;
    const from = q.close.end;
    const limit = Math.min(w.hi, sentenceOf(c, sentenceAt(c.sentences, from)).end);
    const toks = tokenize(c.text, from, limit);
    const cue = cuesIn(toks, false, c.text).at(-1);
    if (!cue || cue.index === 0) return null;
    // Only a few words (a date, "on Monday") may follow the cue before the sentence ends.
    // eslint-disable-next-line security/detect-unsafe-regex -- applied to a slice of at most a few dozen characters
    const rest = c.text.slice(cue.token.end, limit).replace(/^\s+\S+(?:\s+\S+){0,3}/, (m) => (/[,]/.test(m) ? m : ''));
    if (!/^[\s.]*$/.test(rest)) return null;
    // The attribution is set off by a comma: before the speaker ("..., she said") or before the verb ("..., said Kunin").
    const setOff = (at: number): boolean => /,\s*$/.test(c.text.slice(Math.max(from, at - 3), at));
    const inverted = setOff(cue.token.start) && INVERTED_LEMMAS.has(cue.lemma) ? phraseStartingAt(toks, cue.index + 1, c.mentionsByStart, c.text) : null;
    const f = inverted ? { phrase: inverted, cue, addressee: null } : speakerOfCue(c, toks, cue, from);
    const ph = f.phrase;
    if (!ph || !(inverted || setOff(ph.start))) return null;
    return { ...f, phrase: ph, addressee: addresseeAfter(c.text, toks, cue, limit) };
  },
};
