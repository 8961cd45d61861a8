import type { Sentence } from '../../types.js';
import { tokenize } from '../../tokens.js';
import { cuesIn } from '../cues.js';
import { speakerOfCue } from '../phrases.js';
import { sentenceAt } from '../context.js';
import type { QuotePass } from '../sieve.js';

/** A paragraph ending with a colon introduces the quotes of the next: its last cue's speaker, else its subject. */
export const colonParagraph: QuotePass = {
  name: 'colon-paragraph',
  decide(r, qi) {
    const c = r.ctx;
    const q = c.work[qi];
    const prevPara = q ? c.paragraphs[q.paragraph - 1] : undefined;
    if (!q || !prevPara || q.parent !== null || !/:\s*$/.test(c.text.slice(prevPara.start, prevPara.end))) return null;
    const ps = sentenceAt(c.sentences, prevPara.end - 1);
    const from = (c.sentences[ps] as Sentence).start;
    const toks = tokenize(c.text, from, prevPara.end);
    const cue = cuesIn(toks, true, c.text).at(-1) ?? null;
    const phrase = (cue ? speakerOfCue(c, toks, cue, from).phrase : null) ?? c.subjectOf.get(ps) ?? null;
    return phrase ? { phrase, cue, addressee: null } : null;
  },
};
