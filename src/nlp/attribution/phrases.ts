import type { Span } from '../../model/span.js';
import type { Sentence } from '../types.js';
import { lexicons } from '../lexicons.js';
import { tokenize, type Token } from '../tokens.js';
import { BETWEEN_SPEAKER_AND_CUE, coordinatedVerbSubject, phraseEndingAt, phraseStartingAt, type SpeakerPhrase } from '../speaker-phrase.js';
import { INVERTED_LEMMAS, type Cue } from './cues.js';
import { SUBJECT_MAX_WORDS, sentenceAt, type SieveContext } from './context.js';
import { share } from './indirect/subject.js';

/** Auxiliaries that make a past participle passive ("was asked", "were told"). */
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'get', 'got']);

/** Verbs that, right after the word following an inverted cue, make that word the content's subject ("said Roth was right"). */
const FINITE_AFTER_SUBJECT = new Set(['was', 'is', 'were', 'are', 'had', 'has', 'have', 'would', 'will', 'could', 'should', 'can', 'did', 'does', 'might', 'may']);

/** A speaker phrase with the cue that names it, and who it was said to. */
export interface Found {
  phrase: SpeakerPhrase | null;
  cue: Cue | null;
  addressee: Span | null;
}

/** Words at most of a descriptor's complement before the name set off after it ("the spokesman of the city police, X"). */
const APPOSITION_COMPLEMENT_MAX_WORDS = 5;

/**
 * "the ministry spokesman, Ruben Afolabi, said" / "said the spokesman of the police, Ruben Afolabi.":
 * a descriptor followed, after a comma, by the person it describes; the name closes the apposition
 * (a comma or the clause's end after it). The person is the speaker, the descriptor only says who
 * they are. Any language: the commas do the work, not the words.
 */
export function namedInApposition(c: SieveContext, phrase: SpeakerPhrase | null): SpeakerPhrase | null {
  if (phrase?.kind !== 'descriptor') return null;
  const rest = c.text.slice(phrase.end, phrase.end + 80);
  const comma = rest.indexOf(',');
  if (comma < 0 || /[.;:!?"“”«»()\n]/.test(rest.slice(0, comma))) return null;
  if ((rest.slice(0, comma).match(/\S+/g) ?? []).length > APPOSITION_COMPLEMENT_MAX_WORDS) return null;
  const at = phrase.end + comma + 1 + (/^\s*/.exec(rest.slice(comma + 1))?.[0].length ?? 0);
  const m = c.mentionsByStart.get(at);
  if (m?.kind !== 'person' || !/^\s*(?:[,.;:!?]|$)/.test(c.text.slice(m.end, m.end + 2))) return null;
  return { start: m.start, end: m.end, kind: 'mention', mention: m, head: m.canonical };
}

/**
 * Commas at most walked back past a phrase naming no person, to the name a second apposition
 * follows ("Holm, the deputy mayor of Vell, one of the towns in the league, said": not "Vell").
 */
const APPOSITION_MAX_EXTRA_COMMAS = 2;

/** The phrase ending before the comma at `pos`, over `toks` up to index `k`. */
function phraseBeforeComma(c: SieveContext, toks: Token[], k: number, pos: number): SpeakerPhrase | null {
  let jj = k;
  while (jj >= 0 && (toks[jj] as Token).start > pos) jj--;
  return jj >= 0 ? phraseEndingAt(toks, jj, c.mentionsByEnd, c.text) : null;
}

/**
 * "Okafor, the ministry spokesman, said": the phrase before the apposition's opening comma. When
 * that phrase names no person or organisation (a place, a role: the apposition may hold a second
 * one), a person named before an earlier comma of the window is the speaker.
 */
function beforeApposition(c: SieveContext, toks: Token[], k: number, windowStart: number): SpeakerPhrase | null {
  const t = toks[k] as Token;
  let pos = windowStart + c.text.slice(windowStart, t.end).lastIndexOf(',');
  if (pos < windowStart) return null;
  const first = phraseBeforeComma(c, toks, k, pos);
  const notPerson = first !== null && first.kind !== 'pronoun' && first.mention?.kind !== 'person' && first.mention?.kind !== 'org';
  for (let extra = 0; notPerson && extra < APPOSITION_MAX_EXTRA_COMMAS; extra++) {
    pos = c.text.lastIndexOf(',', pos - 1);
    if (pos < windowStart) break;
    const p = phraseBeforeComma(c, toks, k, pos);
    if (p?.mention?.kind === 'person') return p;
  }
  return first;
}

/** "X outlined his plan and vowed ...": a coordinated verb shares the sentence's subject. */
function coordinatedSubject(c: SieveContext, toks: Token[], k: number, windowStart: number): SpeakerPhrase | null {
  const conj = toks[k] as Token;
  const si = sentenceAt(c.sentences, windowStart);
  if ((conj.lower !== 'and' && conj.lower !== 'but') || windowStart !== (c.sentences[si] as Sentence).start) return null;
  const sub = c.subjectOf.get(si);
  if (sub && sub.start < conj.start) return sub;
  for (let j = 0; j < Math.min(k, SUBJECT_MAX_WORDS); j++) {
    const p = phraseStartingAt(toks, j, c.mentionsByStart, c.text);
    if (p) return p;
    if (!lexicons().functionWords.has((toks[j] as Token).lower)) break;
  }
  return null;
}

/** The speaker of `cue` among `toks` (a window starting at `windowStart`): its subject, or the phrase after an inverted verb. */
export function speakerOfCue(c: SieveContext, toks: Token[], cue: Cue, windowStart: number): Found {
  const { text } = c;
  const none: Found = { phrase: null, cue, addressee: null };
  if (cue.phrase === 'according') return { phrase: phraseStartingAt(toks, cue.index + cue.words, c.mentionsByStart, text), cue, addressee: null };
  // "..., adding:" / ", saying": the sentence's subject speaks (found by the caller).
  const before = toks[cue.index - 1];
  if (before && /ing$/.test(cue.token.lower) && text.slice(before.end, cue.token.start).includes(',')) return none;
  // "X was asked": X is spoken to; the speaker is the agent ("asked by host Y"), if named.
  if (PASSIVE_AUX.has(before?.lower ?? '') && /ed$|told$/.test(cue.token.lower)) {
    return toks[cue.index + 1]?.lower === 'by' ? { phrase: phraseStartingAt(toks, cue.index + 2, c.mentionsByStart, text), cue, addressee: null } : none;
  }
  // Subject before the verb, over adverbs and auxiliaries and an apposition between commas.
  let k = cue.index - 1;
  while (k >= 0) {
    const t = toks[k] as Token;
    const next = toks[k + 1] as Token;
    if (text.slice(t.end, next.start).includes(',')) {
      // "Beck, who said": "who" refers to the name before its comma, and is where this cue names it.
      const antecedent = next.lower === 'who' ? phraseEndingAt(toks, k, c.mentionsByEnd, text) : null;
      if (antecedent?.mention) return { phrase: { ...antecedent, start: next.start, end: next.end }, cue, addressee: null };
      const outer = beforeApposition(c, toks, k, windowStart);
      return { phrase: namedInApposition(c, outer) ?? outer, cue, addressee: null };
    }
    if (!BETWEEN_SPEAKER_AND_CUE.has(t.lower)) break;
    k--;
  }
  const phrase = k >= 0 ? (phraseEndingAt(toks, k, c.mentionsByEnd, text) ?? coordinatedVerbSubject(toks, k, c.mentionsByEnd, text) ?? coordinatedSubject(c, toks, k, windowStart) ?? share(toks, k, text)) : null;
  if (phrase) return { phrase, cue, addressee: null };
  // "said X" (inverted), but not "said X was ...", where X is the subject of the content.
  const inverted = INVERTED_LEMMAS.has(cue.lemma) && !FINITE_AFTER_SUBJECT.has(toks[cue.index + 2]?.lower ?? '') ? phraseStartingAt(toks, cue.index + 1, c.mentionsByStart, text) : null;
  const after = namedInApposition(c, inverted) ?? inverted;
  if (after && !cue.token.lower.endsWith('ing') && (after.kind !== 'pronoun' || ['he', 'she'].includes(after.head))) return { phrase: after, cue, addressee: null };
  return none;
}

/** Does the sentence hold a speech or belief verb outside quotes? */
export function sentenceHasVerb(c: SieveContext, s: Sentence): boolean {
  const lex = lexicons();
  return tokenize(c.text, s.start, s.end).some((t) => (lex.speechVerbs.has(t.lower) || lex.cognitiveVerbs.has(t.lower)) && !c.insideQuote(t.start));
}

/** The phrase opening a sentence (a name, pronoun or determiner phrase), before `to`. */
export function sentenceOpeningPhrase(c: SieveContext, from: number, to: number): SpeakerPhrase | null {
  const toks = tokenize(c.text, from, to);
  const first = toks[0];
  if (!first || c.insideQuote(first.start)) return null;
  const p = phraseStartingAt(toks, 0, c.mentionsByStart, c.text);
  if (!p || (p.kind === 'pronoun' && (p.head === 'i' || p.head === 'we'))) return null;
  // The phrase must be followed by a verb-like word, not be an introductory phrase ("In 2010, ...").
  return /^[^,;:]*$/.test(c.text.slice(p.end, Math.min(to, p.end + 3))) ? p : null;
}

/** The first person or organisation named (outside quotes) in [from, to), else a he/she/they. */
export function firstNameIn(c: SieveContext, from: number, to: number): SpeakerPhrase | null {
  let pronoun: SpeakerPhrase | null = null;
  for (const t of tokenize(c.text, from, to)) {
    if (c.insideQuote(t.start)) continue;
    const m = c.mentionsByStart.get(t.start);
    if (m && (m.kind === 'person' || m.kind === 'org')) return { start: m.start, end: m.end, kind: 'mention', mention: m, head: m.canonical };
    if (!pronoun && ['he', 'she', 'they'].includes(t.lower)) pronoun = { start: t.start, end: t.end, kind: 'pronoun', mention: null, head: t.lower };
  }
  return pronoun;
}
