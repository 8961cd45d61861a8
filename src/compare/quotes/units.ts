import type { Span } from '../../model/span.js';
import { lexicons } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { sentenceSpans } from '../text/sentences.js';
import { contentKey, words, type Word } from '../text/tokens.js';
import { attributeSpeaker, speakerKey, type Attribution } from './speaker.js';

/**
 * A quote unit: one sentence of quoted words, at the innermost level of nesting. Quotes are
 * compared unit by unit so that a source quoting one sentence meets a source quoting three.
 */
export interface QuoteUnit extends Span {
  source: number;
  /** Index of the quotation (in the source's `quotes`) this unit belongs to. */
  quote: number;
  words: Word[];
  keys: string[];
  attribution: Attribution;
  /** Position among its source's units, in text order. */
  order: number;
  /**
   * How this unit follows the source's previous unit: 'quotation' when it goes on in the same
   * quotation with nothing but spaces and punctuation between (one rendering), 'attribution' when it
   * opens the same speaker's next quotation after only an attribution or a paragraph break
   * ("A," she said. "B."), null otherwise. Read by the clustering to keep an utterance's parts
   * together.
   */
  continues: 'quotation' | 'attribution' | null;
}

/** Characters between two quotations for the second to continue the first after an attribution. */
const MAX_ATTRIBUTION_GAP = 80;

/**
 * Fewer printed words than this is a fragment ("way"), not a quotable utterance. Two words are
 * enough: outlets quote the same phrase of a speaker ("cautious optimist", as in the tests). ECB+ dev
 * stories' mean composite: 3 words 0.885, 2 words (with the title test below) 0.891.
 */
const MIN_UNIT_WORDS = 2;
/** A quoted stretch this short with every word capitalised is a title or a name ("Harbour Lights"), not words spoken. */
const TITLE_MAX_WORDS = 2;
/** A framing stretch ("So he goes like,") is short and carries a speech verb. */
const MAX_FRAMING_WORDS = 7;

export function quoteUnits(doc: SourceDoc): QuoteUnit[] {
  const out: QuoteUnit[] = [];
  const { speechVerbs } = lexicons();
  // Children grouped once: filtering every quote's children anew is quadratic in quote-dense texts.
  const childrenOf = new Map<number, Span[]>();
  for (const c of doc.quotes) {
    if (c.parent === null) continue;
    const list = childrenOf.get(c.parent) ?? [];
    list.push({ start: c.open.start, end: c.close ? c.close.end : c.end });
    childrenOf.set(c.parent, list);
  }
  doc.quotes.forEach((q, qi) => {
    const attribution = attributeSpeaker(doc, qi);
    const children = childrenOf.get(qi) ?? [];
    for (const range of ownRanges(q, children)) {
      for (const s of sentenceSpans(doc.text, range.start, range.end)) {
        const span = trimPunctuation(doc.text, s);
        if (span.end <= span.start) continue;
        const ws = words(doc.text, span.start, span.end);
        const spoken = ws.filter((w) => !w.inserted && !w.ellipsis);
        if (spoken.length < MIN_UNIT_WORDS || (spoken.length <= TITLE_MAX_WORDS && spoken.every((w) => w.capital))) continue;
        const keys = [...new Set(spoken.map(contentKey).filter((k): k is string => k !== null))];
        if (keys.length === 0) continue;
        const raw = doc.text.slice(s.start, s.end);
        const framing = /[,:;—–-]\s*$/.test(raw) && spoken.length <= MAX_FRAMING_WORDS && spoken.some((w) => speechVerbs.has(w.norm));
        if (framing && children.length > 0) continue;
        out.push({ source: doc.index, quote: qi, start: span.start, end: span.end, words: ws, keys, attribution, order: 0, continues: null });
      }
    }
  });
  out.sort((a, b) => a.start - b.start);
  const reaches = quoteReach(doc);
  out.forEach((u, i) => {
    u.order = i;
    const prev = out[i - 1];
    if (prev) u.continues = continuation(doc, prev, u, reaches);
  });
  return out;
}

/** See QuoteUnit.continues. */
/**
 * Whether a quotation other than `a` and `b` starts before `before` and ends after `after`, in
 * O(log n): the quotes sorted by start, with the three largest ends seen so far (a scan of every quote
 * per unit is quadratic in quote-dense texts; three, so that two excluded quotes leave one).
 */
type Reach = (after: number, before: number, a: number, b: number) => boolean;

function quoteReach(doc: SourceDoc): Reach {
  const sorted = doc.quotes.map((q, i) => ({ start: q.start, end: q.end, i })).sort((x, y) => x.start - y.start || x.i - y.i);
  const top: { end: number; i: number }[][] = [];
  for (const [k, q] of sorted.entries()) {
    top.push([...(top[k - 1] ?? []), { end: q.end, i: q.i }].sort((x, y) => y.end - x.end).slice(0, 3));
  }
  return (after, before, a, b) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.start ?? Infinity) < before) lo = mid + 1;
      else hi = mid;
    }
    const best = (top[lo - 1] ?? []).find((t) => t.i !== a && t.i !== b);
    return best !== undefined && best.end > after;
  };
}

function continuation(doc: SourceDoc, a: QuoteUnit, b: QuoteUnit, reaches: Reach): 'quotation' | 'attribution' | null {
  const gap = doc.text.slice(a.end, b.start);
  if (a.quote === b.quote) return /[\p{L}\p{N}]/u.test(gap) ? null : 'quotation';
  if (gap.length > MAX_ATTRIBUTION_GAP) return null;
  // Nested quotations are someone else's words inside the speaker's.
  if (doc.quotes[a.quote]?.parent !== null || doc.quotes[b.quote]?.parent !== null) return null;
  // Nothing quoted between the two but their own marks: no third quotation, no nested one.
  const between = reaches(a.end, b.start, a.quote, b.quote);
  if (between) return null;
  const sa = speakerKey(a.attribution.speaker);
  const sb = speakerKey(b.attribution.speaker);
  if (sa && sb && sa !== sb) return null;
  // A quotation going on in the next paragraph (reopened there): nothing but marks between.
  if (!/[\p{L}\p{N}]/u.test(gap)) return 'attribution';
  // Only an attribution in between: a speech verb, and no line break (a new paragraph's words are
  // the writer's narration, not a "she said").
  if (gap.includes('\n')) return null;
  const { speechVerbs } = lexicons();
  return words(gap).some((w) => speechVerbs.has(w.norm)) ? 'attribution' : null;
}

function ownRanges(q: Span, children: Span[]): Span[] {
  const out: Span[] = [];
  let at = q.start;
  for (const c of [...children].sort((a, b) => a.start - b.start)) {
    if (c.start > at) out.push({ start: at, end: c.start });
    at = Math.max(at, c.end);
  }
  if (q.end > at) out.push({ start: at, end: q.end });
  return out;
}

/** Drops leading and trailing spaces, commas, colons and dashes (not full stops or elisions). */
function trimPunctuation(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,;:—–\-'"‘’“”]/.test(text[start] as string)) start++;
  while (end > start && /[\s,;:—–\-'"‘’“”]/.test(text[end - 1] as string)) end--;
  return { start, end };
}
