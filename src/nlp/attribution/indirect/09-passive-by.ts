import { lexicons } from '../../lexicons.js';
import type { Token } from '../../tokens.js';
import { phraseStartingAt } from '../../speaker-phrase.js';
import { contentSpan, type IndirectPass } from './context.js';

/**
 * "The registration issue was first reported by the Velby Courier", "The plan was rejected by
 * the council": a passive reporting or stance verb with its agent after "by". The agent speaks; what
 * it reports is the subject, the words before the auxiliary.
 */

/** Auxiliaries of the passive. */
const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'been']);
/** Words at most between the auxiliary and the participle ("was first reported", "had also been"). */
const ADVERBS_MAX = 1;

/** Is `t` a past participle of a speech, belief or stance verb ("reported", "told", "endorsed")? */
function isParticiple(t: Token): boolean {
  const lex = lexicons();
  const known = lex.speechVerbs.has(t.lower) || lex.cognitiveVerbs.has(t.lower) || lex.stanceVerbs.has(t.lower);
  return known && !/(?:ing|s)$/.test(t.lower) && !t.cap;
}

export const passiveBy: IndirectPass = {
  name: 'indirect:passive-by',
  find(c, { toks }) {
    for (let i = 1; i < toks.length - 2; i++) {
      const aux = toks[i] as Token;
      if (!PASSIVE_AUX.has(aux.lower)) continue;
      let j = i + 1;
      while (j < i + 1 + ADVERBS_MAX && toks[j] && !isParticiple(toks[j] as Token) && /ly$|^(?:first|also|later|widely|since)$/.test((toks[j] as Token).lower)) j++;
      const verb = toks[j];
      if (!verb || !isParticiple(verb) || toks[j + 1]?.lower !== 'by') continue;
      const phrase = phraseStartingAt(toks, j + 2, c.byStart, c.text);
      // The subject: the words from the sentence start, back over "has been"/"had been".
      const first = toks[0] as Token;
      const subjectEnd = (toks[aux.lower === 'been' && i > 1 ? i - 2 : i - 1] as Token).end;
      const content = contentSpan(c.text, first.start, subjectEnd, 1);
      return phrase && content ? [{ content, phrase, cue: verb, cueText: verb.text }] : [];
    }
    return [];
  },
};
