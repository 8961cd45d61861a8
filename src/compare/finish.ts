import type { Claim, Conflict, Dossier } from '../model/dossier.js';
import { overlaps } from '../model/span.js';
import type { ClaimStage } from './claims/index.js';

/**
 * A claim is contested when its own evidence takes two sides of one conflict in different sources:
 * the sources that report it disagree on a part of it. Touching one side only, or one source's
 * evidence touching both sides, is no source against the claim.
 */
export function markContested(stage: ClaimStage, conflicts: Conflict[]): Claim[] {
  return stage.groups.map(({ claim }) => {
    // The claim's sources on each side: a side counts only through the claim's own evidence.
    const sourcesOn = (side: Conflict['sides'][number]): Set<string> =>
      new Set(claim.evidence.filter((e) => side.evidence.some((x) => x.source === e.source && overlaps(x, e))).map((e) => e.source));
    // Two sides, each held by a source of the claim that does not hold the other: a source against.
    const against = (c: Conflict): boolean => {
      const held = c.sides.map(sourcesOn);
      return held.some((a, i) => held.some((b, j) => j > i && [...a].some((x) => !b.has(x)) && [...b].some((y) => !a.has(y))));
    };
    const contested = conflicts.some(against);
    return contested && claim.status === 'corroborated' ? { ...claim, status: 'contested' as const } : claim;
  });
}

const bySpan = (a: { source: string; start: number; end: number }, b: { source: string; start: number; end: number }): number =>
  Number(a.source.slice(1)) - Number(b.source.slice(1)) || a.start - b.start || a.end - b.end;

/** Sorts every list by where its first evidence sits, so output order follows the sources. */
export function sortDossier(d: Dossier): Dossier {
  const first = <T>(xs: T[]): T | undefined => xs[0];
  const quotes = [...d.quotes].sort((a, b) => {
    const x = first(a.variants);
    const y = first(b.variants);
    return x && y ? bySpan(x, y) : 0;
  });
  const claims = d.claims
    .map((c) => ({ ...c, evidence: [...c.evidence].sort(bySpan) }))
    .sort((a, b) => b.evidence.length - a.evidence.length || bySpan(a.evidence[0] ?? zero, b.evidence[0] ?? zero));
  const kindOrder = ['attribution', 'date', 'number', 'descriptor', 'polarity', 'quote', 'other'];
  const conflicts = [...d.conflicts].sort(
    (a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || bySpan(a.sides[0]?.evidence[0] ?? zero, b.sides[0]?.evidence[0] ?? zero),
  );
  return { ...d, quotes, claims, conflicts };
}
const zero = { source: 's0', start: 0, end: 0 };

/** Ids in output order: q1.., c1.., x1... */
export function numberIds(d: Dossier): Dossier {
  return {
    ...d,
    quotes: d.quotes.map((q, i) => ({ ...q, id: `q${i + 1}` })),
    claims: d.claims.map((c, i) => ({ ...c, id: `c${i + 1}` })),
    conflicts: d.conflicts.map((c, i) => ({ ...c, id: `x${i + 1}` })),
  };
}
