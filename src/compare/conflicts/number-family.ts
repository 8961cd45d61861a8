import type { Quantity } from '../../nlp/quantities/index.js';
import type { SourceDoc } from '../source-doc.js';

/**
 * Ages are given by family name ("Smith, 61"); a story may hold two Smiths (a suspect and his
 * mother, a deputy and his son). This pass gives each age the given name its own article or the
 * story resolves it to, and drops an age whose owner stays ambiguous: one figure for one of two
 * people is no dispute with a figure for the other.
 */

/** The family name of a person's canonical name, lower case ("Ann Lee's" -> "lee"), or null for a lone word. */
export function familyName(canonical: string): string | null {
  const words = canonical.trim().split(/\s+/);
  return words.length < 2 ? null : (words[words.length - 1] as string).replace(/['’]s?$/, '').toLowerCase();
}

/** Family name -> the given names printed with it, over the people of some articles ("Jerry Ortiz", "Jeremy Ortiz"). */
function givenNames(docs: readonly SourceDoc[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const doc of docs) {
    for (const e of doc.analysis.entities) {
      const family = e.kind === 'person' ? familyName(e.canonical) : null;
      if (!family) continue;
      const given = (e.canonical.trim().split(/\s+/)[0] as string).toLowerCase();
      const set = out.get(family) ?? new Set<string>();
      set.add(given);
      out.set(family, set);
    }
  }
  return out;
}

/** Each doc's ages with their given names resolved where the article or the story allows, the ambiguous ones dropped. */
export function resolveAgeOwners(docs: readonly SourceDoc[]): (quantities: Quantity[], doc: SourceDoc) => Quantity[] {
  const story = givenNames(docs);
  return (quantities, doc) => {
    const own = givenNames([doc]);
    return quantities.flatMap((q) => {
      if (q.dim !== 'age' || q.given !== null || q.owner === null) return [q];
      const here = own.get(q.owner);
      if (here?.size === 1) return [{ ...q, given: [...here][0] as string }];
      if ((here?.size ?? 0) > 1 || (story.get(q.owner)?.size ?? 0) > 1) return [];
      return [q];
    });
  };
}
