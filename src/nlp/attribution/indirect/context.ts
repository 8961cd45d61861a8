import type { Span } from '../../../model/span.js';
import type { Mention, Quote, Sentence } from '../../types.js';
import type { Token } from '../../tokens.js';
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
}

export interface IndirectPass {
  name: string;
  /** Findings in this sentence; an empty list leaves the sentence to the next pass. */
  find(c: IndirectContext, s: Candidate): IndirectFinding[];
}

export function words(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** The content span without surrounding spaces, commas and final punctuation; null when empty or too short. */
export function contentSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /[\s,:]/.test(text[start] ?? '')) start++;
  while (end > start && /[\s.!?,;:]/.test(text[end - 1] ?? '')) end--;
  if (end <= start || words(text.slice(start, end)) < MIN_CONTENT_WORDS) return null;
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
