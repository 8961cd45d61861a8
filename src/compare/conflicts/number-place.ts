import type { Quantity } from '../../nlp/quantities/index.js';
import { lexicons } from '../../nlp/lexicons.js';
import type { SourceDoc } from '../source-doc.js';

/**
 * Where a figure is counted, for the events counted per place: a crowd is the crowd of one city
 * ("20,000 marched in Velby", "10,000 in Orsk" are two facts), while two outlets' crowds of one city
 * are one fact however differently their sentences run. The place is the one named nearest the
 * figure in its sentence: a place the language layer found, or a capitalised name right after "in",
 * "of", "at" ("the northern city of Orsk", "In Velby, 10,000 ..."), as the place list spells it
 * (data/lexicons/places.json aliases: "Bombay" is Mumbai).
 */

/** Events whose counts belong to a place (quantities.json event names): turnouts of marches and rallies. */
const PLACE_EVENTS = new Set(['march']);

/** A capitalised name, maybe of two words, right after a preposition of place. */
// eslint-disable-next-line security/detect-unsafe-regex -- fixed prepositions, at most one optional second word, no nested repetition
const AFTER_PREPOSITION = /\b(?:[Ii]n|[Oo]f|[Aa]t)\s+(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?)/gu;
const CALENDAR = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i;

export function placeOf(doc: SourceDoc, q: Quantity): string | null {
  if (!q.event || !PLACE_EVENTS.has(q.event)) return null;
  const { start, end } = q.sentence;
  const named: { at: number; name: string }[] = doc.analysis.mentions.filter((m) => m.kind === 'place' && m.start >= start && m.end <= end).map((m) => ({ at: m.start, name: m.canonical }));
  const others = doc.analysis.mentions.filter((m) => m.kind !== 'place');
  for (const m of doc.text.slice(start, end).matchAll(AFTER_PREPOSITION)) {
    const name = (m[1] as string).replace(/['’]s$/, '');
    const at = start + (m.index ?? 0) + m[0].length - (m[1] as string).length;
    if (CALENDAR.test(name) || others.some((o) => o.start <= at && at < o.end)) continue;
    named.push({ at, name });
  }
  const distance = (at: number): number => (at < q.figure.start ? q.figure.start - at : at - q.figure.end);
  const nearest = named.sort((a, b) => distance(a.at) - distance(b.at) || a.at - b.at)[0];
  if (!nearest) return null;
  return (lexicons().places.get(nearest.name) ?? nearest.name).toLowerCase();
}

/** Two figures' places: 'same', 'other' (both named, different), or null when either has none. */
export function placeRelation(a: string | null, b: string | null): 'same' | 'other' | null {
  if (a === null || b === null) return null;
  return a === b ? 'same' : 'other';
}
