import type { Span } from '../../model/span.js';
import { lexicons } from '../lexicons.js';
import type { Token } from '../tokens.js';

/** A speech cue among the tokens of a window: a speech verb, or "according to". */
export interface Cue {
  token: Token;
  index: number;
  lemma: string;
  phrase: 'verb' | 'according';
  /** Tokens the cue covers: 1 for a verb, the phrase's length for "according to" ("laut": 1). */
  words: number;
  /** Where the cue ends in the text (its last token's end). */
  end: number;
}

/** Length of the language's "according to" phrase starting at token `i` ("according to", "laut", "selon"), or 0. */
export function accordingAt(toks: Token[], i: number): number {
  for (const phrase of lexicons().accordingTo) {
    if (phrase.every((w, k) => toks[i + k]?.lower === w)) return phrase.length;
  }
  return 0;
}

/**
 * Verbs whose speaker may follow them ("said Okafor", "added the spokesman"). After the others the
 * next phrase is an object or addressee ("told reporters", "called him a liar").
 */
export const INVERTED_LEMMAS = new Set(['say', 'add', 'ask', 'write', 'continue', 'explain', 'note', 'recall', 'reply', 'respond', 'answer', 'declare', 'insist', 'argue', 'warn', 'quip', 'remark', 'observe', 'concede', 'acknowledge', 'admit', 'claim', 'state', 'counter', 'conclude', 'predict', 'joke', 'tweet', 'exclaim', 'go', 'read', 'begin', 'report']);

/** Words before an -ing form that make it a verb ("was saying", "heard saying", "while adding"). */
const ING_VERB_CONTEXT = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'am', 'heard', 'seen', 'quoted', 'caught', 'while', 'after', 'before', 'by', 'without', 'kept', 'keeps', 'started', 'began', 'continued', 'went', 'on']);

/** An -ing form is a cue only as a verb: after a comma or colon, an auxiliary, or first ("warning" in "a similar warning" is a noun). */
function ingIsVerb(text: string, toks: Token[], i: number): boolean {
  const prev = toks[i - 1];
  const t = toks[i] as Token;
  if (!prev) return true;
  return /[,:;\u2014]/.test(text.slice(prev.end, t.start)) || ING_VERB_CONTEXT.has(prev.lower) || prev.possessive;
}

/**
 * Words after which a speech verb's -s form is a plural noun ("the claims", "his remarks", "several
 * tweets"), not a verb. "one" and "this" are left out, they may be subjects ("one claims", "this suggests"); "says" is never a noun.
 */
const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'these', 'those', 'several', 'many', 'such']);

/** A speech verb's -s form read as a plural noun: after a determiner or a possessive, or "of" + one word ("11% of Democratic claims"). */
function sFormIsNoun(toks: Token[], i: number): boolean {
  const t = toks[i] as Token;
  const prev = toks[i - 1];
  if (!prev || !/s$/.test(t.lower) || t.lower === 'says') return false;
  return NOUN_DETERMINERS.has(prev.lower) || prev.possessive || toks[i - 2]?.lower === 'of';
}

/** The cues among `toks`; weak verbs ("goes", "writes") only when `allowWeak` (next to a quotation mark). */
export function cuesIn(toks: Token[], allowWeak: boolean, text = ''): Cue[] {
  const lex = lexicons();
  const out: Cue[] = [];
  toks.forEach((t, i) => {
    const lemma = lex.speechVerbs.get(t.lower);
    if (lemma && t.lower.endsWith('ing') && text && !ingIsVerb(text, toks, i)) return;
    if (lemma && sFormIsNoun(toks, i)) return;
    const strongEnough = lemma !== undefined && (allowWeak || !lex.weakVerbs.has(lemma));
    const according = lemma && strongEnough && (!t.cap || i === 0) ? 0 : accordingAt(toks, i);
    if (according === 0 && lemma && strongEnough && (!t.cap || i === 0)) out.push({ token: t, index: i, lemma, phrase: 'verb', words: 1, end: t.end });
    else if (according > 0) out.push({ token: t, index: i, lemma: 'according to', phrase: 'according', words: according, end: toks[i + according - 1]?.end ?? t.end });
  });
  return out;
}

/** The cue as the output names it, and its span ("according to" covers both words). */
export function cueText(cue: Cue): string {
  if (cue.phrase !== 'according') return cue.token.text;
  return lexicons().accordingTo.find((p) => p.length === cue.words && p[0] === cue.token.lower)?.join(' ') ?? cue.token.lower;
}
export function cueSpan(cue: Cue): Span {
  return { start: cue.token.start, end: cue.end };
}

/** Who it was said to: "told reporters", "said to Reuters", "told Russian state news agency Tass". */
const ADDRESSEE_STOP = new Set(['that', 'he', 'she', 'they', 'it', 'we', 'i', 'on', 'last', 'this', 'earlier', 'yesterday', 'today', 'during', 'at', 'after', 'before', 'in', 'when', 'while', 'as', 'about', 'of', 'following', 'according', 'referring', 'adding', 'saying', 'but', 'and', 'there', 'his', 'her', 'if', 'how', 'what', 'why', 'whether', 'not']);
const ADDRESSEE_STOP_VERBS = new Set(['said', 'says', 'told', 'added', 'was', 'is', 'were', 'are', 'had', 'has', 'would', 'will']);
/** Verbs whose addressee follows "to" ("said to Reuters"); "tell" takes it directly. */
const TO_LEMMAS = new Set(['say', 'write', 'explain', 'add']);
/** An addressee is at most this many words. */
const ADDRESSEE_MAX_WORDS = 6;

const stops = (t: Token): boolean => ADDRESSEE_STOP.has(t.lower) || ADDRESSEE_STOP_VERBS.has(t.lower);

export function addresseeAfter(text: string, toks: Token[], cue: Cue, limit: number): Span | null {
  let k = cue.index + 1;
  if (TO_LEMMAS.has(cue.lemma)) {
    if (toks[k]?.lower !== 'to') return null;
    k++;
  } else if (cue.lemma !== 'tell') return null;
  if (toks[k]?.lower === 'the') k++;
  const first = toks[k];
  if (!first || first.start >= limit || stops(first)) return null;
  let end = first.end;
  let prev = first;
  for (let j = k + 1; j < toks.length && j < k + ADDRESSEE_MAX_WORDS; j++) {
    const t = toks[j];
    if (!t || t.start >= limit || !/^\s+$/.test(text.slice(prev.end, t.start)) || stops(t)) break;
    end = t.end;
    prev = t;
  }
  return { start: first.start, end };
}
