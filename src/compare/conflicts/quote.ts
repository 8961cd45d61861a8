import type { Conflict, QuoteCluster, QuoteVariant } from '../../model/dossier.js';
import type { Evidence } from '../../model/span.js';
import { overlaps } from '../../model/span.js';
import { alignWords } from '../quotes/align.js';
import { grade } from '../quotes/fidelity.js';
import { words, type Word } from '../text/tokens.js';

/** Longest quoted text shown in a side's value. */
const MAX_VALUE_CHARS = 120;

/**
 * Quote conflicts: an utterance some outlet renders with different meaning-bearing words (an
 * `altered` variant). One side is the reference with the renderings faithful to it; each distinct
 * altered wording is another side.
 *
 * The finding must not hang on which rendering was taken as the reference: an altered rendering
 * that another source's rendering backs (it has the changed words too, is not itself altered
 * against the reference, and the two do not alter each other) is one of two wordings the sources
 * give, which the fidelity grader already found compatible (reworded: two utterances or two
 * transcriptions, as "money that should have been spent on the fund" and "money I shouldn't have
 * spent on my house"), so no outlet is shown changing the words.
 */
export function quoteConflicts(clusters: QuoteCluster[]): Conflict[] {
  const out: Conflict[] = [];
  for (const q of clusters) {
    const ref = q.variants.find((v) => v.reference);
    if (!ref) continue;
    const altered = q.variants.filter((v) => v.fidelity === 'altered' && !backedByAnotherWording(v, ref, q.variants));
    if (!altered.length) continue;
    const faithful = q.variants.filter((v) => v.reference || v.fidelity === 'verbatim' || v.fidelity === 'bowdlerised');
    const sides = [{ value: clip(ref.text), evidence: faithful.map(plain) }];
    const byWording = new Map<string, Evidence[]>();
    for (const v of altered) byWording.set(v.text.toLowerCase(), [...(byWording.get(v.text.toLowerCase()) ?? []), plain(v)]);
    for (const [, evidence] of byWording) {
      const clean = evidence.filter((e) => !sides.some((s) => s.evidence.some((x) => x.source === e.source && overlaps(x, e))));
      if (clean.length) sides.push({ value: clip(clean[0]?.text ?? ''), evidence: clean });
    }
    if (sides.length < 2) continue;
    const who = q.speaker ? `${q.speaker}'s words` : 'a quotation';
    const reasons = [...new Set(altered.map((v) => v.note).filter(Boolean))].join('; ');
    out.push({ id: '', kind: 'quote', summary: `Outlets quote ${who} with different meaning${reasons ? ` (${reasons})` : ''}: ${sides.map((s) => `“${s.value}”`).join(' vs ')}.`, sides });
  }
  return out;
}

const plain = (v: Evidence): Evidence => ({ source: v.source, start: v.start, end: v.end, text: v.text });
const clip = (t: string): string => (t.length > MAX_VALUE_CHARS ? t.slice(0, MAX_VALUE_CHARS - 1) + '…' : t);

/**
 * True when another source's rendering, itself not altered against the reference, agrees with the
 * altered rendering `v` on every word where `v` departs from the reference inside the stretch both
 * cover (the words it adds, and not the words it drops), and does not alter `v` either.
 */
function backedByAnotherWording(v: QuoteVariant, ref: QuoteVariant, variants: QuoteVariant[]): boolean {
  const vw = wordsOf(v);
  const hunks = alignWords(wordsOf(ref), vw);
  const kinds = hunks.map((h) => h.kind);
  const interior = hunks.slice(kinds.indexOf('same') + 1, kinds.lastIndexOf('same'));
  const norms = (kind: 'add' | 'remove'): string[] => interior.filter((h) => h.kind === kind).flatMap((h) => h.words.filter((w) => !w.ellipsis).map((w) => w.norm));
  const added = norms('add');
  const dropped = norms('remove');
  if (!added.length && !dropped.length) return false;
  for (const w of variants) {
    if (w === v || w.reference || w.source === v.source || w.fidelity === 'altered') continue;
    const ww = wordsOf(w);
    const has = new Set(ww.map((x) => x.norm));
    if (!added.every((n) => has.has(n)) || dropped.some((n) => has.has(n))) continue;
    if (grade(ww, vw).fidelity !== 'altered') return true;
  }
  return false;
}

const wordsOf = (v: Evidence): Word[] => words(v.text);
