import type { Span } from '../../../model/span.js';
import type { Mention, Quote, Sentence } from '../../types.js';
import { tokenize, type Token } from '../../tokens.js';
import { lexicons } from '../../lexicons.js';
import type { SpeakerPhrase } from '../../speaker-phrase.js';
import type { AttributionContext } from '../working.js';

/** Fewer words than this after a cue is not a reported statement ("he said so"). */
export const MIN_CONTENT_WORDS = 3;

/** What an indirect-speech pass reads: the article, its direct quotes, lookups over its names. */
export interface IndirectContext {
  text: string;
  sentences: Sentence[];
  direct: Quote[];
  byStart: Map<number, Mention>;
  byEnd: Map<number, Mention>;
  /** Persons named outside quotes, in order. */
  people: Mention[];
}

/** One sentence offered to the passes, with its tokens. */
export interface Candidate {
  sentence: Sentence;
  toks: Token[];
}

/** What a pass finds: the reported content, the phrase that speaks and the cue. */
export interface IndirectFinding {
  content: Span;
  /** Null only when the cue is plain but the phrase is not ("According to the latest figures, ..."). */
  phrase: SpeakerPhrase | null;
  cue: Token | null;
  cueText: string | null;
  /** The speaker when already known (the speaker of a quote the phrase refers back to). */
  speaker?: string | null;
}

export interface IndirectPass {
  name: string;
  /**
   * Findings in this sentence. The runner keeps those whose cue and content lie outside what the
   * earlier passes found, so a later pass only fills what earlier ones left open.
   */
  find(c: IndirectContext, s: Candidate): IndirectFinding[];
  /** Also offered sentences holding a direct quote (its findings must then stay clear of the quotes). */
  inQuotedSentences?: boolean;
}

/** Words that may open a participle clause after its comma (", while saying ..."). */
const PARTICIPLE_OPENERS = new Set(['while', 'before', 'after', 'also', 'then']);

/** Token index where the participle clause holding the participle at `j` opens (its comma is before it), or -1. */
export function participleOpening(text: string, toks: Token[], j: number): number {
  let k = j;
  while (k > 0 && PARTICIPLE_OPENERS.has((toks[k - 1] as Token).lower) && j - k < 2) k--;
  const before = toks[k - 1];
  return before && text.slice(before.end, (toks[k] as Token).start).includes(',') ? k : -1;
}

/** Where a clause reporting speech ends: before a participle clause of its own (", saying ...", ", adding that ..."). */
export function clauseEnd(text: string, toks: Token[], from: number, end: number): number {
  for (let j = from + 1; j < toks.length && (toks[j] as Token).start < end; j++) {
    if (!isParticipleCue(toks[j] as Token)) continue;
    const k = participleOpening(text, toks, j);
    if (k > from) return (toks[k - 1] as Token).end;
  }
  return end;
}

/** Auxiliaries that make an -ing form finite, so it reports like a plain verb ("is demanding that", "were considering"). */
const PROGRESSIVE_AUX = new Set(['is', 'are', 'was', 'were']);

/** Is token `i` an -ing form that is not a finite verb (a participle, a noun)? */
export function nonFiniteIng(toks: Token[], i: number): boolean {
  return /ing$/.test((toks[i] as Token).lower) && !PROGRESSIVE_AUX.has(toks[i - 1]?.lower ?? '');
}

/** An -ing form of a speech verb ("saying", "adding", "noting"). */
export function isParticipleCue(t: Token): boolean {
  return /ing$/.test(t.lower) && lexicons().speechVerbs.has(t.lower);
}

/** At least `n` words in [start, end)? (The article's tokens are cached, so this costs a search, not a regex pass.) */
function hasWords(text: string, start: number, end: number, n: number): boolean {
  return tokenize(text, start, end).length >= n;
}

/** The content span without surrounding spaces, commas and final punctuation; null when empty or too short. */
export function contentSpan(text: string, start: number, end: number, minWords = MIN_CONTENT_WORDS): Span | null {
  while (start < end && /[\s,:]/.test(text[start] ?? '')) start++;
  while (end > start && /[\s.!?,;:]/.test(text[end - 1] ?? '')) end--;
  if (end <= start || !hasWords(text, start, end, minWords)) return null;
  return { start, end };
}

export function buildIndirectContext(ctx: AttributionContext, direct: Quote[]): IndirectContext {
  const byEnd = new Map<number, Mention>();
  const byStart = new Map<number, Mention>();
  for (const m of ctx.mentions) {
    byEnd.set(m.end, m);
    byStart.set(m.start, m);
  }
  const quoted = direct.map((q) => ({ start: q.open?.start ?? q.start, end: q.close?.end ?? q.end }));
  const people = ctx.mentions.filter((m) => m.kind === 'person' && !quoted.some((q) => q.start <= m.start && m.end <= q.end));
  return { text: ctx.text, sentences: ctx.sentences, direct, byStart, byEnd, people };
}
