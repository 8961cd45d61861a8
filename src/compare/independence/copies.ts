import type { DossierSource, DossierWarning, Reuse } from '../../model/dossier.js';
import type { ReuseResult } from './reuse.js';
import { byId } from './text.js';

/**
 * Inputs with the same text (after collapsing whitespace) are one article given several times: a feed
 * that repeats an item, a file passed twice, a syndicated copy saved under another name. They are
 * compared once (the first in id order stands for the rest), so reuse grows with the number of distinct
 * texts, not with the square of the inputs, and they count as one independent source.
 */
export interface IdenticalInputs {
  /** Groups of two or more source ids with identical text, each sorted, the representative first. */
  groups: string[][];
  /** Every source id to its group's representative (itself when it has no copy). */
  representative: Map<string, string>;
}

const normalised = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function identicalInputs(sources: Pick<DossierSource, 'id' | 'text'>[]): IdenticalInputs {
  const byText = new Map<string, string[]>();
  for (const s of [...sources].sort((a, b) => byId(a.id, b.id))) {
    const key = normalised(s.text);
    // Empty inputs share no text worth counting (ingest reports them).
    if (!key) {
      byText.set(`\u0000${s.id}`, [s.id]);
      continue;
    }
    const list = byText.get(key);
    if (list) list.push(s.id);
    else byText.set(key, [s.id]);
  }
  const representative = new Map<string, string>();
  const groups: string[][] = [];
  for (const ids of byText.values()) {
    for (const id of ids) representative.set(id, ids[0] as string);
    if (ids.length >= 2) groups.push(ids);
  }
  groups.sort((x, y) => byId(x[0] ?? '', y[0] ?? ''));
  return { groups, representative };
}

/**
 * One reuse entry per copy, against its representative: a verbatim copy of the whole text. The
 * representative's own reuse with other sources stands for every copy (they share its group).
 */
export function copyReuse(identical: IdenticalInputs, sources: Pick<DossierSource, 'id' | 'text'>[]): ReuseResult[] {
  const textOf = new Map(sources.map((s) => [s.id, s.text]));
  const out: ReuseResult[] = [];
  for (const [rep, ...copies] of identical.groups) {
    const a = textOf.get(rep as string) ?? '';
    for (const id of copies) {
      const b = textOf.get(id) ?? '';
      const passage = { a: whole(rep as string, a), b: whole(id, b) };
      out.push({ a: rep as string, b: id, score: 1, passages: [passage], kind: 'copy', derivedFrom: null, quoteShare: 0, linked: true, identity: 1, copiedProse: [passage] });
    }
  }
  return out;
}

/** The text without its leading and trailing white space, as one piece of evidence. */
function whole(source: string, text: string): Reuse['passages'][number]['a'] {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return { source, start, end: Math.max(start, end), text: text.slice(start, Math.max(start, end)) };
}

/**
 * Warnings a reader must see before trusting any count: identical inputs, and sources that copy one
 * another (each group counts as one independent source).
 */
export function copyWarnings(identical: IdenticalInputs, groups: string[][]): DossierWarning[] {
  const out: DossierWarning[] = [];
  for (const g of identical.groups) {
    out.push({ kind: 'identical-inputs', sources: g, message: `${g.length} inputs have identical text (${listed(g)}): they count as one source.` });
  }
  const copied = groups.filter((g) => g.length >= 2 && !identical.groups.some((i) => i.length === g.length && i.every((id) => g.includes(id))));
  for (const g of copied) {
    out.push({ kind: 'copies', sources: g, message: `${g.length} sources reuse one another's text (${listed(g)}): they count as one independent source.` });
  }
  return out;
}

/** A few ids, then how many more: a warning stays one line however many copies there are. */
function listed(ids: string[]): string {
  return ids.length <= LISTED_IDS ? ids.join(', ') : `${ids.slice(0, LISTED_IDS).join(', ')} and ${ids.length - LISTED_IDS} more`;
}
const LISTED_IDS = 5;
