import { contentKey, words } from '../text/tokens.js';
import { unitKeys, type ClaimUnit } from './units.js';

/** A figure bound to a word ("40-wagon", "33-year-old"): the figure and the word it counts. */
const BOUND = /^(\d+)-(\p{L}+)/u;

/**
 * What a figure counts in a clause: the word bound to it ("40-wagon") or the content word right
 * after it ("40 minutes"); null when nothing follows it ("Reid, 33,"), which fits any unit.
 */
export function figureUnit(c: ClaimUnit, figure: string): string | null | undefined {
  const ws = c.words;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (!w) continue;
    const bound = BOUND.exec(w.norm);
    if (bound?.[1] === figure) return bound[2] ?? null;
    if (w.norm !== figure) continue;
    const next = ws[i + 1];
    if (!next || next.numeric || next.start > w.end + 1) return null;
    const k = contentKey(next);
    return k === null ? null : k;
  }
  return undefined;
}

/**
 * One figure may count different things ("40 wagons", "40 minutes"): the clauses sharing a figure
 * are one fact only where they count the same thing. Keeps the clauses with the most common unit
 * and those that name none.
 */
export function sameCount(figure: string, list: ClaimUnit[]): ClaimUnit[] {
  const units = list.map((c) => figureUnit(c, figure));
  const counts = new Map<string, number>();
  for (const u of units) if (u) counts.set(u, (counts.get(u) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  return list.filter((_, i) => !units[i] || units[i] === top);
}

const FIGURE_KEY = /^\d/u;

/**
 * Which sources give each figure anywhere in their text (a number's content key: "4,300", "5.2",
 * "9"), so a sentence can tell whether a figure of its own is one no other source states.
 */
export function figureSources(docs: readonly { index: number; text: string }[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const d of docs)
    for (const k of unitKeys(words(d.text))) {
      if (!FIGURE_KEY.test(k)) continue;
      const set = out.get(k) ?? new Set<number>();
      set.add(d.index);
      out.set(k, set);
    }
  return out;
}

/** Whether `u` gives a figure that no other source gives anywhere (a count only it reports). */
export function hasOwnFigure(u: ClaimUnit, bySource: Map<string, Set<number>>): boolean {
  return u.keys.some((k) => FIGURE_KEY.test(k) && ![...(bySource.get(k) ?? [])].some((s) => s !== u.source));
}
