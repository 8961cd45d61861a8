import type { Span } from '../model/span.js';
import type { Mention } from './types.js';
import type { Token } from './tokens.js';
import { lexicons } from './lexicons.js';

/**
 * The noun phrase that names a speaker next to a cue: a name the NER found, a pronoun, or a
 * descriptor phrase ("the spokesman", "the 79-year-old", "a spokesperson for the Russian government").
 */
export interface SpeakerPhrase extends Span {
  kind: 'mention' | 'pronoun' | 'descriptor';
  mention: Mention | null;
  /** Lower-case pronoun or the descriptor's head word. */
  head: string;
}

/** Words that may stand between a speaker and the cue verb ("Berg reportedly told", "he can be heard saying"). */
export const BETWEEN_SPEAKER_AND_CUE = { has: (word: string): boolean => lexicons().betweenSpeakerAndCue.has(word) };

/** A generic speaker phrase has at most this many words before its head. */
const GENERIC_MAX_WORDS = 4;

/** Words opening a noun phrase, in the language being read (data/lexicons/grammar.json). */
const DETERMINERS = { has: (word: string): boolean => lexicons().determiners.has(word) };
/** The English pronoun the passes reason with, for a subject pronoun of the language being read ("sie" -> "she"). */
const pronounHead = (word: string): string | undefined => lexicons().pronounHeads.get(word);

/** A role or age word that can head a descriptor speaker ("spokesman", "79-year-old", "officials"). */
export function isRoleHead(t: Token): boolean {
  const lex = lexicons();
  // A plural of a role is a role too ("lawyers", "analysts"): the lexicon lists the singular.
  return lex.roles.has(t.lower) || (t.lower.endsWith('s') && lex.roles.has(t.lower.slice(0, -1))) || /-year-old$/.test(t.lower) || lex.titleWords.has(t.text);
}

/** Prepositions that make a place before a cue a complement ("officials in Washington said"), not the speaker. */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'of', 'to', 'for', 'on', 'by', 'with', 'across', 'throughout', 'near', 'into', 'over', 'outside', 'inside', 'around']);

/** "China said", "Even Japan, a close ally, warned": a country speaks for its government, unless a preposition attaches it. */
function placeActs(toks: Token[], k: number, m: Mention): boolean {
  let j = k;
  while (j > 0 && (toks[j] as Token).start > m.start) j--;
  const before = toks[j - 1];
  return !before || !PLACE_PREPOSITIONS.has(before.lower);
}

/** The speaker phrase ending at token index `k` (inclusive), reading backwards. */
export function phraseEndingAt(toks: Token[], k: number, mentionsByEnd: Map<number, Mention>, text: string): SpeakerPhrase | null {
  const t = toks[k];
  if (!t) return null;
  const end = t.possessive ? t.end - 2 : t.end;
  const m = mentionsByEnd.get(end);
  if (m && (m.kind === 'person' || m.kind === 'org' || (m.kind === 'place' && placeActs(toks, k, m)))) return { start: m.start, end: m.end, kind: 'mention', mention: m, head: m.canonical };
  // "he’s" is a contraction (he is / he has), not a possessive.
  const head = pronounHead(t.lower);
  if (head === 'he' || head === 'she' || head === 'they' || head === 'it') return { start: t.start, end: t.start + t.lower.length, kind: 'pronoun', mention: null, head };
  if (head === 'i' || head === 'we') return { start: t.start, end: t.end, kind: 'pronoun', mention: null, head };
  const complemented = roleWithComplement(toks, k, mentionsByEnd, text);
  if (complemented) return complemented;
  if (isRoleHead(t)) {
    // Walk back over modifiers to the determiner: "the ministry's spokesman", "a senior official".
    let s = k;
    for (let j = k - 1; j >= 0 && k - j <= 5; j--) {
      const w = toks[j];
      if (!w) break;
      if (!/^[\s-]*$/.test(text.slice(w.end, toks[j + 1]?.start ?? w.end))) break;
      if (!DETERMINERS.has(w.lower) && (NOT_A_HEAD.has(w.lower) || /(?:ing|ed)$/.test(w.lower))) break;
      s = j;
      if (DETERMINERS.has(w.lower)) break;
    }
    const first = toks[s];
    if (!first) return null;
    return { start: first.start, end: t.end, kind: 'descriptor', mention: null, head: t.lower };
  }
  return genericPhraseEndingAt(toks, k, text);
}

/** Prepositions that attach a complement to a role ("lawyers for the family", "officials at the port"). */
const ROLE_COMPLEMENT_PREPOSITIONS = new Set(['for', 'of', 'at', 'with', 'from']);
/** Words at most of a role's complement ("for the family", "at the city's port"). */
const ROLE_COMPLEMENT_MAX_WORDS = 4;

/** "lawyers for the family said": a role and its complement, the role found before the preposition. */
function roleWithComplement(toks: Token[], k: number, mentionsByEnd: Map<number, Mention>, text: string): SpeakerPhrase | null {
  for (let p = k - 1; p > 0 && k - p <= ROLE_COMPLEMENT_MAX_WORDS; p--) {
    const w = toks[p] as Token;
    if (!/^[\s-]*$/.test(text.slice(w.end, (toks[p + 1] as Token).start))) return null;
    if (!ROLE_COMPLEMENT_PREPOSITIONS.has(w.lower)) continue;
    const role = toks[p - 1] as Token;
    if (!isRoleHead(role) || !/^\s+$/.test(text.slice(role.end, w.start))) return null;
    const r = phraseEndingAt(toks, p - 1, mentionsByEnd, text);
    return r?.kind === 'descriptor' ? { ...r, end: (toks[k] as Token).end } : null;
  }
  return null;
}

/** Words that cannot end a speaker phrase (function words, verbs of the cue's clause). */
const NOT_A_HEAD = new Set(['that', 'which', 'who', 'what', 'this', 'there', 'here', 'and', 'or', 'but', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'not', 'also', 'it', 'you', 'me', 'him', 'them', 'us', 'so', 'then', 'when', 'if', 'because', 'while', 'though', 'although', 'whereas', 'after', 'before', 'than', 'too', 'very', 'just', 'only', 'all', 'both', 'again', 'now', 'today', 'yesterday', 'said', 'says', 'told', 'would', 'will', 'could', 'can', 'should', 'may', 'might', 'must', 'do', 'does', 'did', 'no', 'not', 'never']);

/** Any other noun phrase before a cue ("The commission says", "one questioner claimed"): back to a determiner, at most a few words. */
function genericPhraseEndingAt(toks: Token[], k: number, text: string): SpeakerPhrase | null {
  const t = toks[k];
  if (!t || t.possessive || NOT_A_HEAD.has(t.lower) || /^\d/.test(t.text) || /(?:ly|ing|ed)$/.test(t.lower) || /['’]/.test(t.text)) return null;
  if (lexicons().functionWords.has(t.lower)) return null;
  let s = k;
  for (let j = k - 1; j >= 0 && k - j <= GENERIC_MAX_WORDS; j--) {
    const w = toks[j];
    const next = toks[j + 1];
    if (!w || !next || !/^[\s-]*$/.test(text.slice(w.end, next.start))) break;
    if (NOT_A_HEAD.has(w.lower) && !DETERMINERS.has(w.lower)) break;
    s = j;
    if (DETERMINERS.has(w.lower)) break;
  }
  const first = toks[s];
  if (!first) return null;
  // Only a phrase opened by a determiner ("The commission", "one questioner") or a capitalised
  // name-like word counts; anything else is more likely the object of another verb.
  if (!DETERMINERS.has(first.lower) && !(s === k && t.cap)) return null;
  return { start: first.start, end: t.possessive ? t.end - 2 : t.end, kind: 'descriptor', mention: null, head: t.lower };
}

/** The speaker phrase starting at token index `k` (for "said the spokesman", "according to X"). */
export function phraseStartingAt(toks: Token[], k: number, mentionsByStart: Map<number, Mention>, text: string): SpeakerPhrase | null {
  const lex = lexicons();
  const t = toks[k];
  if (!t) return null;
  // Skip a title that the mention does not include ("said Mr. Smith" keeps Smith).
  for (let j = k; j < Math.min(toks.length, k + 4); j++) {
    const w = toks[j];
    if (!w) break;
    const m = mentionsByStart.get(w.start);
    if (m && (m.kind === 'person' || m.kind === 'org')) return { start: m.start, end: m.end, kind: 'mention', mention: m, head: m.canonical };
    if (!(lex.titleWords.has(w.text) || lex.honorifics.has(w.text) || DETERMINERS.has(w.lower) || lex.modifiers.has(w.lower) || lex.demonyms.has(w.text) || lex.roles.has(w.lower))) break;
  }
  const head = pronounHead(t.lower);
  if (head !== undefined && head !== 'it') return { start: t.start, end: t.end, kind: 'pronoun', mention: null, head };
  // A capitalised name the NER did not confirm ("said Del. Stacey Plaskett", "Said Ellis:").
  if (t.cap && !lex.functionWords.has(t.lower)) {
    let e = k;
    while (e + 1 < toks.length && toks[e + 1]?.cap && /^\s+$/.test(text.slice(toks[e]?.end ?? 0, toks[e + 1]?.start ?? 0)) && e - k < 4) e++;
    const last = toks[e] as Token;
    return { start: t.start, end: last.possessive ? last.end - 2 : last.end, kind: 'descriptor', mention: null, head: last.lower };
  }
  if (DETERMINERS.has(t.lower)) {
    for (let j = k + 1; j < Math.min(toks.length, k + 6); j++) {
      const w = toks[j];
      const prev = toks[j - 1];
      if (!w || !prev || !/^[\s-]*$/.test(text.slice(prev.end, w.start))) break;
      if (isRoleHead(w)) {
        // "a spokesperson for the Russian government": keep the "for ..." complement.
        let end = w.end;
        // eslint-disable-next-line security/detect-unsafe-regex -- applied to a slice of at most a few dozen characters (80); no failing suffix: the match ends wherever the repetition stops, so it never backtracks through the choices
        const after = /^\s+(?:for|of|at|with)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}'’-]*\s*)+/u.exec(text.slice(end, end + 80));
        if (after) end += after[0].trimEnd().length;
        return { start: t.start, end, kind: 'descriptor', mention: null, head: w.lower };
      }
    }
    // Any other short noun phrase up to punctuation: "said the ruling", "said a statement".
    let e = k;
    for (let j = k + 1; j < Math.min(toks.length, k + 1 + GENERIC_MAX_WORDS); j++) {
      const w = toks[j];
      const prev = toks[j - 1];
      if (!w || !prev || !/^[\s-]*$/.test(text.slice(prev.end, w.start)) || NOT_A_HEAD.has(w.lower)) break;
      e = j;
    }
    const last = toks[e] as Token;
    if (e > k) return { start: t.start, end: last.end, kind: 'descriptor', mention: null, head: last.lower };
  }
  // "said 9/11 widow Terry Strada": a name a few words on, before any punctuation.
  for (let j = k + 1; j < Math.min(toks.length, k + 4); j++) {
    const w = toks[j];
    const prev = toks[j - 1];
    if (!w || !prev || !/^[\s/-]*$/.test(text.slice(prev.end, w.start))) break;
    const m = mentionsByStart.get(w.start);
    if (m && (m.kind === 'person' || m.kind === 'org')) return { start: m.start, end: m.end, kind: 'mention', mention: m, head: m.canonical };
  }
  return null;
}

/** Conjunctions joining a second verb to its subject's first ("laughed and said", "paused but added"). */
const VERB_CONJUNCTIONS = new Set(['and', 'but']);

/**
 * "Lund laughed and said", "she paused but added": at token `k` a conjunction after one
 * lower-case verb, and before that verb a name or pronoun, the subject both verbs share.
 */
export function coordinatedVerbSubject(toks: Token[], k: number, mentionsByEnd: Map<number, Mention>, text: string): SpeakerPhrase | null {
  const conj = toks[k];
  const verb = toks[k - 1];
  if (!conj || !verb || !VERB_CONJUNCTIONS.has(conj.lower) || verb.cap || NOT_A_HEAD.has(verb.lower) || lexicons().functionWords.has(verb.lower)) return null;
  const subject = toks[k - 2];
  if (!subject || !/^\s+$/.test(text.slice(subject.end, verb.start)) || !/^\s+$/.test(text.slice(verb.end, conj.start))) return null;
  const p = phraseEndingAt(toks, k - 2, mentionsByEnd, text);
  return p && (p.kind === 'mention' || (p.kind === 'pronoun' && p.head !== 'it')) ? p : null;
}
