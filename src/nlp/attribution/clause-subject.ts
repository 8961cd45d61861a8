import type { Sentence } from '../types.js';
import { tokenize, type Token } from '../tokens.js';
import { phraseStartingAt, type SpeakerPhrase } from '../speaker-phrase.js';
import type { SieveContext } from './context.js';

/** An opening adverbial set off by a comma is at most this many words ("Meanwhile,", "In late August,"). */
const ADVERBIAL_MAX_WORDS = 4;

/**
 * The phrase opening a sentence's main clause, past an adverbial set off by a comma ("Meanwhile,
 * it attacked Marek, saying ...", "In August, several groups granted him an extension, saying ..."):
 * who acts in the clause, and so who speaks in its participle. "it" counts here (an organisation, a
 * newspaper). Null when the clause opens with anything but a phrase followed by a word.
 */
export function mainClauseSubject(c: SieveContext, s: Sentence, to: number): SpeakerPhrase | null {
  const toks = tokenize(c.text, s.start, to);
  let k = 0;
  const comma = toks.findIndex((t, i) => i > 0 && i <= ADVERBIAL_MAX_WORDS && c.text.slice((toks[i - 1] as Token).end, t.start).includes(','));
  if (comma > 0 && !c.mentionsByStart.has((toks[0] as Token).start)) k = comma;
  const t = toks[k];
  if (!t || c.insideQuote(t.start)) return null;
  const p: SpeakerPhrase | null = t.lower === 'it' ? { start: t.start, end: t.end, kind: 'pronoun', mention: null, head: 'it' } : phraseStartingAt(toks, k, c.mentionsByStart, c.text);
  if (!p || (p.kind === 'pronoun' && (p.head === 'i' || p.head === 'we'))) return null;
  return /^\s+\p{Ll}/u.test(c.text.slice(p.end, p.end + 3)) ? p : null;
}
