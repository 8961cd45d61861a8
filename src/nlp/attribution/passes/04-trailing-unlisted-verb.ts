import { tokenize, type Token } from '../../tokens.js';
import { phraseStartingAt, type SpeakerPhrase } from '../../speaker-phrase.js';
import type { QuotePass } from '../sieve.js';
import type { SieveContext } from '../context.js';
import type { Working } from '../working.js';

/** Words a verb the lexicon does not know may have after the speaker ("shot back", "pressed on"). */
const VERB_MAX_WORDS = 2;

/**
 * `"...," Hannity pressed.` / `"...?" he surmised.` / `"...," agrees Michelle Stevens.`: a quote
 * ending with a comma, question or exclamation mark, then only a name (or he/she) and a word or two
 * before the clause ends. The shape says it is an attribution even when the verb is not in the
 * lexicon.
 */
export const trailingUnlistedVerb: QuotePass = {
  name: 'trailing-unlisted-verb',
  decide(r, qi) {
    const c = r.ctx;
    const q = c.work[qi] as Working;
    const w = c.windows[qi];
    if (!q.close || !w || q.parent !== null || !/[,?!]['’]?$/.test(c.text.slice(q.close.start - 2, q.close.start))) return null;
    const end = clauseEndAfter(c, q.close.end, w.hi);
    if (end < 0) return null;
    const toks = tokenize(c.text, q.close.end, end);
    const phrase = speakerFirst(c, toks) ?? speakerAfterVerb(c, toks);
    return phrase ? { phrase, cue: null, addressee: null } : null;
  },
};

/** Where the clause after the closing mark ends ([.,;:] or a new quote), or -1 past the window. */
function clauseEndAfter(c: SieveContext, from: number, hi: number): number {
  const m = /[.,;:!?“"]/.exec(c.text.slice(from, hi));
  return m ? from + m.index : -1;
}

const isPerson = (p: SpeakerPhrase | null): p is SpeakerPhrase => p !== null && (p.kind === 'mention' ? p.mention?.kind === 'person' : p.kind === 'pronoun' && (p.head === 'he' || p.head === 'she'));

/** `Hannity pressed`: the speaker, then one or two lowercase words to the clause end. */
function speakerFirst(c: SieveContext, toks: Token[]): SpeakerPhrase | null {
  const p = phraseStartingAt(toks, 0, c.mentionsByStart, c.text);
  if (!isPerson(p)) return null;
  const rest = toks.filter((t) => t.start >= p.end);
  return rest.length >= 1 && rest.length <= VERB_MAX_WORDS && rest.every((t) => !t.cap) ? p : null;
}

/** `agrees Michelle Stevens`: one lowercase word, then the speaker to the clause end. */
function speakerAfterVerb(c: SieveContext, toks: Token[]): SpeakerPhrase | null {
  const verb = toks[0];
  if (!verb || verb.cap || !/(?:s|ed)$/.test(verb.lower)) return null;
  const p = phraseStartingAt(toks, 1, c.mentionsByStart, c.text);
  return p?.kind === 'mention' && p.mention?.kind === 'person' && toks.every((t) => t.start < p.end) ? p : null;
}
