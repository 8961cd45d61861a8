import type { Span } from '../../model/span.js';
import { stem } from '../../compare/text/stem.js';
import { ageOwner, boundBefore, directionBefore, eventNear, headAfter, headBefore } from './measure.js';
import { quantityLexicon, type BoundKind } from './lexicon.js';
import { quantityTokens, type QToken } from './tokens.js';
import { valueAt, type Value } from './value.js';

export type { BoundKind } from './lexicon.js';

/**
 * A figure read as a measurement: what is measured (head nouns, the event counted, whose age), the
 * value with unit and scale, its bound, the direction of a change, and the words that state it.
 * A figure whose measured thing cannot be read ("$43 million" alone) comes with no head and no event.
 */
export interface Quantity {
  /** The words stating the figure and what it measures ("at least seven people"). */
  span: Span;
  /** The figure itself, with its bound ("more than $52 billion"). */
  figure: Span;
  sentence: Span;
  dim: string;
  value: number;
  lo: number;
  hi: number;
  precision: number;
  /** Written rounded ("$43 million", "20,000"): it may stand for a larger figure cut short. */
  rounded: boolean;
  bound: BoundKind | null;
  direction: 0 | 1 | -1;
  head: string[];
  headText: string | null;
  event: string | null;
  owner: string | null;
  /** The age owner's given name when printed (measure.ts). */
  given: string | null;
}

/** "35 to 40", "three or four", "between 30 and 40": one figure with two ends. */
function withRange(tokens: QToken[], v: Value): Value {
  const link = tokens[v.last + 1]?.lower;
  if (link !== 'to' && link !== 'or' && !(link === 'and' && tokens[v.first - 1]?.lower === 'between')) return v;
  if (tokens[v.first - 1]?.lower === 'from') return v; // "from 12 to 18" is a change, read below
  const w = valueAt(tokens, v.last + 2);
  if (!w || (v.dim !== 'count' && v.dim !== w.dim) || w.value < v.value) return v;
  return { ...w, first: v.first, lo: v.dim === w.dim ? v.lo : v.lo * (w.precision / v.precision), hi: w.hi, value: w.value, precision: Math.max(v.precision, w.precision) };
}

function measureOf(tokens: QToken[], v: Value, bound: { kind: BoundKind; at: number } | null): Omit<Quantity, 'span' | 'figure' | 'sentence' | 'value' | 'lo' | 'hi' | 'precision' | 'rounded' | 'dim' | 'bound'> & { from: number; to: number } | null {
  const lex = quantityLexicon();
  const from = bound?.at ?? v.first;
  const dir = directionBefore(tokens, from);
  const skip = new Set(dir ? [dir.at] : []);
  if (v.dim === 'age') {
    const o = ageOwner(tokens, v);
    if (!o) return null;
    return { direction: 0, head: ['age'], headText: 'age', event: null, owner: o.owner, given: o.given, from: Math.min(from, o.at), to: Math.max(v.last, o.at) };
  }
  // "a mother of 12": the size of a family, whatever happened to the mother.
  if (v.dim === 'count' && tokens[v.first - 1]?.lower === 'of' && lex.kinOf.has(tokens[v.first - 2]?.lower ?? '')) {
    return { direction: 0, head: ['child'], headText: 'children', event: null, owner: null, given: null, from: v.first - 2, to: v.last };
  }
  const money = v.dim.startsWith('money:');
  const after = v.dim === 'count' || money || v.unitAt !== null || v.dim === '%' ? headAfter(tokens, v.last, money, v.dim === '%') : null;
  const before = headBefore(tokens, dir?.at ?? from);
  const head = after ?? before;
  const ev = eventNear(tokens, dir?.at ?? from, after?.end ?? v.last, skip);
  let headStems = head?.head ?? [];
  let event = ev?.event ?? null;
  // One event word, two senses: people "seized" are arrested; games "missing" were missed.
  if (event === 'seize' && headStems[0] === 'person') event = 'arrest';
  if (event === 'missing' && headStems.length && headStems[0] !== 'person') event = 'miss';
  // "lived half a mile away": where someone lives is told by a distance, never by a count.
  if (event === 'reside' && v.dim !== 'distance') event = null;
  if (headStems[0] === 'toll') {
    headStems = ['person'];
    event ??= 'kill';
  }
  if (!headStems.length && event && lex.peopleEvents.has(event) && v.dim === 'count') headStems = ['person'];
  // A count of people with nothing happening to them, or a figure with neither noun nor event, is
  // still returned: the comparison reads such weak measures only between near-identical sentences.
  const start = Math.min(from, before && !after ? before.at : from, dir?.at ?? from, ev && ev.at < from ? ev.at : from);
  const end = Math.max(v.last, after?.end ?? v.last, ev && ev.at > v.last ? ev.end : v.last);
  return { direction: dir?.direction ?? 0, head: headStems, headText: head?.text ?? null, event, owner: null, given: null, from: start, to: end };
}

/** "Smith, 61," : an age given after a name. */
function appositiveAge(tokens: QToken[], v: Value): Value {
  if (v.dim !== 'count' || v.value < 1 || v.value > 110 || v.first !== v.last) return v;
  if (tokens[v.first - 1]?.text !== ',' || !/^\p{Lu}/u.test(tokens[v.first - 2]?.text ?? '')) return v;
  const next = tokens[v.last + 1];
  if (next && next.text !== ',' && next.text !== '.' && next.lower !== 'of' && next.lower !== 'and') return v;
  return { ...v, dim: 'age' };
}

/**
 * Figures listed together share their verb: in "six rifles, 12 magazines and 300 rounds were seized"
 * each is seized. A figure with no event of its own takes its list neighbour's.
 */
function shareListEvents(text: string, list: Quantity[]): void {
  const joined = (a: Quantity, b: Quantity): boolean => a.sentence === b.sentence && /^\s*(?:,|and|,\s*and)\s*$/.test(text.slice(a.span.end, b.figure.start));
  for (let pass = 0; pass < 2; pass++)
    for (let i = 0; i < list.length; i++) {
      const q = list[i] as Quantity;
      if (q.event || q.dim !== 'count') continue;
      const next = list[i + 1];
      const prev = list[i - 1];
      const from = next && next.dim === 'count' && joined(q, next) && next.event ? next : prev && prev.dim === 'count' && joined(prev, q) && prev.event ? prev : null;
      if (from && from.head[0] !== 'person' && q.head[0] !== 'person') list[i] = { ...q, event: from.event };
    }
}

/** Measure nouns whose bare figure is in their own unit: "temperatures were minus 20" is degrees. */
const DIM_OF_HEAD: ReadonlyMap<string, string> = new Map(['temperature', 'temperatures'].map((w) => [stem(w), 'temperature']));

/** The dimension of a figure: its unit's, or, for a bare figure, its measure noun's. */
function dimOf(dim: string, head: string[]): string {
  return (dim === 'count' && head.length === 1 && DIM_OF_HEAD.get(head[0] as string)) || dim;
}

/**
 * How far outside its sentence findQuantities reads the text: one character before a figure that
 * opens it (unreadable) and up to three after one that closes it (zeroPadded). A sentence's figures
 * depend on nothing else but its own words and the excluded spans overlapping it, so callers may
 * read a sentence once with this much context (src/compare/conflicts/number-memo.ts).
 */
export const SENTENCE_CONTEXT = { before: 1, after: 3 } as const;

/**
 * A figure glued to a slash or to a character the text lost (U+FFFD): "41/2 months" is 4 1/2 typed
 * without its fraction sign, "4\uFFFD months" a fraction sign lost in decoding, "9/11" a date or a
 * name. Its value cannot be read, so it is not compared.
 */
function unreadable(text: string, figure: Span): boolean {
  return /[/\uFFFD]/.test(text.charAt(figure.end)) || /[/\uFFFD]/.test(text.charAt(figure.start - SENTENCE_CONTEXT.before));
}

/**
 * A whole number written with a leading zero ("desk 05", "unit 007", "0241 GMT") is a code, a label
 * or a clock time, never a count: prose writes counts without padding. Decimals ("0.5") are figures.
 */
function zeroPadded(text: string, figure: Span): boolean {
  return /^0\d/.test(text.slice(figure.start, figure.end)) && !/^0\d*[.,]\d/.test(text.slice(figure.start, figure.end + SENTENCE_CONTEXT.after));
}

/** Every measurement in the given sentences, skipping figures inside `exclude` (dates). */
export function findQuantities(text: string, sentences: Span[], exclude: Span[] = []): Quantity[] {
  const out: Quantity[] = [];
  for (const sentence of sentences) {
    const tokens = quantityTokens(text, sentence);
    let covered = -1;
    for (let i = 0; i < tokens.length; i++) {
      if (i <= covered) continue;
      let v = valueAt(tokens, i);
      if (!v) continue;
      const span0 = { start: (tokens[v.first] as QToken).start, end: (tokens[v.last] as QToken).end };
      if (exclude.some((d) => d.start < span0.end && span0.start < d.end) || unreadable(text, span0) || zeroPadded(text, span0)) continue;
      v = appositiveAge(tokens, withRange(tokens, v));
      covered = v.last;
      const bound = boundBefore(tokens, v.first);
      const m = measureOf(tokens, v, bound);
      if (!m) continue;
      const { from, to, ...measure } = m;
      const dim = dimOf(v.dim, measure.head);
      // A temperature is no count of an event: "minus 20 as firefighters battled" is the weather's.
      if (dim === 'temperature') measure.event = null;
      const figFrom = bound?.at ?? v.first;
      out.push({
        ...measure,
        span: { start: (tokens[from] as QToken).start, end: (tokens[to] as QToken).end },
        figure: { start: (tokens[figFrom] as QToken).start, end: (tokens[v.last] as QToken).end },
        sentence,
        dim,
        value: v.value,
        lo: v.lo,
        hi: v.hi,
        precision: v.precision,
        rounded: v.rounded,
        bound: bound?.kind ?? null,
      });
    }
  }
  shareListEvents(text, out);
  return out;
}
