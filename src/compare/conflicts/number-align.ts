import type { Quantity } from '../../nlp/quantities/index.js';
import { compatible } from './number-range.js';
import { placeRelation } from './number-place.js';

/** One source's figure for a measure, with the content words of its sentence. */
export interface Stated {
  q: Quantity;
  source: number;
  words: Set<string>;
  /** Capitalised words of that sentence (number-context.ts). */
  names: Set<string>;
  /** The person named nearest the figure (number-context.ts): whose figure it is ("the $9m deal that Ann Lee got"). */
  owner: string | null;
  /** The day its sentence states (a resolved date), if any. */
  day: string | null;
  /** The weekday its sentence names ("on Tuesday"), resolved or not. */
  weekday: string | null;
  /** The years its sentence states (number-context.ts `sentencePeriod`), if any. */
  period: string | null;
  /** The word after the figure. */
  next: string;
  /** Figures before this one in its sentence. */
  ordinal: number;
  /** Where it was counted, for a count kept per place (number-place.ts), if named. */
  place: string | null;
}

/** Connected groups of `items` under `linked` (union-find, in input order, so deterministic). */
export function clusters<T>(items: T[], linked: (a: T, b: T) => boolean): T[][] {
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

/** Shared words as a share of the larger set: how nearly two sentences say the same. */
function likeness(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.max(1, a.size, b.size);
}

/**
 * The facts inside one measure. A source may give several figures for one measure ("six rifles
 * seized today", "14 rifles in all"), so each figure is paired, in every other source, only with the
 * figure whose sentence is most like its own, when that figure's best match back is it (mutual best
 * match), never with a figure counted in another place. Figures joined by such pairs make one fact; a source giving two figures of one fact that
 * cannot both hold is left out of it; a fact whose figures all agree is no conflict.
 */
export function factsOf(measure: Stated[]): Stated[][] {
  const best = (a: Stated, source: number): Stated | undefined => {
    let top: Stated | undefined;
    let score = -1;
    for (const b of measure) {
      const where = placeRelation(a.place, b.place);
      if (b.source !== source || where === 'other') continue;
      // The same place named makes the pair whatever the words.
      const s = likeness(a.words, b.words) + (where === 'same' ? 1 : 0);
      if (s > score) [top, score] = [b, s];
    }
    return top;
  };
  const paired = (a: Stated, b: Stated): boolean => a.source !== b.source && best(a, b.source) === b && best(b, a.source) === a;
  return clusters(measure, paired)
    .map((fact) => {
      // A source giving two figures of one fact that cannot both hold is no witness for either,
      // unless some of them are counted where another source counts its figure (one city's crowd
      // among a list of cities'): those stay, the rest go.
      const torn = new Set(fact.filter((a) => fact.some((b) => a.source === b.source && !compatible(a.q, b.q))).map((a) => a.source));
      const placed = (a: Stated): boolean => fact.some((b) => b.source !== a.source && placeRelation(a.place, b.place) === 'same');
      return fact.filter((a) => !torn.has(a.source) || (placed(a) && !fact.some((b) => b !== a && b.source === a.source && placed(b))));
    })
    .filter((fact) => new Set(fact.map((s) => s.source)).size > 1 && fact.some((a) => fact.some((b) => !compatible(a.q, b.q))));
}

/** Shared words as a share of the smaller set (overlap coefficient). */
export function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.max(1, Math.min(a.size, b.size));
}
