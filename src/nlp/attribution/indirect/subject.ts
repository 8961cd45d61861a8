import type { Token } from '../../tokens.js';
import { lexicons } from '../../lexicons.js';
import { BETWEEN_SPEAKER_AND_CUE, coordinatedVerbSubject, phraseEndingAt, phraseStartingAt, type SpeakerPhrase } from '../../speaker-phrase.js';
import type { IndirectContext } from './context.js';

/**
 * The subject of a reporting verb in indirect speech, read backwards from the verb: a name, pronoun
 * or role phrase ("the spokesman"); one before an apposition ("Graham, a presidential candidate,
 * said") or a relative clause ("Varga, who claimed"); a share of people ("46 percent said", "six
 * in 10 say"); or a plain noun phrase opening the sentence ("A person familiar with the plan says").
 */

/** A share of people as a subject is at most this many words ("more than six in 10"). */
const SHARE_MAX_WORDS = 6;
/** A noun phrase opening the sentence is taken as the subject up to this many words. */
const OPENING_PHRASE_MAX_WORDS = 12;
/** Words that, ending a subject, make it a share of people. */
const SHARE_HEADS = new Set(['percent', 'half', 'majority', 'most', 'many', 'some', 'few', 'third', 'quarter', 'all', 'others', 'both']);
/** Words a share phrase may hold ("about one in five", "more than half of them"). */
const SHARE_WORDS = new Set(['in', 'of', 'about', 'than', 'more', 'less', 'fewer', 'nearly', 'almost', 'over', 'just', 'roughly', 'a', 'the', 'them', 'those', 'only', 'under']);
/** Opening words the subject of a whole sentence does not start with. */
const NOT_SUBJECT_START = new Set(['if', 'when', 'while', 'as', 'because', 'after', 'before', 'since', 'although', 'though', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'to', 'but', 'and', 'so', 'that', 'it', 'there', 'this']);

export const isShareHead = (word: string): boolean => SHARE_HEADS.has(word) || /^\d/.test(word) || lexicons().units.numberWords[word] !== undefined;

const isNumberish = (t: Token): boolean => /^\d/.test(t.text) || lexicons().units.numberWords[t.lower] !== undefined || SHARE_HEADS.has(t.lower);

/** A share of people ending at token `k` ("63 percent", "about one in five"), or null. */
export function share(toks: Token[], k: number, text: string): SpeakerPhrase | null {
  const head = toks[k];
  if (!head || !isNumberish(head)) return null;
  let s = k;
  for (let j = k - 1; j >= 0 && k - j < SHARE_MAX_WORDS; j--) {
    const w = toks[j] as Token;
    if (!/^\s+$/.test(text.slice(w.end, (toks[j + 1] as Token).start)) || !(isNumberish(w) || SHARE_WORDS.has(w.lower))) break;
    s = j;
  }
  const first = toks[s] as Token;
  return { start: first.start, end: head.end, kind: 'descriptor', mention: null, head: head.lower };
}

/** The sentence's opening noun phrase up to token `k`, when nothing but words stands between. */
function openingPhrase(toks: Token[], k: number, text: string): SpeakerPhrase | null {
  const first = toks[0];
  const last = toks[k];
  if (!first || !last || k + 1 > OPENING_PHRASE_MAX_WORDS || NOT_SUBJECT_START.has(first.lower)) return null;
  if (/[,;:()\u2014\u2013"“”]/.test(text.slice(first.start, last.end))) return null;
  if (!first.cap || toks.slice(0, k + 1).some((t) => lexicons().speechVerbs.has(t.lower) || lexicons().cognitiveVerbs.has(t.lower))) return null;
  return { start: first.start, end: last.end, kind: 'descriptor', mention: null, head: last.lower };
}

/** Words after which a clause starts, so a bare plural after them is its subject ("But environmentalists worry ..."). */
const CLAUSE_STARTS = new Set(['but', 'and', 'so', 'yet', 'while', 'though', 'although', 'because', 'as', 'since', 'whereas']);

/** A bare plural noun opening a clause ("Economists say", ", but environmentalists worry"): people in general as the subject. */
function barePlural(toks: Token[], k: number, text: string): SpeakerPhrase | null {
  const t = toks[k];
  const prev = toks[k - 1];
  if (!t || t.possessive || !/^\p{Ll}{3,}[^s]s$/u.test(t.text) || lexicons().functionWords.has(t.lower)) return null;
  if (prev && !CLAUSE_STARTS.has(prev.lower) && !/[,;:]/.test(text.slice(prev.end, t.start))) return null;
  return { start: t.start, end: t.end, kind: 'descriptor', mention: null, head: t.lower };
}

/** The phrase before the comma at `commaPos` (an apposition or relative clause opens there), near the sentence start. */
function beforeComma(c: IndirectContext, toks: Token[], commaPos: number): SpeakerPhrase | null {
  const k = toks.findIndex((t) => t.end > commaPos) - 1;
  if (k < 0) return null;
  const p = phraseEndingAt(toks, k, c.byEnd, c.text);
  return p && p.kind !== 'pronoun' ? p : null;
}

/** The phrase before one of the commas ahead of `close` (the first name found, else a name just before `close`, else the first phrase). */
function appositionSubject(c: IndirectContext, toks: Token[], close: number): SpeakerPhrase | null {
  let fallback: SpeakerPhrase | null = null;
  for (let open = c.text.indexOf(',', toks[0]?.start ?? 0); open >= 0 && open < close; open = c.text.indexOf(',', open + 1)) {
    const p = beforeComma(c, toks, open);
    if (p?.kind === 'mention') return p;
    fallback ??= p;
  }
  // "The town's mayor, Tomas Brevik, said": the name is the apposition itself.
  const named = beforeComma(c, toks, close);
  return named?.kind === 'mention' ? named : fallback;
}

/** Conjunctions joining a second verb to the sentence's first. */
const CLAUSE_JOINS = new Set(['and', 'but']);
/** Conjunctions that open a sentence without being its subject ("But Murphy said"). */
const OPENING_CONJUNCTIONS = new Set(['but', 'and', 'so', 'yet']);

/**
 * "Varga celebrated in Velby ... and said it was another step": a reporting verb after "and" or
 * "but" whose first verb reports nothing shares the sentence's subject, when a name or he/she/they
 * opens the sentence.
 */
function sentenceSubject(c: IndirectContext, toks: Token[], k: number): SpeakerPhrase | null {
  if (!CLAUSE_JOINS.has(toks[k]?.lower ?? '')) return null;
  const f = OPENING_CONJUNCTIONS.has(toks[0]?.lower ?? '') ? 1 : 0;
  const p = phraseStartingAt(toks, f, c.byStart, c.text);
  if (!p || p.start >= (toks[k] as Token).start) return null;
  return p.kind === 'mention' || (p.kind === 'pronoun' && ['he', 'she', 'they'].includes(p.head)) ? p : null;
}
/** The subject of the verb at token `i`, or null. */
export function subjectBefore(c: IndirectContext, toks: Token[], i: number): SpeakerPhrase | null {
  const { text } = c;
  const verb = toks[i] as Token;
  let k = i - 1;
  let relative = false;
  while (k > 0 && BETWEEN_SPEAKER_AND_CUE.has((toks[k] as Token).lower)) {
    relative ||= (toks[k] as Token).lower === 'who';
    k--;
  }
  const at = toks[k];
  if (!at) return null;
  const gap = text.slice(at.end, (toks[k + 1] ?? verb).start);
  if (gap.includes(',')) {
    if (relative) return beforeComma(c, toks, at.end + gap.indexOf(','));
    // "X, a ..., said": the apposition opens at an earlier comma; a name there is likeliest.
    return appositionSubject(c, toks, at.end + gap.indexOf(','));
  }
  const p = phraseEndingAt(toks, k, c.byEnd, text);
  if (p) return p;
  return coordinatedVerbSubject(toks, k, c.byEnd, text) ?? sentenceSubject(c, toks, k) ?? share(toks, k, text) ?? openingPhrase(toks, k, text) ?? barePlural(toks, k, text);
}
