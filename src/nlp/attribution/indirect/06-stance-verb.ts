import { lexicons } from '../../lexicons.js';
import type { Token } from '../../tokens.js';
import { clauseEnd, contentSpan, MIN_CONTENT_WORDS, type IndirectPass } from './context.js';
import { subjectBefore } from './subject.js';

/**
 * "X wants to ...", "X opposed the bill", "X asked whether ...", "X called for ...": a stance or
 * intention verb, or a speech verb that needs a quotation mark to be a quote's cue (ask, call,
 * criticize), attributes what follows to its subject. The subject must name someone (a name or
 * he/she): "the economy seems to ..." is no one's position.
 */
export const stanceVerb: IndirectPass = {
  name: 'indirect:stance-verb',
  find(c, { sentence: s, toks }) {
    const lex = lexicons();
    for (let i = 1; i < toks.length - MIN_CONTENT_WORDS; i++) {
      const t = toks[i] as Token;
      const speech = lex.speechVerbs.get(t.lower);
      const stance = lex.stanceVerbs.has(t.lower) || (speech !== undefined && lex.weakVerbs.has(speech));
      if (!stance || t.cap || /ing$/.test(t.lower)) continue;
      const phrase = subjectBefore(c, toks, i);
      if (!phrase || !(phrase.kind === 'mention' || (phrase.kind === 'pronoun' && (phrase.head === 'he' || phrase.head === 'she')))) continue;
      const first = toks[i + 1];
      const content = first ? contentSpan(c.text, first.start, clauseEnd(c.text, toks, i + 1, s.end)) : null;
      return content ? [{ content, phrase, cue: t, cueText: t.text }] : [];
    }
    return [];
  },
};
