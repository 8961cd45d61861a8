import type { Span } from '../../model/span.js';
import type { Quote } from '../types.js';
import type { ScannedQuote } from '../quote-scan.js';
import { keepWithParents } from '../../model/keep-with-parents.js';
import { buildContext, type SieveContext } from './context.js';
import { cueSpan, cueText } from './cues.js';
import { QUOTE_PASSES } from './passes/index.js';
import { isCensored, isPartial, isSpeech, wordCount } from './quote-shape.js';
import { Readings, runSieve, type SieveState } from './sieve.js';
import { resolveSpeaker } from './speakers/resolve.js';
import type { Found } from './phrases.js';
import { END, mergeInterrupted, OUTER_END, START, toWorking, type AttributionContext } from './working.js';

export type { AttributionContext } from './working.js';

/**
 * Who said each quote, with which cue, to whom: join interrupted quotes, run the quote-to-phrase
 * sieve (passes/, nearest cue first), map each phrase to a person (speakers/), then leave out scare
 * quotes and titles. Inside a quote, "I" is the quote's speaker and "he" the last other person named.
 */

/** A quote with the pass that decided its speaker ('none' when no pass did). */
export interface TracedQuote {
  quote: Quote;
  pass: string;
}

interface Resolved {
  found: Found | null;
  speaker: string | null;
  speakerSpan: Span | null;
}

/** Stage two for quote `qi`: its phrase to a person, or the continued quote's speaker. */
function resolveOne(c: SieveContext, r: Readings, state: SieveState, qi: number, done: (Quote | null)[], speakerOf: (string | null)[]): Resolved {
  const d = state.decisions[qi]?.decision;
  // With no phrase, the cue still counts (it tells speech from a scare quote): the nearest reading's.
  const hint = (): Found | null => r.precedingOf(qi) ?? r.trailingOf(qi);
  if (!d) return { found: hint(), speaker: null, speakerSpan: null };
  if ('inherit' in d) {
    const prev = done[d.inherit];
    if (!prev?.speaker) return { found: hint(), speaker: null, speakerSpan: null };
    return { found: hint(), speaker: prev.speaker, speakerSpan: prev.speakerSpan };
  }
  const outer = c.work[qi]?.parent ?? null;
  const addresseeOf = (i: number): string | null => done[i]?.addressee ?? null;
  const speaker = resolveSpeaker(c, { phrase: d.phrase, outer, speakerOf, addresseeOf });
  return { found: d, speaker, speakerSpan: { start: d.phrase.start, end: d.phrase.end } };
}

/** The output quote for working quote `qi`, or null when it is not speech. */
function toQuote(c: SieveContext, qi: number, res: Resolved): Quote | null {
  const q = c.work[qi];
  const w = c.windows[qi];
  if (!q || !w) return null;
  const cue = res.found?.cue ?? null;
  const cueAfter = res.found?.phrase !== null && res.found?.phrase !== undefined && cue !== null && cue.token.start > OUTER_END(q);
  if (!isSpeech(c, q, w.lo, { speaker: res.speaker, cue, cueAfter, sentence: c.sentences[w.sentence] ?? { start: 0, end: 0, paragraph: 0, headline: false } })) return null;
  const [start, end] = [START(q), END(q)];
  const content = c.text.slice(start, end);
  const addressee = res.found?.addressee ?? null;
  return {
    start,
    end,
    text: content,
    parts: q.parts.map((p) => ({ start: p.start, end: p.end })),
    open: q.open,
    close: q.close,
    speaker: res.speaker,
    speakerSpan: res.speakerSpan,
    cue: cue ? cueText(cue) : null,
    cueSpan: cue ? cueSpan(cue) : null,
    addressee: addressee ? c.text.slice(addressee.start, addressee.end) : null,
    addresseeSpan: addressee,
    direct: true,
    nestedIn: q.parent,
    censored: isCensored(content),
    partial: isPartial(content, wordCount(c.text, q)),
  };
}

/** Every direct quote with its speaker and the pass that decided it. */
export function attributeQuotesTraced(ctx: AttributionContext, scanned: ScannedQuote[]): TracedQuote[] {
  const work = mergeInterrupted(ctx.text, toWorking(scanned), ctx.paragraphs);
  const c = buildContext(ctx, work);
  const readings = new Readings(c);
  const state = runSieve(QUOTE_PASSES, readings);
  const done: (Quote | null)[] = work.map(() => null);
  const speakerOf: (string | null)[] = work.map(() => null);
  const passOf = work.map((_, qi) => state.decisions[qi]?.pass ?? 'none');
  work.forEach((_, qi) => {
    const res = resolveOne(c, readings, state, qi, done, speakerOf);
    speakerOf[qi] = res.speaker;
    done[qi] = toQuote(c, qi, res);
  });
  const traced = done.map((quote, qi) => (quote ? { quote, pass: passOf[qi] ?? 'none' } : null));
  // Renumber nestedIn after dropped quotes.
  return keepWithParents(
    traced,
    (t): t is TracedQuote => t !== null,
    (t) => t.quote.nestedIn,
    (t, nestedIn) => ({ ...t, quote: { ...t.quote, nestedIn } }),
  );
}

export function attributeQuotes(ctx: AttributionContext, scanned: ScannedQuote[]): Quote[] {
  return attributeQuotesTraced(ctx, scanned).map((t) => t.quote);
}
