import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { MONTHS, MONTH_ABBR, WEEKDAYS } from '../../nlp/dates.js';
import type { SourceDoc } from '../source-doc.js';
import { words, type Word } from '../text/tokens.js';
import { conflictFrom, touchesQuote, type Stance } from './common.js';
import { statementCandidates } from './restated-candidates.js';

/**
 * Date conflicts on one statement restated: two sources print the same sentence, word for word but
 * for its date words, and the dates differ ("placed Thomas on injured reserve Wednesday" / "...
 * Tuesday"; "returned to prison in June 1999" / "in April 1999"; "officials said Tuesday" / "said
 * Friday"). Whatever the date dates (the happening, or the statement itself), one sentence carried
 * by two outlets reports one thing at one time, so two dates cannot both hold. The other passes
 * need an event word or a name to tie two differently worded sentences together; here the rest of
 * the sentence being the same is the tie, and a tight one: the words outside the dates may differ
 * in at most a few small words, never in a name or a figure (two briefs of one template, "signed
 * Ann Marlow Monday" / "signed Joe Brandt Tuesday", tell of two signings).
 */

/** Month names that are also common words (the modal "May", the verb "march"): months only before a number or after these. */
const AMBIGUOUS_MONTHS = new Set(['may', 'march']);
const MONTH_CUES = new Set(['in', 'of', 'since', 'last', 'early', 'late', 'mid', 'until', 'by', 'during', 'from', 'this', 'next']);
/** A sentence needs this many words besides its dates to be a statement worth comparing. */
const MIN_FRAME_WORDS = 7;
/** Words outside the dates that may differ (each side) and still be one statement: "said"/"stated", "the". */
export const MAX_OTHER_WORDS = 2;
/** ...and no more than this share of the sentence's words. */
const MAX_OTHER_SHARE = 0.12;

interface Atom extends Span {
  /** "weekday", "month", "day", "year". */
  kind: string;
  value: string;
}

interface Restatement {
  source: number;
  sentence: Span;
  atoms: Atom[];
  /** The words outside the dates, normalised, in order. */
  frame: Word[];
}

export function restatedDateConflicts(docs: SourceDoc[]): Conflict[] {
  const all = docs.flatMap((d) => d.sentences.map((s) => restatement(d, s)).filter((r): r is Restatement => r !== null));
  // Sentences are grouped by their date words' kinds: only those can be one statement.
  const byShape = new Map<string, Restatement[]>();
  for (const r of all) {
    const shape = r.atoms.map((a) => a.kind).join(' ');
    const list = byShape.get(shape);
    if (list) list.push(r);
    else byShape.set(shape, [r]);
  }
  const out: Conflict[] = [];
  for (const list of byShape.values()) {
    const used = new Set<Restatement>();
    // Only the sentences that can be one statement with the seed (restated-candidates.ts), in list order.
    const candidatesOf = statementCandidates(list.map((r) => r.frame), MAX_OTHER_WORDS);
    for (const [p, seed] of list.entries()) {
      if (used.has(seed)) continue;
      const candidates = candidatesOf(p).map((j) => list[j] as Restatement);
      const group = [seed, ...candidates.filter((r) => r !== seed && !used.has(r) && r.source !== seed.source && sameStatement(seed, r))];
      if (group.length < 2) continue;
      const c = conflictOf(group, docs);
      if (!c) continue;
      group.forEach((g) => used.add(g));
      out.push(c);
    }
  }
  return out;
}

/** One conflict from the restatements of one sentence, on the date words that vary between them. */
function conflictOf(group: Restatement[], docs: SourceDoc[]): Conflict | null {
  const first = group[0] as Restatement;
  const varying = first.atoms.map((_, i) => i).filter((i) => new Set(group.map((g) => g.atoms[i]?.value)).size > 1);
  if (!varying.length) return null;
  const text = (g: Restatement): string => (docs[g.source] as SourceDoc).text;
  const stances: Stance[] = [];
  const labels = new Map<string, string>();
  for (const g of group) {
    const value = varying.map((i) => g.atoms[i]?.value).join(' ');
    const atoms = expression(g.atoms, varying, text(g));
    labels.set(value, text(g).slice(atoms.start, atoms.end));
    stances.push({ source: g.source, value, span: g.sentence });
  }
  const opening = text(first).slice(first.sentence.start, first.sentence.end).split(/\s+/).slice(0, 6).join(' ');
  return conflictFrom('date', `the date in the same sentence (“${opening} …”)`, stances, docs, (v) => labels.get(v) ?? v, 'the rest of the sentence is the same, so it reports one thing at one time');
}

/** The printed date expression around the varying date words: the run of date words they belong to ("Wednesday, September 18, 2013"). */
function expression(atoms: Atom[], varying: number[], text: string): Span {
  let lo = varying[0] as number;
  let hi = varying[varying.length - 1] as number;
  const joined = (a: Atom, b: Atom): boolean => /^[\s,]*$/.test(text.slice(a.end, b.start));
  while (lo > 0 && joined(atoms[lo - 1] as Atom, atoms[lo] as Atom)) lo--;
  while (hi < atoms.length - 1 && joined(atoms[hi] as Atom, atoms[hi + 1] as Atom)) hi++;
  return { start: (atoms[lo] as Atom).start, end: (atoms[hi] as Atom).end };
}

/** A sentence's date words and the words around them, or null when it has no date outside quotations. */
function restatement(doc: SourceDoc, s: Span): Restatement | null {
  const ws = words(doc.text, s.start, s.end);
  const atoms: Atom[] = [];
  const frame: Word[] = [];
  ws.forEach((w, i) => {
    const a = atomOf(ws, i);
    if (a) atoms.push({ start: w.start, end: w.end, ...a });
    else frame.push(w);
  });
  if (!atoms.length || frame.length < MIN_FRAME_WORDS) return null;
  // A date inside a quotation is the quote's: a changed quotation is the quote pass's.
  if (atoms.some((a) => touchesQuote(doc, a))) return null;
  return { source: doc.index, sentence: s, atoms, frame };
}

/** The date word at ws[i]: a weekday, a month, a day of the month next to a month, a year. */
function atomOf(ws: Word[], i: number): { kind: string; value: string } | null {
  const w = ws[i] as Word;
  const n = w.norm;
  if (w.capital && WEEKDAYS.includes(n)) return { kind: 'weekday', value: n };
  const month = monthAt(ws, i);
  if (month) return { kind: 'month', value: String(month) };
  if (!w.numeric || !/^\d+$/.test(n)) return null;
  const v = Number(n);
  if (n.length === 4 && v >= 1800 && v <= 2099) return { kind: 'year', value: n };
  // "September 18", "18 September": a day only next to a month.
  if (v >= 1 && v <= 31 && n.length <= 2 && ((i > 0 && monthAt(ws, i - 1)) || monthAt(ws, i + 1))) return { kind: 'day', value: n };
  return null;
}

function monthAt(ws: Word[], i: number): number | null {
  const w = ws[i];
  if (!w?.capital) return null;
  const full = MONTHS.indexOf(w.norm) + 1;
  // Abbreviations ("Aug. 29", "Sept 3") are 0-based in the shared table.
  const month = full || (Object.hasOwn(MONTH_ABBR, w.norm) ? (MONTH_ABBR[w.norm] ?? -1) + 1 : 0);
  if (!month) return null;
  const next = ws[i + 1];
  const numberAfter = next !== undefined && next.numeric;
  if (AMBIGUOUS_MONTHS.has(w.norm) && !numberAfter && !MONTH_CUES.has(ws[i - 1]?.norm ?? '')) return null;
  // An abbreviation or a sentence's first word is a month only before a number ("Aug. 29").
  if ((!full || i === 0) && !numberAfter) return null;
  return month;
}

/**
 * Two sentences are one statement when their words outside the dates are the same but for at most
 * a few small words each: none of them a name or a figure.
 */
export function sameStatement(a: Pick<Restatement, 'frame'>, b: Pick<Restatement, 'frame'>): boolean {
  const extra = (x: Word[], y: Word[]): Word[] | null => {
    const counts = new Map<string, number>();
    for (const w of y) counts.set(w.norm, (counts.get(w.norm) ?? 0) + 1);
    const left: Word[] = [];
    for (const w of x) {
      const c = counts.get(w.norm) ?? 0;
      if (c > 0) counts.set(w.norm, c - 1);
      else if (w.capital || w.numeric || left.push(w) > MAX_OTHER_WORDS) return null;
    }
    return left;
  };
  const limit = Math.max(a.frame.length, b.frame.length) * MAX_OTHER_SHARE;
  const ab = extra(a.frame, b.frame);
  const ba = ab && extra(b.frame, a.frame);
  return ab !== null && ba !== null && Math.max(ab.length, ba.length) <= Math.max(1, limit);
}
