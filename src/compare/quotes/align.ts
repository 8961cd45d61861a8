import { diffArrays } from 'diff/lib/diff/array.js';
import { distance } from 'fastest-levenshtein';
import type { DiffOp } from '../../model/dossier.js';
import { contentKey, sameWord, type Word } from '../text/tokens.js';

/** One hunk of a word alignment: words of the reference and of the variant. */
export interface Hunk {
  kind: 'same' | 'remove' | 'add';
  words: Word[];
}

/** Aligns two renderings word by word on normalised words (editor's insertions left out). */
export function alignWords(ref: Word[], variant: Word[]): Hunk[] {
  const a = ref.filter((w) => !w.inserted);
  const b = variant.filter((w) => !w.inserted);
  const comparator = (x: Word, y: Word): boolean => sameWord(x, y) || (x.ellipsis && y.ellipsis);
  // Word for word the same (a copy's rendering): jsdiff's answer is one common part holding the
  // variant's words, found by its first common-prefix scan, which compares exactly these pairs.
  if (a.length === b.length && a.every((x, i) => comparator(x, b[i] as Word))) return a.length ? [{ kind: 'same', words: b }] : [];
  const parts = diffArrays(a, b, { comparator });
  const out: Hunk[] = [];
  // jsdiff reports common parts with the new array's items; we keep those (the variant's words).
  for (const p of parts) out.push({ kind: p.added ? 'add' : p.removed ? 'remove' : 'same', words: p.value });
  return out;
}

/** The alignment as the dossier shows it: the variant's printed words against the reference's. */
export function diffOps(hunks: Hunk[], refText: string, variantText: string, refOffset: number, variantOffset: number): DiffOp[] {
  const ops: DiffOp[] = [];
  for (const h of hunks) {
    const from = h.kind === 'remove' ? refText : variantText;
    const offset = h.kind === 'remove' ? refOffset : variantOffset;
    const printed: string[] = [];
    let lastEnd = -1;
    for (const w of h.words) {
      if (w.start === lastEnd || w.end === lastEnd) continue; // one printed word expanded to several
      printed.push(from.slice(w.start - offset, w.end - offset));
      lastEnd = w.end;
    }
    const text = printed.join(' ');
    if (!text) continue;
    const op = h.kind === 'same' ? 'same' : h.kind === 'add' ? 'add' : 'remove';
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += ' ' + text;
    else ops.push({ op, text });
  }
  return ops;
}

/** Two content words that are inflections or misspellings of one another ("throw"/"thrown"). */
export function nearSameKey(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.startsWith('#') || b.startsWith('#')) return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length >= 4 && l.startsWith(s)) return true;
  return s.length >= 5 && distance(a, b) <= 1;
}

export function keysOf(ws: Word[]): string[] {
  return ws.map(contentKey).filter((k): k is string => k !== null);
}
