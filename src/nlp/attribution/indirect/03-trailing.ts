import { lexicons } from '../../lexicons.js';
import type { Token } from '../../tokens.js';
import { phraseEndingAt, phraseStartingAt, type SpeakerPhrase } from '../../speaker-phrase.js';
import { contentSpan, type IndirectPass } from './context.js';

/** Longest speaker phrase and apposition read in a trailing attribution, in characters. */
const SPEAKER_MAX_CHARS = 80;
const APPOSITION_MAX_CHARS = 200;

/**
 * What may follow a trailing cue before the sentence ends: a few words ("on Monday", "in a
 * statement"), or a phrase opened by a preposition ("in an interview with the local paper"). A
 * longer clause ("Sanders reiterated his belief that ...") is the verb's own content, not a tail.
 */
const REST = `(?:(?:\\s+[^\\s,;:"“”]+){0,4}|\\s+(?:on|in|at|during|to|last|this|after|before|from|while|when|via|through|late|early)\\b[^,;:"“”]{0,60})`;
/**
 * A subordinate clause may close the sentence after the tail (", as the debate went on", ", when
 * asked about it"): it sets the scene of the saying, it is not the verb's content.
 */
const SUBORDINATE_TAIL = `(?:,\\s+(?:as|when|while|after|before|because|although|though)\\b[^;:"“”]{0,120})?`;

export interface Patterns {
  /** The verb forms the patterns know: a sentence without one after a comma is not tried. */
  forms: Set<string>;
  /** "..., X said." / "..., X, the party's leader, said on Monday." */
  trailing: RegExp;
  /** "..., said X." / "..., said X, a professor at ...": built for the first sentence that may hold one (verbAfterComma). */
  invertedSource: string;
  inverted: RegExp | null;
}

let cached: Patterns | null = null;

/** The patterns, over the speech verbs' finite forms (not weak verbs, which need a quotation mark). */
/** Exported for its test, as is verbAfterComma. */
export function patterns(): Patterns {
  if (cached) return cached;
  const lex = lexicons();
  const forms = [...lex.speechVerbs.entries()].filter(([f, lemma]) => !lex.weakVerbs.has(lemma) && !/ing$/.test(f) && /^[a-z]+$/.test(f)).map(([f]) => f);
  const verb = `(${forms.sort((a, b) => b.length - a.length).join('|')})`;
  const q = '"“”';
  cached = {
    forms: new Set(forms),
    trailing: new RegExp(`,\\s*([^,;:${q}]{2,${SPEAKER_MAX_CHARS}}?)(?:,[^;:${q}]{2,${APPOSITION_MAX_CHARS}}?,)?\\s+${verb}\\b${REST}${SUBORDINATE_TAIL}[.!?]?\\s*$`, 'd'),
    inverted: null,
    invertedSource: `,\\s*${verb}\\s+([^,;:${q}]{2,${SPEAKER_MAX_CHARS}}?)(?:,[^;:${q}]{2,${APPOSITION_MAX_CHARS}})?[.!?]?\\s*$`,
  };
  return cached;
}

const AFTER_COMMA = /,\s*(\S+)\s/y;

/**
 * True when some comma of the sentence is followed, past any spaces, by a verb form and a space:
 * the inverted pattern (a comma, spaces, a verb form, spaces) cannot match a sentence without one.
 */
export function verbAfterComma(sentence: string, forms: Set<string>): boolean {
  for (let i = sentence.indexOf(','); i >= 0; i = sentence.indexOf(',', i + 1)) {
    AFTER_COMMA.lastIndex = i;
    const m = AFTER_COMMA.exec(sentence);
    if (m && forms.has(m[1] as string)) return true;
  }
  return false;
}

/** A trailing attribution: the content runs from the sentence start to the comma before it. */
export const trailingAttribution: IndirectPass = {
  name: 'indirect:trailing',
  find(c, { sentence: s, toks }) {
    const lex = lexicons();
    const P = patterns();
    const { trailing: T, forms } = P;
    const comma = c.text.indexOf(',', s.start);
    if (comma < 0 || comma >= s.end || !toks.some((t) => t.start > comma && forms.has(t.lower))) return [];
    const sentence = c.text.slice(s.start, s.end);
    const trailing = T.exec(sentence);
    const inverted = trailing || !verbAfterComma(sentence, forms) ? null : (P.inverted ??= new RegExp(P.invertedSource, 'd')).exec(sentence);
    const tail = trailing ?? inverted;
    if (!tail || tail.index === 0) return [];
    const at = s.start + tail.index;
    // The cue: the verb the pattern matched (after the speaker and apposition, or right after the comma).
    const verbAt = s.start + (tail.indices?.[trailing ? 2 : 1]?.[0] ?? tail.index);
    const cue = toks.find((t) => t.start >= verbAt && lex.speechVerbs.has(t.lower));
    if (!cue) return [];
    const ci = toks.indexOf(cue);
    const phrase: SpeakerPhrase | null = inverted ? pastPossessive(c.byStart, c.text, toks, phraseStartingAt(toks, ci + 1, c.byStart, c.text)) : speakerBefore(c.byEnd, c.text, toks, ci, at);
    // "..., said X." : X must be all that follows the verb, but for an apposition ("said the strike would last" is no speaker).
    // eslint-disable-next-line security/detect-unsafe-regex -- applied to the rest of one sentence; the groups are separated by fixed characters
    if (inverted && phrase && !/^\s*(?:,.*)?[.!?"”']*\s*$/s.test(c.text.slice(phrase.end, s.end))) return [];
    const content = contentSpan(c.text, s.start, at);
    return content && phrase ? [{ content, phrase, cue, cueText: cue.text }] : [];
  },
};

/** "said the paper's Ana Roth": a possessive phrase is the owner; the person after it speaks. */
function pastPossessive(byStart: Parameters<typeof phraseStartingAt>[2], text: string, toks: Token[], p: SpeakerPhrase | null): SpeakerPhrase | null {
  if (!p || !/^['’]s\s/.test(text.slice(p.end, p.end + 3))) return p;
  const k = toks.findIndex((t) => t.start > p.end + 2);
  const owned = k >= 0 ? phraseStartingAt(toks, k, byStart, text) : null;
  return owned ?? p;
}

/** The phrase before the cue, or before an apposition set off by commas ("Berg, the spokeswoman, said"). */
function speakerBefore(byEnd: Parameters<typeof phraseEndingAt>[2], text: string, toks: Token[], ci: number, from: number): SpeakerPhrase | null {
  const cue = toks[ci] as Token;
  const prev = toks[ci - 1];
  if (!prev) return null;
  if (!text.slice(prev.end, cue.start).includes(',')) return phraseEndingAt(toks, ci - 1, byEnd, text);
  // The token before the apposition's opening comma (the first comma after `from`'s comma).
  const open = text.indexOf(',', text.indexOf(',', from) + 1);
  const k = toks.findIndex((t) => t.end > open) - 1;
  return k >= 0 && (toks[k] as Token).start > from ? phraseEndingAt(toks, k, byEnd, text) : null;
}
