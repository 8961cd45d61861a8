import type { Quantity } from '../../nlp/quantities/index.js';
import { quantityLexicon } from '../../nlp/quantities/lexicon.js';
import { stem } from '../text/stem.js';

/**
 * Whether two figures measure the same thing: the same dimension (a count, per cent, a currency, a
 * duration...), the same event counted (killed vs injured), both a level or both a change ("rose to
 * 18" vs "rose 5"), the same person for an age, and a shared head noun (people on board vs rifles).
 */
export function sameMeasure(a: Quantity, b: Quantity): boolean {
  if (a.dim !== b.dim || a.event !== b.event) return false;
  if ((a.direction === 0) !== (b.direction === 0)) return false;
  // Two given names for one family name are two people ("Gary Smith, 35", "61-year-old Ann Smith").
  if (a.dim === 'age') return a.owner !== null && a.owner === b.owner && (a.given === null || b.given === null || a.given === b.given);
  if (!a.head.length || !b.head.length) return !a.head.length && !b.head.length;
  // People counted for no event are told apart by who they are: "four robbers" is not "20 officers".
  if (a.head[0] === 'person' && !a.event && roleOf(a) && roleOf(b) && roleOf(a) !== roleOf(b)) return false;
  // Noun phrases meet on their head noun (the last word: "federal income taxes" is not "gross
  // income"), or a one-word phrase on any word of the other ("diamonds", "diamond rings").
  if (a.head.length === 1 || b.head.length === 1) return a.head.some((h) => b.head.includes(h));
  return a.head[a.head.length - 1] === b.head[b.head.length - 1];
}

const title = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** The measure in words, for a conflict's summary: "the number of people killed", "the age of Smith". */
export function measureName(q: Quantity): string {
  const lex = quantityLexicon();
  const event = q.event ? (lex.eventNames[q.event] ?? q.event) : null;
  const what = q.headText ? q.headText.toLowerCase() : event;
  if (q.dim === 'age') return `the age of ${title(q.owner ?? '')}`;
  if (q.dim === 'count' && q.head[0] === 'person') return `the number of people ${event ?? ''}`.trimEnd();
  if (q.dim === 'count') return `the number of ${what ?? 'items'}${q.headText && event ? ` ${event}` : ''}`;
  if (q.dim === '%' || q.dim === 'pp') return q.direction ? `how far ${what ?? 'the figure'} moved (per cent)` : `the share of ${what ?? 'the figure'} (per cent)`;
  if (q.dim.startsWith('money:')) return `the sum in ${q.dim.slice(6)}${what ? ` (${what}${q.headText && event ? `, ${event}` : ''})` : ''}`;
  if (q.dim === 'temperature') return 'the temperature';
  if (q.dim === 'duration') return `how long: ${what ?? 'the duration'}`;
  return `the ${q.dim}${what ? ` (${what})` : ''}`;
}

/**
 * A count of things other than people with no event ("29 catches"), an event with nothing counted
 * ("won 18"), people with nothing happening to them, or a figure with neither noun nor event: its
 * words alone do not say which fact it is (which player, which season, which sum).
 */
export function weakMeasure(q: Quantity): boolean {
  if (!q.head.length && !q.event) return true;
  if (q.head[0] === 'person') return !q.event && !roleOf(q);
  return q.dim === 'count' && (!q.event || !q.head.length);
}

/**
 * Who a count of people counts, when its noun says ("robbers", "volunteer firefighters"), as a stem;
 * null for a noun that says nothing of them ("people", "others") or a count that is no people's.
 */
export function roleOf(q: Quantity): string | null {
  if (q.head[0] !== 'person' || !q.headText) return null;
  const noun = q.headText.toLowerCase();
  return quantityLexicon().genericPeople.has(noun) ? null : stem(noun);
}
