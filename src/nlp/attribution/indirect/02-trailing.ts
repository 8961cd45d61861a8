import { lexicons } from '../../lexicons.js';
import { phraseEndingAt, phraseStartingAt, type SpeakerPhrase } from '../../speaker-phrase.js';
import { contentSpan, type IndirectPass } from './context.js';

/** "..., X said." / "..., according to X." at the end of the sentence. */
const TRAILING = /,\s*(?:according to\s+)?([^,;:"“”]{2,80}?)\s+(said|says|told|added|claimed|argued|warned|noted|insisted|explained|wrote|stated|acknowledged|continued)\b[^,;:"“”]{0,60}[.!?]?\s*$/;
/** "..., said X." */
const TRAILING_INVERTED = /,\s*(said|says|added|wrote|claimed|argued|noted)\s+([^,;:"“”]{2,80}?)[.!?]?\s*$/;

/** A trailing attribution: the content runs from the sentence start to the comma before it. */
export const trailingAttribution: IndirectPass = {
  name: 'indirect:trailing',
  find(c, { sentence: s, toks }) {
    const lex = lexicons();
    const sentence = c.text.slice(s.start, s.end);
    const trailing = TRAILING.exec(sentence);
    const inverted = trailing ? null : TRAILING_INVERTED.exec(sentence);
    const tail = trailing ?? inverted;
    if (!tail || tail.index === 0) return [];
    const at = s.start + tail.index;
    const cue = toks.find((t) => t.start >= at && (lex.speechVerbs.has(t.lower) || t.lower === 'according'));
    if (!cue) return [];
    const ci = toks.indexOf(cue);
    const according = cue.lower === 'according';
    const phrase: SpeakerPhrase | null = inverted
      ? phraseStartingAt(toks, ci + 1, c.byStart, c.text)
      : according
        ? phraseStartingAt(toks, ci + 2, c.byStart, c.text)
        : phraseEndingAt(toks, ci - 1, c.byEnd, c.text);
    const content = contentSpan(c.text, s.start, at);
    return content && phrase ? [{ content, phrase, cue, cueText: according ? 'according to' : cue.text }] : [];
  },
};
