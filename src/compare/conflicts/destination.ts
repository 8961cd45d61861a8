import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexicons as languageLexicons } from '../../nlp/lexicons.js';
import type { ClaimStage } from '../claims/index.js';
import { lexiconLines } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { attributeConflicts, type AttributeStance } from './attribute.js';
import { alternation } from './common.js';

/**
 * Descriptor conflicts on where a journey went: "transferred from Halvard to Dorrow" against "moved
 * from a prison in Halvard to one in Kesby". A journey is keyed by its origin town, so both ends must
 * be named; the value is the destination town (data/lexicons/compare/movement.json gives the words of
 * moving and the facility nouns: "the Kell Unit in Dorrow" is in Dorrow, "the Kell Unit" alone names
 * no town). A coarse place takes no side: a country, a place printed as another's container
 * ("Dorrow, Westshire"), a name inside another's. Sentences must say much the same thing besides the
 * destination (SAME_THING_SIMILARITY), as a story may tell of two journeys from one town.
 */
const SAME_THING_SIMILARITY = 0.12;
/** How far after the word of moving its "from" and "to" may stand: one clause. */
const REACH_CHARS = 160;
/** How much of the text after "to" or "from" names the place. */
const PLACE_CHARS = 70;
const NAME = String.raw`\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,3}`;

interface MovementLexicon {
  triggers: string[];
  facilities: string[];
}

let lex: { trigger: RegExp; facilities: Set<string>; calendar: Set<string> } | null = null;

function movement(): NonNullable<typeof lex> {
  if (lex) return lex;
  const file = JSON.parse(lexiconLines('movement.json').join('\n')) as MovementLexicon;
  const cal = languageLexicons().calendar;
  return (lex = {
    trigger: new RegExp(String.raw`(?<![\p{L}-])(?:${alternation(file.triggers)})(?![\p{L}-])`, 'giu'),
    facilities: new Set(file.facilities),
    calendar: new Set([...cal.months, ...cal.weekdays]),
  });
}

export function destinationConflicts(docs: SourceDoc[], claims: ClaimStage): Conflict[] {
  const stances: AttributeStance[] = [];
  for (const doc of docs) for (const s of doc.sentences) stances.push(...journeysIn(doc, s));
  const coarse = coarsePlaces(docs, stances);
  const kept = stances.filter((s) => !coarse(s.value) && s.value.toLowerCase() !== s.key.split('\u0000')[1]);
  return attributeConflicts(
    docs,
    kept,
    (key, list) => ({ question: `where the journey from ${originLabel(key, list, docs)} went`, why: 'one journey from one place ends in one town' }),
    { matcher: claims.matcher, floor: SAME_THING_SIMILARITY },
  );
}

/** Journeys of one sentence: a word of moving, then "from ORIGIN" and "to DESTINATION" in either order. */
export function journeysIn(doc: SourceDoc, s: Span): AttributeStance[] {
  const { trigger } = movement();
  const body = doc.text.slice(s.start, s.end);
  const out: AttributeStance[] = [];
  let after = -1;
  trigger.lastIndex = 0;
  for (let m = trigger.exec(body); m; m = trigger.exec(body)) {
    const from = m.index + m[0].length;
    if (from <= after) continue;
    const clause = (body.slice(from, from + REACH_CHARS).split(/[;:()—–]/)[0] ?? '');
    const origin = endOf(clause, 'from', 'to');
    const dest = endOf(clause, 'to', 'from');
    if (!origin || !dest) continue;
    after = from + dest.at + dest.length;
    const start = s.start + from + dest.at;
    out.push({ source: doc.index, key: `journey\u0000${origin.town.toLowerCase()}`, value: dest.town, span: { start, end: start + dest.length }, sentence: s });
  }
  return out;
}

/** The town named after the first `word` of a clause ("to the Kell Unit in Dorrow" -> Dorrow). */
function endOf(clause: string, word: string, other: string): { town: string; at: number; length: number } | null {
  const m = new RegExp(String.raw`(?<![\p{L}-])${word}\s+`, 'u').exec(clause);
  if (!m) return null;
  const rest = clause.slice(m.index + m[0].length, m.index + m[0].length + PLACE_CHARS);
  // The place ends where the clause goes on: a comma before a lower-case word, a conjunction, the other end.
  const stop = new RegExp(String.raw`,\s+(?!\p{Lu})|\s(?:when|while|after|before|on|at|and|but|where|as|because|since|${other})\s`, 'u').exec(rest);
  const phrase = stop ? rest.slice(0, stop.index) : rest;
  const town = townIn(phrase);
  return town ? { town, at: m.index, length: m[0].length + phrase.length } : null;
}

function townIn(phrase: string): string | null {
  const { facilities, calendar } = movement();
  const isTown = (name: string): boolean => !calendar.has(name.toLowerCase()) && !facilities.has((name.split(/\s+/).pop() ?? '').toLowerCase());
  // "a prison in Dorrow", "the Kell Unit in Dorrow, Westshire": the town is the place after "in".
  const inner = new RegExp(String.raw`(?<![\p{L}-])in\s+(${NAME})`, 'u').exec(phrase);
  const innerTown = inner ? trimName(inner[1] as string) : '';
  if (innerTown && isTown(innerTown)) return innerTown;
  const lead = new RegExp(String.raw`^(?:the\s+)?(${NAME})`, 'u').exec(phrase);
  const leadTown = lead ? trimName(lead[1] as string) : '';
  return leadTown && isTown(leadTown) ? leadTown : null;
}

/** A name less a trailing full stop or possessive. */
const trimName = (name: string): string => name.replace(/[’']s$/u, '').replace(/\.$/, '');

/** Countries, places printed as another's container ("Dorrow, Westshire"), names inside others'. */
function coarsePlaces(docs: SourceDoc[], stances: AttributeStance[]): (p: string) => boolean {
  const countries = new Set([...languageLexicons().demonyms.values()].filter((c): c is string => c !== null));
  const values = [...new Set(stances.map((s) => s.value))];
  const container = (p: string): boolean => docs.some((d) => new RegExp(String.raw`\p{Lu}[\p{L}’'-]+,\s+${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\p{L}])`, 'u').test(d.text));
  return (p) => countries.has(p) || values.some((q) => q !== p && q.includes(p)) || container(p);
}

/** The origin as one source wrote it, for the question. */
function originLabel(key: string, list: AttributeStance[], docs: SourceDoc[]): string {
  const lower = key.split('\u0000')[1] ?? '';
  for (const s of list) {
    const text = (docs[s.source] as SourceDoc).text.slice(s.sentence.start, s.sentence.end);
    const at = text.toLowerCase().indexOf(lower);
    if (at >= 0) return text.slice(at, at + lower.length);
  }
  return lower;
}
