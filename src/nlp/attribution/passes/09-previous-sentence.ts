import type { Sentence } from '../../types.js';
import { tokenize } from '../../tokens.js';
import { cuesIn } from '../cues.js';
import { speakerOfCue } from '../phrases.js';
import { OUTER_START, type Working } from '../working.js';
import type { QuotePass } from '../sieve.js';
import type { Readings } from '../sieve.js';

/**
 * A quote that opens its sentence with no cue of its own, after a sentence that reports someone's
 * speech: `Or maybe X, the consultant says. "..."`, `Ash argued in his email that ... ¶ "..."`. The
 * last speech cue of the previous sentence (outside quotes) names the speaker, when the previous
 * sentence is in the quote's paragraph or ends the paragraph right before it.
 */
export const previousSentence: QuotePass = {
  name: 'previous-sentence',
  decide(r, qi) {
    const c = r.ctx;
    const q = c.work[qi] as Working;
    const w = c.windows[qi];
    const sentence = w ? c.sentences[w.sentence] : undefined;
    const prev = w ? c.sentences[w.sentence - 1] : undefined;
    if (!w || !sentence || !prev || q.parent !== null || OUTER_START(q) > sentence.start + 1) return null;
    if (prev.paragraph !== q.paragraph && prev.paragraph !== q.paragraph - 1) return null;
    if (prev.headline || opensWithQuoteOfItsOwn(r, prev)) return null;
    const toks = tokenize(c.text, prev.start, prev.end).filter((t) => !c.insideQuote(t.start));
    const cues = cuesIn(toks, false, c.text).filter((cue) => cue.phrase === 'verb');
    for (const cue of cues.reverse()) {
      const f = speakerOfCue(c, toks, cue, prev.start);
      if (f.phrase && f.phrase.kind !== 'pronoun') return { phrase: f.phrase, cue: null, addressee: null };
      if (f.phrase && (f.phrase.head === 'he' || f.phrase.head === 'she')) return { phrase: f.phrase, cue: null, addressee: null };
    }
    return null;
  },
};

/** Does the sentence hold a quote that has a speaker decision of its own? Then continuation, not this pass, applies. */
function opensWithQuoteOfItsOwn(r: Readings, s: Sentence): boolean {
  return r.ctx.work.some((o) => o.parent === null && OUTER_START(o) >= s.start && OUTER_START(o) < s.end);
}
