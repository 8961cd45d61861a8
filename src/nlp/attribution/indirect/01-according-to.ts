import { phraseStartingAt } from '../../speaker-phrase.js';
import { accordingAt } from '../cues.js';
import { contentSpan, type IndirectPass } from './context.js';

/** "According to X, ..." opening the sentence: the content is what follows the first comma. */
export const accordingToLeading: IndirectPass = {
  name: 'indirect:according-to',
  find(c, { sentence: s, toks }) {
    const words = accordingAt(toks, 0);
    const cue = toks[0];
    if (words === 0 || !cue) return [];
    const comma = c.text.slice(s.start, s.end).indexOf(',');
    const phrase = phraseStartingAt(toks, words, c.byStart, c.text);
    const content = comma > 0 ? contentSpan(c.text, s.start + comma + 1, s.end) : null;
    return content ? [{ content, phrase, cue, cueText: toks.slice(0, words).map((t) => t.lower).join(' ') }] : [];
  },
};
