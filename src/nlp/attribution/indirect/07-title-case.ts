import { lexicons } from '../../lexicons.js';
import type { Token } from '../../tokens.js';
import type { SpeakerPhrase } from '../../speaker-phrase.js';
import { contentSpan, type IndirectContext, type IndirectFinding, type IndirectPass } from './context.js';

/**
 * A title in title case ended by a full stop, as prose is (lines without one are headlines, which
 * no pass reads): "Varga Says Museum Will Tell of 'Suffering'.", "Clean Energy Could Come, Ana
 * Lind Says.", "New Poll Shows Bump for Varga." Every word is capitalised there, so the other
 * passes (which take a capitalised verb for a name) do not read it. The verb is a reporting, belief
 * or stance verb in its -s form, the headline's present tense.
 */

/** Words of four letters or more, of which this share at least is capitalised: title case. */
const TITLE_CASE_SHARE = 0.8;
/** A title-case subject is at most this many words ("Former White House Doctor"). */
const SUBJECT_MAX_WORDS = 5;

function isTitleCase(toks: Token[]): boolean {
  const long = toks.filter((t) => t.text.length >= 4 && /^\p{L}/u.test(t.text));
  return long.length >= 3 && long.filter((t) => t.cap).length >= TITLE_CASE_SHARE * long.length;
}

/** A reporting, belief or stance verb's -s form ("Says", "Shows", "Endorses"), weak speech verbs too ("Calls", "Praises"): a title has no quotation to need. */
function isHeadlineVerb(t: Token): boolean {
  const lex = lexicons();
  const speech = lex.speechVerbs.get(t.lower);
  const known = speech !== undefined || lex.cognitiveVerbs.has(t.lower) || lex.stanceVerbs.has(t.lower);
  return known && /[^s]s$/.test(t.lower);
}

/** The words from `from` to `to` (exclusive) as the speaker: a name the NER found there, else the words as written. */
export function titleSubject(c: IndirectContext, toks: Token[], from: number, to: number): SpeakerPhrase | null {
  const first = toks[from];
  const last = toks[to - 1];
  if (!first || !last || to - from > SUBJECT_MAX_WORDS || /[,;:"“”‘’]/.test(c.text.slice(first.start, last.end))) return null;
  const m = c.byStart.get(first.start);
  if (m && m.end === last.end && (m.kind === 'person' || m.kind === 'org')) return { start: m.start, end: m.end, kind: 'mention', mention: m, head: m.canonical };
  return { start: first.start, end: last.end, kind: 'descriptor', mention: null, head: last.lower };
}

export const titleCase: IndirectPass = {
  name: 'indirect:title-case',
  find(c, { sentence: s, toks }) {
    if (!isTitleCase(toks)) return [];
    const i = toks.findIndex((t, k) => k > 0 && isHeadlineVerb(t));
    const verb = toks[i];
    if (!verb) return [];
    // "..., Ana Lind Says.": the speaker after the content's comma, the verb last.
    const comma = c.text.lastIndexOf(',', verb.start);
    if (i === toks.length - 1 && comma > s.start) {
      const k = toks.findIndex((t) => t.start > comma);
      const phrase = titleSubject(c, toks, k, i);
      const content = contentSpan(c.text, s.start, comma);
      return phrase && content ? [{ content, phrase, cue: verb, cueText: verb.text }] : [];
    }
    const phrase = titleSubject(c, toks, 0, i);
    const next = toks[i + 1];
    const content = next ? contentSpan(c.text, next.start, s.end) : null;
    return phrase && content ? [{ content, phrase, cue: verb, cueText: verb.text } satisfies IndirectFinding] : [];
  },
};
