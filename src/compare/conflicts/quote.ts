import type { Conflict, QuoteCluster } from '../../model/dossier.js';
import type { Evidence } from '../../model/span.js';
import { overlaps } from '../../model/span.js';

/** Longest quoted text shown in a side's value. */
const MAX_VALUE_CHARS = 120;

/**
 * Quote conflicts: an utterance some outlet renders with different meaning-bearing words (an
 * `altered` variant). One side is the reference with the renderings faithful to it; each distinct
 * altered wording is another side.
 */
export function quoteConflicts(clusters: QuoteCluster[]): Conflict[] {
  const out: Conflict[] = [];
  for (const q of clusters) {
    const altered = q.variants.filter((v) => v.fidelity === 'altered');
    if (!altered.length) continue;
    const ref = q.variants.find((v) => v.reference);
    if (!ref) continue;
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
