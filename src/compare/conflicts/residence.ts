import type { Conflict } from '../../model/dossier.js';
import { lexicons as languageLexicons } from '../../nlp/lexicons.js';
import type { SourceDoc } from '../source-doc.js';
import { attributeConflicts, type AttributeStance } from './attribute.js';

/**
 * Descriptor conflicts on where a person lives: "Lena Ortiz, 59, of Eastfield" against "Ortiz,
 * who lived in North Vale" (or "a Dunmore resident, Lena Ortiz"). The person is keyed by
 * surname. A coarse place takes no side: one the lexicon knows (a country, state or city: "of New
 * York" holds every neighbourhood of it), one printed after another and a comma ("North Vale,
 * Eastfield"), one whose name another's holds.
 */
const NAME = String.raw`\p{Lu}[\p{L}’'-]+(?:\s+(?:\p{Lu}\.\s*)?\p{Lu}[\p{L}’'-]+){0,2}`;
const PLACE = String.raw`\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,3}`;
const PATTERNS = [
  // "Lena M. Ortiz, 59, of Eastfield": the age makes "of" the person's home.
  new RegExp(String.raw`(${NAME}),\s+\d{1,3},\s+of\s+(${PLACE})`, 'gu'),
  // "Ortiz, who lived half a mile away in North Vale"
  new RegExp(String.raw`(${NAME}),\s+(?:\d{1,3},\s+)?who\s+(?:had\s+)?(?:lived|lives)\s+(?:[\p{Ll}\p{N}]+\s+){0,4}?in\s+(${PLACE})`, 'gu'),
];

export function residenceConflicts(docs: SourceDoc[]): Conflict[] {
  const stances: AttributeStance[] = [];
  for (const doc of docs)
    for (const s of doc.sentences) {
      const body = doc.text.slice(s.start, s.end);
      for (const re of PATTERNS) {
        re.lastIndex = 0;
        for (let m = re.exec(body); m; m = re.exec(body)) {
          const surname = (m[1] as string).split(/\s+/).pop() as string;
          const start = s.start + m.index;
          stances.push({ source: doc.index, key: `residence\u0000${surname}`, value: m[2] as string, span: { start, end: start + m[0].length }, sentence: s });
        }
      }
    }
  const known = languageLexicons().places;
  const places = [...new Set(stances.map((s) => s.value))];
  // "North Vale, Eastfield": the place printed after another and a comma holds it.
  const holds = (p: string): boolean => places.some((q) => q !== p && docs.some((d) => d.text.includes(`${q}, ${p}`)));
  // Coarse places (known ones, containers, names inside another's) agree with the rest: they take no side.
  const coarse = (p: string): boolean => known.has(p) || holds(p) || places.some((q) => q !== p && q.includes(p));
  const kept = stances.filter((s) => !coarse(s.value));
  return attributeConflicts(docs, kept, (key) => ({ question: `where ${key.split('\u0000')[1] ?? 'the person'} lived`, why: 'one person has one home' }));
}
