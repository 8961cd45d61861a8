import type { Span } from '../../model/span.js';
import type { Mention, Sentence } from '../types.js';
import { tokenize, type Token } from '../tokens.js';
import { phraseEndingAt, type SpeakerPhrase } from '../speaker-phrase.js';
import { END, OUTER_END, OUTER_START, START, type AttributionContext, type Working } from './working.js';

/** A sentence's subject is looked for among its first words. */
export const SUBJECT_MAX_WORDS = 12;

/** Everything the passes read: the article, its quotes, lookups over its names. Built once, never changed. */
export interface SieveContext {
  text: string;
  paragraphs: Span[];
  sentences: Sentence[];
  work: Working[];
  mentionsByStart: Map<number, Mention>;
  mentionsByEnd: Map<number, Mention>;
  personMentions: Mention[];
  /** The sentence's subject: the first person named in its first words, outside quotes. */
  subjectOf: Map<number, SpeakerPhrase>;
  /** Is `pos` inside a top-level quotation (marks included)? */
  insideQuote: (pos: number) => boolean;
  /** Where each quote's attribution may lie. */
  windows: QuoteWindow[];
}

export interface QuoteWindow {
  /** Index of the sentence where the quote opens. */
  sentence: number;
  /** Attribution before the quote starts here (the sentence start, or inside the enclosing quote). */
  lo: number;
  /** Attribution after the quote ends before here (paragraph end, next quote, enclosing quote's end). */
  hi: number;
  /** Attribution before the quote starts after the previous quote of its level. */
  before: number;
}

export function sentenceAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Sentence;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(sentences.length - 1, lo - 1));
}

/** Membership in sorted, non-overlapping spans by binary search. */
function insideAny(extents: Span[]): (pos: number) => boolean {
  return (pos) => {
    let lo = 0;
    let hi = extents.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((extents[mid] as Span).start <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && pos < (extents[found] as Span).end;
  };
}

/** Words after which a sentence's first words hold no subject: a complement clause opens ("the fact-checkers ruled that Marek's claim ..."). */
const SUBJECT_ENDS = new Set(['that']);

/** Subjects: the first person named in a sentence (outside quotes); a sentence opening with he/she refers to the previous one's. */
function subjects(text: string, sentences: Sentence[], byEnd: Map<number, Mention>, insideQuote: (pos: number) => boolean): Map<number, SpeakerPhrase> {
  const subjectOf = new Map<number, SpeakerPhrase>();
  let lastSubject: SpeakerPhrase | null = null;
  sentences.forEach((s, si) => {
    const toks = tokenize(text, s.start, Math.min(s.end, s.start + 200));
    for (let k = 0; k < Math.min(toks.length, SUBJECT_MAX_WORDS); k++) {
      const t = toks[k] as Token;
      if (insideQuote(t.start) || SUBJECT_ENDS.has(t.lower)) break;
      if ((t.lower === 'he' || t.lower === 'she') && lastSubject) {
        // The pronoun is where this sentence refers to the person: keep its span, resolved to the name.
        subjectOf.set(si, { ...lastSubject, start: t.start, end: t.end });
        break;
      }
      const p = phraseEndingAt(toks, k, byEnd, text);
      if (p && p.kind === 'mention' && p.mention?.kind === 'person') {
        subjectOf.set(si, p);
        lastSubject = p;
        break;
      }
    }
  });
  return subjectOf;
}

function windowOf(ctx: AttributionContext, work: Working[], qi: number): QuoteWindow {
  const q = work[qi] as Working;
  const { sentences } = ctx;
  const outerQ = q.parent !== null ? work[q.parent] : undefined;
  const si = sentenceAt(sentences, OUTER_START(q));
  const sentence = sentences[si] as Sentence;
  // Inside an enclosing quote the attribution must lie inside it too.
  const lo = outerQ ? Math.max(sentence.start, START(outerQ)) : sentence.start;
  const hiSentence = sentences[sentenceAt(sentences, Math.max(OUTER_END(q) - 1, OUTER_START(q)))] as Sentence;
  // A quote ending its sentence may still be attributed in the next words (`"..." Berg told reporters`).
  const paraEnd = ctx.paragraphs[q.paragraph + q.parts.length - 1]?.end ?? hiSentence.end;
  let hi = outerQ ? Math.min(END(outerQ), paraEnd) : paraEnd;
  for (let j = qi + 1; j < work.length; j++) {
    const next = work[j] as Working;
    if (next.parent === q.parent && OUTER_START(next) >= OUTER_END(q)) {
      hi = Math.min(hi, OUTER_START(next));
      break;
    }
  }
  let before = lo;
  for (let j = qi - 1; j >= 0; j--) {
    const other = work[j] as Working;
    if (other.parent === q.parent && OUTER_END(other) <= OUTER_START(q) && OUTER_END(other) > before) {
      before = OUTER_END(other);
      break;
    }
  }
  return { sentence: si, lo, hi, before };
}

export function buildContext(ctx: AttributionContext, work: Working[]): SieveContext {
  const { text, sentences, mentions } = ctx;
  const mentionsByEnd = new Map<number, Mention>();
  const mentionsByStart = new Map<number, Mention>();
  for (const m of mentions) {
    mentionsByEnd.set(m.end, m);
    mentionsByStart.set(m.start, m);
  }
  // The quoted stretches with their marks; the attribution between an interrupted quote's parts is outside.
  const extents = work
    .filter((q) => q.parent === null)
    .flatMap((q) => q.parts.map((p) => ({ start: Math.max(0, p.start - 2), end: p.end + 2 })))
    .sort((a, b) => a.start - b.start);
  const insideQuote = insideAny(extents);
  return {
    text,
    paragraphs: ctx.paragraphs,
    sentences,
    work,
    mentionsByStart,
    mentionsByEnd,
    personMentions: mentions.filter((m) => m.kind === 'person'),
    subjectOf: subjects(text, sentences, mentionsByEnd, insideQuote),
    insideQuote,
    windows: work.map((_, qi) => windowOf(ctx, work, qi)),
  };
}
