import type { Token } from '../tokens.js';
import type { Cue } from './cues.js';

/**
 * Words that open an adverbial before a sentence's subject ("In a message posted Friday, X said",
 * "After he spoke, X told reporters"): prepositions and subordinators, general English grammar.
 */
const ADVERBIAL_OPENERS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'since', 'following', 'asked', 'speaking', 'with', 'from', 'for', 'upon', 'once', 'if']);

/**
 * The cues of a sentence's opening adverbial, when a cue follows it: a verb inside the adverbial
 * ("a message posted Friday", "when asked") is not the main clause's cue, the later one is. `toks`
 * start at the sentence start; a sentence without an adverbial keeps all its cues.
 */
export function withoutAdverbialCues(text: string, toks: Token[], cues: Cue[]): Cue[] {
  const first = toks[0];
  if (!first || !ADVERBIAL_OPENERS.has(first.lower)) return cues;
  const k = toks.findIndex((t, i) => i > 0 && text.slice((toks[i - 1] as Token).end, t.start).includes(','));
  if (k < 0) return cues;
  const comma = (toks[k] as Token).start;
  const later = cues.filter((cue) => cue.token.start >= comma);
  return later.length && later.length < cues.length ? later : cues;
}
