import { lexicons } from '../../lexicons.js';
import type { Token } from '../../tokens.js';
import { clauseEnd, contentSpan, MIN_CONTENT_WORDS, nonFiniteIng, type IndirectFinding, type IndirectPass } from './context.js';
import { isShareHead, subjectBefore } from './subject.js';
import type { SpeakerPhrase } from '../../speaker-phrase.js';

/**
 * "X wants to ...", "X opposed the bill", "X asked whether ...", "X called for ...": a stance or
 * intention verb, or a speech verb that needs a quotation mark to be a quote's cue (ask, call,
 * criticize), attributes what follows to its subject. The subject must name someone (a name, a
 * pronoun, a role, a share of people): "the economy seems to ..." is no one's position.
 */
/** A subject that holds positions: a name, he/she/they, a role ("officials", "the spokesman") or a share of people ("most voters"). */
function namesSomeone(text: string, p: SpeakerPhrase): boolean {
  if (p.kind === 'mention') return true;
  // "The Varga campaign", "The DNC": a phrase naming an organisation or group.
  // eslint-disable-next-line security/detect-unsafe-regex -- anchored, one optional word: linear
  if (p.kind === 'descriptor' && /^(?:the\s+)?\p{Lu}/iu.test(text.slice(p.start, p.end)) && /\p{Lu}/u.test(text.slice(p.start, p.end).replace(/^the\s+/i, ''))) return true;
  if (p.kind === 'pronoun') return ['he', 'she', 'they'].includes(p.head);
  const head = p.head.replace(/s$/, '');
  return lexicons().roles.has(p.head) || lexicons().roles.has(head) || isShareHead(p.head) || /-year-old$/.test(p.head);
}

/** A stance's object may be one name ("Lind endorsed Varga", "she opposed it"): a position needs no clause. */
const STANCE_MIN_WORDS = 1;
/** Words opening a short object ("opposed it", "backed the idea"); else a short object must be a name, not "backed out", "went to men". */
const OBJECT_OPENERS = new Set(['it', 'them', 'him', 'her', 'the', 'a', 'an', 'his', 'their', 'its', 'this', 'that']);

/** A content shorter than a clause is a stance's object only when it opens with a capital or an object word. */
function isObject(toks: Token[], i: number, end: number): boolean {
  const first = toks[i + 1] as Token;
  const words = toks.slice(i + 1).filter((t) => t.end <= end).length;
  return words >= MIN_CONTENT_WORDS || first.cap || OBJECT_OPENERS.has(first.lower);
}

export const stanceVerb: IndirectPass = {
  name: 'indirect:stance-verb',
  inQuotedSentences: true,
  find(c, { sentence: s, toks }) {
    const lex = lexicons();
    const out: IndirectFinding[] = [];
    for (let i = 1; i < toks.length - STANCE_MIN_WORDS; i++) {
      const t = toks[i] as Token;
      const speech = lex.speechVerbs.get(t.lower);
      const stance = lex.stanceVerbs.has(t.lower) || (speech !== undefined && lex.weakVerbs.has(speech));
      if (!stance || t.cap || nonFiniteIng(toks, i)) continue;
      const phrase = subjectBefore(c, toks, i);
      if (!phrase || !namesSomeone(c.text, phrase)) continue;
      const first = toks[i + 1];
      const end = clauseEnd(c.text, toks, i + 1, s.end);
      const content = first ? contentSpan(c.text, first.start, end, STANCE_MIN_WORDS) : null;
      if (!content || !isObject(toks, i, content.end)) continue;
      out.push({ content, phrase, cue: t, cueText: t.text });
      // The next stance verb may only come after this content (the runner drops overlaps anyway).
      while (i + 1 < toks.length && (toks[i + 1] as Token).start < end) i++;
    }
    return out;
  },
};
