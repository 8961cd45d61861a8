import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import type { ClaimStage } from '../claims/index.js';
import { lexiconLines } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { attributeConflicts, type AttributeStance } from './attribute.js';
import { alternation } from './common.js';
import { foldText, gated, gatedRegex, type GatedRegex } from './word-gate.js';

/**
 * Descriptor conflicts on who stepped in: "an inmate who tried to stop the attack" against "a man
 * who was visiting his brother and tried to stop the attack" (a visitor). The one who intervened is
 * named by the noun before "who" when it gives a standing, or by the relative clause when the noun
 * only names a person ("a man who was working there": an employee); data/lexicons/compare/
 * intervener.json. A group ("officers who intervened") is not one person and is left alone. The
 * sentences must be about the same thing (SAME_THING_SIMILARITY, or a shared name), since a story may
 * tell of two attacks.
 */
const SAME_THING_SIMILARITY = 0.12;
/** How long the relative clause may run before its deed: "who was visiting another inmate at the time and". */
const MAX_CLAUSE_CHARS = 90;

interface IntervenerLexicon {
  deeds: string[];
  roles: Record<string, string[]>;
  people: string[];
  participles: Record<string, string>;
}

let cache: { re: GatedRegex; roleOf: Map<string, string>; participles: Map<string, string> } | null = null;

function patterns(): NonNullable<typeof cache> {
  if (cache) return cache;
  const l = JSON.parse(lexiconLines('intervener.json').join('\n')) as IntervenerLexicon;
  const roleOf = new Map(Object.entries(l.roles).flatMap(([role, nouns]) => nouns.map((n) => [n, role] as const)));
  const sp = (alts: Iterable<string>): string => alternation(alts).replace(/ /g, String.raw`[\s-]+`);
  // A singular noun after an article, "who", a clause without a break, then the deed.
  // Built only for a story holding a key word of some noun and of some deed (word-gate).
  const re = gated(
    String.raw`(?<![\p{L}-])(?:a|an|another|one|the)\s+(?:[\p{L}\p{N}-]+\s+){0,2}?(${sp([...roleOf.keys(), ...l.people])})\s+who\s+([^,;:.!?()]{0,${MAX_CLAUSE_CHARS}}?)(?:${sp(l.deeds)})(?![\p{L}])`,
    'giu',
    [[...roleOf.keys(), ...l.people], l.deeds],
  );
  return (cache = { re, roleOf, participles: new Map(Object.entries(l.participles)) });
}

/** The standing the words give: the noun's, or for a bare person the relative clause's ("who was visiting"). */
function standing(noun: string, clause: string): string | null {
  const { roleOf, participles } = patterns();
  const role = roleOf.get(noun.toLowerCase().replace(/[\s-]+/g, ' '));
  if (role) return role;
  const m = /^(?:was|had\s+been)\s+(\p{L}+ing)\b/u.exec(clause.trim().toLowerCase());
  return m ? (participles.get(m[1] as string) ?? null) : null;
}

export function intervenerConflicts(docs: SourceDoc[], claims: ClaimStage): Conflict[] {
  const re = gatedRegex(patterns().re, docs.map((d) => foldText(d.text)));
  const stances: AttributeStance[] = [];
  if (re)
    for (const doc of docs)
    for (const s of doc.sentences) {
      const body = doc.text.slice(s.start, s.end);
      re.lastIndex = 0;
      for (let m = re.exec(body); m; m = re.exec(body)) {
        const value = standing(m[1] as string, m[2] as string);
        if (!value) continue;
        const span: Span = { start: s.start + m.index, end: s.start + m.index + m[0].length };
        stances.push({ source: doc.index, key: 'intervener', value, span, sentence: s });
      }
    }
  return attributeConflicts(
    docs,
    stances,
    () => ({ question: 'who stepped in to stop it', why: 'one person is of one standing (an inmate is not a visitor, a guard is not a customer)' }),
    { matcher: claims.matcher, floor: SAME_THING_SIMILARITY },
  );
}
