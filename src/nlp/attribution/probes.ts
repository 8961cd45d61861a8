import { lexicons } from '../lexicons.js';
import type { Span } from '../../model/span.js';
import type { Sentence } from '../types.js';
import { tokenize, type Token } from '../tokens.js';
import { phraseStartingAt, type SpeakerPhrase } from '../speaker-phrase.js';
import { INVERTED_LEMMAS, addresseeAfter, cuesIn, type Cue } from './cues.js';
import { speakerOfCue, firstNameIn, namedInApposition, type Found } from './phrases.js';
import { OUTER_START, type Working } from './working.js';
import type { SieveContext } from './context.js';
import { withoutAdverbialCues } from './opening-adverbial.js';
import { mainClauseSubject } from './clause-subject.js';

/**
 * The two readings most passes share: the cue right after a closing mark, and the cue before an
 * opening mark. Passes decide which of them to accept; these only read.
 */

/** How far after the closing mark an attribution is looked for. */
const AFTER_WINDOW = 140;
/** Words allowed after a trailing cue before its clause ends ("X said on Monday."). */
const TRAILING_REST_MAX_WORDS = 4;
/** Words after a closing mark searched for a trailing cue. */
const TRAILING_MAX_WORDS = 16;
/** Words at most between the closing mark and the speaker-and-cue of a trailing attribution. */
const AFTER_MAX_SKIP = 1;
/** After a quote ending in a comma the sentence goes on, so its attribution may come later ("...," if he can, Berg said). */
const AFTER_MAX_SKIP_COMMA = 8;
/**
 * Verbs that are a cue only right before the quotation mark, this many words or fewer: "he goes,
 * like, "..."" is speech, "once the Senate goes on recess, "..."" is not.
 */
const ADJACENT_ONLY = new Set(['go']);
const ADJACENT_MAX_DISTANCE = 3;
/** Words that end a trailing attribution search: a new clause starts ("...choice." So he goes; "...," while most said the same; subordinators other than "if", which may wrap the cue: "...," if he can, Berg said). */
const CLAUSE_OPENERS = new Set(['so', 'and', 'but', 'then', 'or', 'yet', 'because', 'while', 'whereas', 'when', 'after']);

/** The quote's last character, past the closing marks of a quote nested at its end (`...,'"`). */
function lastCharBefore(text: string, mark: number): string {
  let lc = mark - 1;
  while (lc > 0 && /['’"”]/.test(text[lc] ?? '')) lc--;
  return text[lc] ?? '';
}

/** After a quote that ends its sentence, only "X said." or "X told reporters, ..." attributes it, not "X insisted that ...". */
function endsAttribution(text: string, toks: Token[], cue: Cue, aEnd: number): boolean {
  const addressee = addresseeAfter(text, toks, cue, aEnd);
  const rest = text.slice(addressee ? addressee.end : cue.token.end, aEnd);
  const stop = rest.search(/[.,:;!?"“”]/);
  return stop >= 0 && /[.,:]/.test(rest.charAt(stop)) && (rest.slice(0, stop).match(/\S+/g) ?? []).length <= TRAILING_REST_MAX_WORDS;
}

/**
 * `"...B." She adds, "C."`: after a quote that ends its sentence, a clause running into the next
 * quotation's opening mark with a comma or colon introduces that quotation, not this one.
 */
function introducesNext(text: string, cue: Cue, aEnd: number, hi: number): boolean {
  return aEnd === hi && /^["“«„]/.test(text.slice(hi, hi + 1)) && /^[^.!?;"“”]*[,:]\s*$/.test(text.slice(cue.end, aEnd));
}

/** `"...," he said` / `"...?" asked X` / `"..." Berg told reporters` / `"..." ― X` after the closing mark `close`. */
export function trailingCue(c: SieveContext, close: Span, hi: number, nested: boolean): Found | null {
  const { text } = c;
  const aEnd = Math.min(hi, close.end + AFTER_WINDOW);
  const toks = tokenize(text, close.end, aEnd).filter((t) => nested || !c.insideQuote(t.start) || t.start < close.end);
  const lastChar = lastCharBefore(text, close.start);
  const first = toks[0];
  if (!first) return null;
  // "..." ― Sonya Herridge: a dash and a name end the paragraph.
  if (/^\s*[\u2015\u2014\u2013-]\s*/.test(text.slice(close.end, close.end + 4)) && first.cap) {
    const ph = phraseStartingAt(toks, 0, c.mentionsByStart, text);
    if (ph) return { phrase: ph, cue: null, addressee: null };
  }
  // Not `"...choice." So he goes`; and a quote ending mid-phrase ("a “con” artist") has no trailing cue.
  if (CLAUSE_OPENERS.has(first.lower) || /[.!?;:]/.test(text.slice(close.end, first.start))) return null;
  if (lastChar === '.' && first.cap && c.insideQuote(first.start)) return null;
  const maxSkip = lastChar === ',' ? AFTER_MAX_SKIP_COMMA : AFTER_MAX_SKIP;
  // The cue may follow a long apposition ("..." Scott Pruitt, the attorney general of Oklahoma, said).
  const cue = cuesIn(toks.slice(0, TRAILING_MAX_WORDS), true, text)[0];
  if (!cue) return null;
  // A verb first, or after only a compound tense's auxiliary ("..., a déclaré le ministre"), may have its speaker after it.
  if (cue.phrase === 'verb' && toks.slice(0, cue.index).every((t) => lexicons().auxiliaries.has(t.lower))) {
    const inverted = INVERTED_LEMMAS.has(cue.lemma) ? phraseStartingAt(toks, cue.index + 1, c.mentionsByStart, text) : null;
    const ph = namedInApposition(c, inverted) ?? inverted;
    return ph ? { phrase: ph, cue, addressee: addresseeAfter(text, toks, cue, aEnd) } : null;
  }
  if (!/[,.!?\u2014\u2013\u2026-]/.test(lastChar)) return null;
  if (cue.phrase === 'according') return cue.index <= maxSkip ? { phrase: phraseStartingAt(toks, cue.index + cue.words, c.mentionsByStart, text), cue, addressee: null } : null;
  const f = speakerOfCue(c, toks, cue, close.end);
  const at = f.phrase ? toks.findIndex((t) => t.start >= (f.phrase as SpeakerPhrase).start) : -1;
  if (!f.phrase || at < 0 || at > maxSkip) return null;
  if (/[.!?]/.test(lastChar) && (!endsAttribution(text, toks, cue, aEnd) || introducesNext(text, cue, aEnd, hi))) return null;
  return { ...f, addressee: addresseeAfter(text, toks, cue, aEnd) };
}

/** The trailing reading of quote `qi`: between an interrupted quote's parts first, then after its closing mark. */
export function trailingOf(c: SieveContext, qi: number): Found | null {
  const q = c.work[qi] as Working;
  const w = c.windows[qi];
  let found: Found | null = null;
  for (const gap of q.gaps) {
    found = trailingCue(c, gap.close, gap.open.start, false);
    if (found?.phrase) return found;
  }
  if (q.close && w) found = trailingCue(c, q.close, w.hi, q.parent !== null);
  return found;
}

/** "he goes, "..."": a verb like "go" is a cue only a few words before the mark, set off by a comma or colon or "like". */
function adjacent(text: string, cue: Cue, mark: number, tokens: number): boolean {
  return cue.index >= tokens - ADJACENT_MAX_DISTANCE && /[,:]|\blike\b/.test(text.slice(cue.token.end, mark));
}

/** ", saying" / ", adding": a participle opening a clause of its own after a comma. */
function isParticipleAfterComma(text: string, toks: Token[], cue: Cue): boolean {
  const before = toks[cue.index - 1];
  return cue.token.lower.endsWith('ing') && before !== undefined && text.slice(before.end, cue.token.start).includes(',');
}

/**
 * The cue before the opening mark, within the sentence (after any previous quote of the level). A
 * partial quote inside a clause ("She said she recalls being "confused"") belongs to the main
 * clause's speaker: cues are tried from the first; a quote introduced by "said," or ":" from the last.
 * Null when there is no usable cue at all; a result with no phrase has a cue whose speaker is unknown.
 */
export function precedingOf(c: SieveContext, qi: number): Found | null {
  const q = c.work[qi] as Working;
  const w = c.windows[qi];
  if (!w) return null;
  const { text } = c;
  const toks = tokenize(text, w.before, OUTER_START(q));
  const listed = cuesIn(toks, true, text).filter((cue) => !ADJACENT_ONLY.has(cue.lemma) || adjacent(text, cue, OUTER_START(q), toks.length));
  const all = atSentenceStart(c, w.sentence, toks) ? withoutAdverbialCues(text, toks, listed) : listed;
  // Cues after ", saying" are inside what the participle reports ("..., saying the deal goes "...""): not speakers.
  const participle = all.findIndex((cue) => isParticipleAfterComma(text, toks, cue));
  const cues = participle >= 0 ? all.slice(0, participle + 1) : all;
  const introduced = /[,:]\s*$/.test(text.slice(w.before, OUTER_START(q)));
  let f: Found | null = null;
  for (const cue of introduced ? [...cues].reverse() : cues) {
    const g = speakerOfCue(c, toks, cue, w.before);
    if (!g.phrase && cue.token.lower.endsWith('ing')) continue; // "..., adding": an earlier cue or the subject
    const withAddressee = { ...g, addressee: addresseeAfter(text, toks, cue, OUTER_START(q)) };
    if (g.phrase) return withAddressee;
    f ??= withAddressee;
  }
  const onlyParticiple = cues.length > 0 && cues.every((x) => x.token.lower.endsWith('ing'));
  if (cues.length && (onlyParticiple || introduced || participle >= 0)) {
    // "..., adding:" / "saying": the subject of the sentence speaks.
    const sub = c.subjectOf.get(w.sentence);
    const clause = participle >= 0 ? mainClauseSubject(c, sentenceOf(c, w.sentence), (all[participle] as Cue).token.start) : null;
    // "it attacked Marek, saying ...": the clause's opening phrase acts, not a person named after it.
    const ph = (clause && (!sub || clause.start < sub.start) ? clause : null) ?? sub ?? firstNameIn(c, w.lo, participle >= 0 ? (all[participle] as Cue).token.start : OUTER_START(q));
    if (ph) return { phrase: ph, cue: cues[cues.length - 1] ?? null, addressee: null };
  }
  return f;
}

/** Do `toks` start where sentence `si` starts (no earlier quote of the sentence before them)? */
function atSentenceStart(c: SieveContext, si: number, toks: Token[]): boolean {
  const first = toks[0];
  return first !== undefined && c.text.slice(sentenceOf(c, si).start, first.start).trim() === '';
}

/** The sentence holding `pos`. */
export function sentenceOf(c: SieveContext, index: number): Sentence {
  return c.sentences[index] as Sentence;
}
