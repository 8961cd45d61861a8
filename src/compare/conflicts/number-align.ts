import type { Quantity } from '../../nlp/quantities/index.js';
import { compatible } from './number-range.js';

/** One source's figure for a measure, with the content words of its sentence. */
export interface Stated {
  q: Quantity;
  source: number;
  words: Set<string>;
  /** Figures before this one in its sentence. */
  ordinal: number;
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

/** A source's figures for a measure that can all hold together: one value as that source gives it. */
interface Node {
  source: number;
  members: Stated[];
  words: Set<string>;
}

/** Shared words as a share of the smaller set (overlap coefficient). */
export function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.max(1, Math.min(a.size, b.size));
}

const nodeCompatible = (a: Node, b: Node): boolean => a.members.every((x) => b.members.every((y) => compatible(x.q, y.q)));

/**
 * The facts inside one measure. A source that gives two figures which cannot both hold ("six rifles
 * seized today", "14 rifles in all") speaks of two facts under one measure, so each of its values is
 * paired only with the value of another source whose sentence is most like its own, and that value's
 * best match back (mutual best match). Figures joined by such pairs make one fact; a fact in which
 * one source still gives two values is left out as ambiguous.
 */
export function factsOf(measure: Stated[]): Stated[][] {
  const nodes: Node[] = [];
  for (const source of [...new Set(measure.map((s) => s.source))]) {
    for (const members of clusters(measure.filter((s) => s.source === source), (a, b) => compatible(a.q, b.q))) {
      nodes.push({ source, members, words: new Set(members.flatMap((m) => [...m.words])) });
    }
  }
  const best = (n: Node, source: number): Node | undefined => {
    let top: Node | undefined;
    let score = -1;
    for (const m of nodes) {
      if (m.source !== source) continue;
      const s = overlap(n.words, m.words);
      if (s > score) [top, score] = [m, s];
    }
    return top;
  };
  const paired = (a: Node, b: Node): boolean => a.source !== b.source && best(a, b.source) === b && best(b, a.source) === a;
  return clusters(nodes, paired)
    .filter((fact) => fact.length > 1 && new Set(fact.map((n) => n.source)).size === fact.length)
    .map((fact) => clusters(fact, nodeCompatible).length > 1 ? fact.flatMap((n) => n.members) : [])
    .filter((f) => f.length > 0);
}
