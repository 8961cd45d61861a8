import type { Conflict, ConflictSide } from '../../model/dossier.js';

/**
 * One dispute is one conflict, also when two passes (or one pass over two wordings: "foiled" in some
 * sources, "thwarted" in others) found it in different sources: the same kind, the same question (the
 * summary up to its first colon) and the same side values is the same dispute. The later one's
 * evidence joins the earlier one's sides and the summary's source counts are recounted. Summaries that
 * do not print "value (N sources)" for every side are left apart (their wording cannot be recounted).
 */
export function mergeSameDisputes(conflicts: Conflict[]): Conflict[] {
  const kept: Conflict[] = [];
  for (const c of conflicts) {
    const at = kept.findIndex((k) => sameDispute(k, c));
    const merged = at >= 0 ? merge(kept[at] as Conflict, c) : null;
    if (merged) kept[at] = merged;
    else kept.push(c);
  }
  return kept;
}

const question = (c: Conflict): string => c.summary.slice(0, Math.max(0, c.summary.indexOf(': ')));
const valuesOf = (c: Conflict): string => c.sides.map((s) => s.value.trim().toLowerCase()).sort().join('\u0000');

function sameDispute(a: Conflict, b: Conflict): boolean {
  return a.kind === b.kind && a.possibleUpdate === undefined && b.possibleUpdate === undefined && question(a) !== '' && question(a) === question(b) && valuesOf(a) === valuesOf(b);
}

const count = (side: ConflictSide): number => new Set(side.evidence.map((e) => e.source)).size;
const sourcesText = (n: number): string => `(${n} source${n === 1 ? '' : 's'})`;

/** `a` with `b`'s evidence added per side, or null when a's summary cannot be recounted. */
function merge(a: Conflict, b: Conflict): Conflict | null {
  const sides = a.sides.map((s) => {
    const other = b.sides.find((o) => o.value.trim().toLowerCase() === s.value.trim().toLowerCase());
    const seen = new Set(s.evidence.map((e) => `${e.source}:${e.start}:${e.end}`));
    const extra = (other?.evidence ?? []).filter((e) => !seen.has(`${e.source}:${e.start}:${e.end}`));
    return { ...s, evidence: [...s.evidence, ...extra] };
  });
  let summary = a.summary;
  for (const [i, s] of a.sides.entries()) {
    const printed = `${s.value} ${sourcesText(count(s))}`;
    if (!summary.includes(printed)) return null;
    summary = summary.replace(printed, `${s.value} ${sourcesText(count(sides[i] as ConflictSide))}`);
  }
  return { ...a, summary, sides };
}
