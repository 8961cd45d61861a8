import { phraseStartingAt } from '../../speaker-phrase.js';
import { contentSpan, type IndirectPass } from './context.js';

/** "According to X, ..." opening the sentence: the content is what follows the first comma. */
export const accordingToLeading: IndirectPass = {
  name: 'indirect:according-to',
  find(c, { sentence: s, toks }) {
    if (toks[0]?.lower !== 'according' || toks[1]?.lower !== 'to') return [];
    const comma = c.text.slice(s.start, s.end).indexOf(',');
    const phrase = phraseStartingAt(toks, 2, c.byStart, c.text);
    const content = comma > 0 ? contentSpan(c.text, s.start + comma + 1, s.end) : null;
    return content ? [{ content, phrase, cue: toks[0], cueText: 'according to' }] : [];
  },
};
