import type { Conflict } from '../../model/dossier.js';
import { findQuantities, type Quantity } from '../../nlp/quantities/index.js';
import type { ClaimStage } from '../claims/index.js';
import type { SourceDoc } from '../source-doc.js';
import { evidenceOf } from './common.js';
import { measureName, sameMeasure, weakMeasure } from './number-measure.js';
import { sentenceWords } from './number-context.js';
import { compatible } from './number-range.js';

/** One source's figure for a measure. */
interface Stated {
  q: Quantity;
  source: number;
  /** Content words of the figure's sentence. */
  words: Set<string>;
  /** Figures in the figure's sentence. */
  figures: number;
}

function linked(a: Stated, b: Stated): boolean {
  if (!sameMeasure(a.q, b.q)) return false;
  if (!weakMeasure(a.q) || a.source === b.source) return true;
  if (a.figures > MAX_FIGURES_FOR_WEAK || b.figures > MAX_FIGURES_FOR_WEAK) return false;
  let shared = 0;
  for (const w of a.words) if (b.words.has(w)) shared++;
  return shared >= WEAK_MEASURE_OVERLAP * Math.min(a.words.size, b.words.size);
}

/**
 * Share of the shorter sentence's content words the other must contain before a weak measure (a
 * count of things with no event, "29 catches") is read as one fact: such counts recur for different
 * players, seasons or places, and only sentences about the same thing share most of their words.
 */
const WEAK_MEASURE_OVERLAP = 0.5;

/**
 * A sentence with more figures than this is a line of statistics ("269 yards and two touchdowns on 83
 * carries"), where one noun counts for different players and seasons: its weak measures are not compared.
 */
const MAX_FIGURES_FOR_WEAK = 3;

/** Evidence spans one source may give one side: a figure repeated more often adds nothing. */
const MAX_EVIDENCE_PER_SOURCE = 2;

/**
 * Number conflicts: every figure of every source read as a measurement (src/nlp/quantities);
 * figures of the same measure from different sources that cannot both hold (bounds, ranges and
 * rounding respected, src/compare/conflicts/number-range.ts) make one conflict per measure, however
 * many claim groups the sentences fall into. A source that itself gives two incompatible figures for
 * one measure shows the measure is not one fact (two events, two places), so it is not compared.
 * When the sides were published at different times, the later one is named as a possible update.
 */
export function numberConflicts(docs: SourceDoc[], _claims: ClaimStage): Conflict[] {
  const stated: Stated[] = docs.flatMap((doc) => {
    const found = findQuantities(doc.text, [...doc.headlines, ...doc.sentences], doc.analysis.dates);
    const figures = (q: Quantity): number => found.filter((o) => o.sentence === q.sentence).length;
    return found.map((q) => ({ q, source: doc.index, words: sentenceWords(doc.text, q.sentence), figures: figures(q) }));
  });
  const out: Conflict[] = [];
  for (const measure of clusters(stated, linked)) {
    if (new Set(measure.map((s) => s.source)).size < 2 || selfContradicting(measure)) continue;
    const sides = clusters(measure, (a, b) => compatible(a.q, b.q));
    if (sides.length < 2) continue;
    out.push(conflictOf(measure[0] as Stated, sides, docs));
  }
  return out;
}

/** Connected groups of `items` under `linked` (union-find, in input order, so deterministic). */
function clusters<T>(items: T[], linked: (a: T, b: T) => boolean): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) if (find(i) !== find(j) && linked(items[i] as T, items[j] as T)) parent[find(j)] = find(i);
  const groups = new Map<number, T[]>();
  items.forEach((x, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), x]));
  return [...groups.values()];
}

function selfContradicting(measure: Stated[]): boolean {
  return measure.some((a) => measure.some((b) => a !== b && a.source === b.source && !compatible(a.q, b.q)));
}

const plural = (n: number): string => `${n} source${n === 1 ? '' : 's'}`;

function conflictOf(first: Stated, groups: Stated[][], docs: SourceDoc[]): Conflict {
  const sides = groups
    .map((g) => ({ g, n: new Set(g.map((s) => s.source)).size, first: Math.min(...g.map((s) => s.source)) }))
    .sort((a, b) => b.n - a.n || a.first - b.first)
    .map(({ g, n }) => {
      const doc = (s: Stated): SourceDoc => docs[s.source] as SourceDoc;
      const values = [...new Set(g.map((s) => doc(s).text.slice(s.q.figure.start, s.q.figure.end)))].slice(0, 3);
      const evidence = [];
      const perSource = new Map<number, number>();
      for (const s of [...g].sort((a, b) => a.source - b.source || a.q.span.start - b.q.span.start)) {
        if ((perSource.get(s.source) ?? 0) >= MAX_EVIDENCE_PER_SOURCE) continue;
        perSource.set(s.source, (perSource.get(s.source) ?? 0) + 1);
        evidence.push(evidenceOf(doc(s), s.q.span));
      }
      return { value: values.join(' / '), evidence, n, sources: [...new Set(g.map((s) => s.source))] };
    });
  const summary = `Outlets disagree on ${measureName(first.q)}: ${sides.map((s) => `${s.value} (${plural(s.n)})`).join(' vs ')}.`;
  const conflict: Conflict = { id: '', kind: 'number', summary, sides: sides.map(({ value, evidence }) => ({ value, evidence })) };
  const later = laterSide(sides, docs);
  if (later) {
    conflict.possibleUpdate = { value: later.value, sources: later.sources.map((i) => (docs[i] as SourceDoc).id) };
    conflict.summary += ` The later reports say ${later.value}: possibly an update.`;
  }
  return conflict;
}

/** The side every one of whose sources was published after every source of the other sides, if any. */
function laterSide<S extends { sources: number[]; value: string }>(sides: S[], docs: SourceDoc[]): S | null {
  const time = (i: number): number => Date.parse((docs[i] as SourceDoc).article.published ?? '');
  const all = sides.flatMap((s) => s.sources);
  if (all.some((i) => Number.isNaN(time(i)))) return null;
  for (const side of sides) {
    const others = all.filter((i) => !side.sources.includes(i));
    if (Math.min(...side.sources.map(time)) > Math.max(...others.map(time))) return side;
  }
  return null;
}
