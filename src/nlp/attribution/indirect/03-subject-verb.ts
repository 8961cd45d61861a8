import { lexicons } from '../../lexicons.js';
import type { Token } from '../../tokens.js';
import { BETWEEN_SPEAKER_AND_CUE, phraseEndingAt } from '../../speaker-phrase.js';
import { contentSpan, MIN_CONTENT_WORDS, type IndirectPass } from './context.js';

/** How many words of addressee "told" may take before its content ("told reporters on Monday that"). */
const TOLD_ADDRESSEE_MAX_WORDS = 5;
/** Words that start the content after "told X". */
const CONTENT_OPENERS = new Set(['that', 'he', 'she', 'they', 'it', 'we', 'the']);

/** "X said (that) ...", "X told reporters ...", "X believes ...": the subject right before the cue; the first such cue. */
export const subjectVerb: IndirectPass = {
  name: 'indirect:subject-verb',
  find(c, { sentence: s, toks }) {
    const lex = lexicons();
    for (let i = 1; i < toks.length - MIN_CONTENT_WORDS; i++) {
      const t = toks[i] as Token;
      const speech = lex.speechVerbs.get(t.lower);
      const lemma = speech ?? lex.cognitiveVerbs.get(t.lower);
      if (!lemma || t.cap || /ing$/.test(t.lower) || (speech !== undefined && lex.weakVerbs.has(speech))) continue;
      let k = i - 1;
      while (k > 0 && BETWEEN_SPEAKER_AND_CUE.has((toks[k] as Token).lower)) k--;
      if (c.text.slice((toks[k] as Token).end, t.start).includes(',')) continue;
      const phrase = phraseEndingAt(toks, k, c.byEnd, c.text);
      if (!phrase || (phrase.kind === 'pronoun' && (phrase.head === 'i' || phrase.head === 'it'))) continue;
      let j = i + 1;
      if (lemma === 'tell') while (j < toks.length && j < i + 1 + TOLD_ADDRESSEE_MAX_WORDS && !CONTENT_OPENERS.has((toks[j] as Token).lower)) j++;
      if (toks[j]?.lower === 'that') j++;
      const first = toks[j];
      const content = first ? contentSpan(c.text, first.start, s.end) : null;
      return content ? [{ content, phrase, cue: t, cueText: t.text }] : [];
    }
    return [];
  },
};
