import { phraseStartingAt } from '../../speaker-phrase.js';
import { accordingAt } from '../cues.js';
import { contentSpan, type IndirectPass } from './context.js';

/**
 * ", according to X." closing the sentence, or ", according to X, " inside it: the content is the
 * rest of the sentence (before the clause when it ends the sentence, the whole sentence otherwise).
 */
export const accordingToClause: IndirectPass = {
  name: 'indirect:according-to-clause',
  find(c, { sentence: s, toks }) {
    const at = toks.findIndex((_, i) => i > 0 && accordingAt(toks, i) > 0);
    const cue = toks[at];
    const prev = toks[at - 1];
    if (at < 0 || !cue || !prev || !/[,(\u2014\u2013-]/.test(c.text.slice(prev.end, cue.start))) return [];
    const phrase = phraseStartingAt(toks, at + accordingAt(toks, at), c.byStart, c.text);
    if (!phrase) return [];
    // Does the clause run to the sentence end (no comma or dash after the source)?
    const after = c.text.slice(phrase.end, s.end);
    const closing = !/[,\u2014\u2013]\s*\S/.test(after.replace(/[.!?)"”\s]+$/, ''));
    const content = closing ? contentSpan(c.text, s.start, prev.end) : contentSpan(c.text, s.start, s.end);
    return content ? [{ content, phrase, cue, cueText: toks.slice(at, at + accordingAt(toks, at)).map((t) => t.lower).join(' ') }] : [];
  },
};
