import { stem } from '../../compare/text/stem.js';
import { lexicons } from '../lexicons.js';
import { quantityLexicon, type BoundKind } from './lexicon.js';
import { phraseAt, type QToken } from './tokens.js';
import type { Value } from './value.js';

/**
 * What a figure measures, read from the words around it with general patterns: the noun it counts
 * ("300 rounds", "five other bank workers" -> person), the noun it is the value of ("a death toll of
 * 18", "temperatures of minus 17 degrees", "Greek stocks plunged 5.4 per cent", "$41bn of market
 * value"), the event it counts ("killing at least seven", "12 people were injured"), the direction
 * of a change ("fell 12%"), its bound ("more than", "nearly"), and whose age it is.
 */
export interface Measure {
  bound: BoundKind | null;
  boundAt: number | null;
  /** +1 a rise, -1 a fall, 0 a level ("rose to 18" is a level). */
  direction: 0 | 1 | -1;
  /** Stems naming the thing counted or measured ('person' for people nouns). */
  head: string[];
  headText: string | null;
  event: string | null;
  owner: string | null;
  /** The owner's given name when printed ("Gary" of "Gary Smith, 35"): two Smiths of one story are two people. */
  given: string | null;
  /** Last token index the measure's words reach (for the evidence span). */
  reach: number;
  from: number;
}

const isWord = (t: QToken | undefined): t is QToken => t?.kind === 'word';

/** "more than", "nearly", "as many as" just before the figure. */
export function boundBefore(tokens: QToken[], first: number): { kind: BoundKind; at: number } | null {
  const lex = quantityLexicon();
  for (let n = 3; n >= 1; n--) {
    const p = phraseAt(tokens, first - n, n);
    const kind = p ? lex.bounds.get(p) : undefined;
    if (kind && first - n >= 0) return { kind, at: first - n };
  }
  return null;
}

/** An event phrase starting at token `i`, longest first. */
function eventAt(tokens: QToken[], i: number): { event: string; n: number } | null {
  const lex = quantityLexicon();
  for (let n = lex.longest; n >= 1; n--) {
    const p = phraseAt(tokens, i, n);
    const e = p ? lex.events.get(p) : undefined;
    if (e) return { event: e, n };
  }
  return null;
}

const CLAUSE_BREAK = /^(?:and|or|but|whereas|including|plus|after|before|because|since)$/;

/** Words after a figure's noun its event may be found in ("3,400 residents of the town spent the night in shelters"). */
const AFTER_WINDOW = 8;

/** Nearest event word before the figure (not past punctuation or another number) or after it (not past a coordination). */
export function eventNear(tokens: QToken[], from: number, to: number, skip: Set<number>): { event: string; at: number; end: number } | null {
  let before: { event: string; at: number; end: number } | null = null;
  for (let i = from - 1; i >= Math.max(0, from - 4); i--) {
    const t = tokens[i];
    if (!t || t.kind === 'punct' || t.kind === 'number') break;
    const e = skip.has(i) ? null : eventAt(tokens, i);
    if (e) {
      before = { event: e.event, at: i, end: i + e.n - 1 };
      break;
    }
  }
  let after: { event: string; at: number; end: number } | null = null;
  for (let i = to + 1; i <= to + AFTER_WINDOW; i++) {
    const t = tokens[i];
    if (!t || t.kind === 'punct' || t.kind === 'number' || CLAUSE_BREAK.test(t.lower)) break;
    const e = eventAt(tokens, i);
    if (e) {
      after = { event: e.event, at: i, end: i + e.n - 1 };
      break;
    }
  }
  if (before && after) return from - before.end <= after.at - to ? before : after;
  return before ?? after;
}

/** The noun a count counts: the first people noun or plural noun among the words after the figure. */
export function headAfter(tokens: QToken[], last: number, money: boolean, share = false): { head: string[]; text: string; end: number } | null {
  const lex = quantityLexicon();
  let i = last + 1;
  const lead = money || share ? /^(?:worth|of|in|off|its|the|a|an|their|his|her)$/ : null;
  while (isWord(tokens[i]) && (lex.modifiers.has((tokens[i] as QToken).lower) || (lead?.test((tokens[i] as QToken).lower) ?? false))) i++;
  const run: number[] = [];
  for (; run.length < 4; i++) {
    const t = tokens[i];
    if (t?.kind === 'number' && isWord(tokens[i - 1]) && /^\p{Lu}/u.test(tokens[i - 1]?.text ?? '')) continue; // "AK 47 rifles"
    if (!isWord(t) || lex.stops.has(t.lower) || lex.events.has(t.lower) || lex.directions.has(t.lower)) break;
    if (t.lower in lex.numberWords || t.lower in lex.units || lex.bounds.has(t.lower)) break; // "over three years" is another figure
    run.push(i);
  }
  if (!run.length) return null;
  const measure = run.find((j) => lex.measureNouns.has((tokens[j] as QToken).lower));
  if (measure !== undefined && !money && !share) return { head: [stem((tokens[measure] as QToken).lower)], text: (tokens[measure] as QToken).lower, end: measure };
  const people = run.find((j) => lex.people.has((tokens[j] as QToken).lower) || lex.people.has(`${tokens[j - 1]?.lower ?? ''} ${(tokens[j] as QToken).lower}`));
  if (people !== undefined) return { head: ['person'], text: (tokens[people] as QToken).text, end: people };
  if (money || share) {
    const end = run[run.length - 1] as number;
    return { head: run.map((j) => stem((tokens[j] as QToken).lower)), text: run.map((j) => (tokens[j] as QToken).text).join(' '), end };
  }
  const plural = run.find((j) => /[^s]s$/.test((tokens[j] as QToken).lower) && (tokens[j] as QToken).lower.length > 3);
  if (plural === undefined) return null;
  return { head: [stem((tokens[plural] as QToken).lower)], text: (tokens[plural] as QToken).text, end: plural };
}

/** A measure noun before the figure ("death toll of", "temperatures of", "stocks plunged", "value at"). */
export function headBefore(tokens: QToken[], from: number): { head: string[]; text: string; at: number } | null {
  const lex = quantityLexicon();
  for (let i = from - 1; i >= Math.max(0, from - 5); i--) {
    const t = tokens[i];
    if (!t || t.kind !== 'word') break;
    // Only a measure noun: a people noun before a figure is its subject ("robbers stole $80m"), not what it counts.
    if (lex.measureNouns.has(t.lower)) {
      const two = phraseAt(tokens, i - 1, 2);
      const text = two && lex.measureNouns.has(two) ? two : t.lower;
      return { head: [stem(t.lower)], text, at: i };
    }
  }
  return null;
}

/** A direction word right before the figure ("fell 12%", "closed down 3.9", "rose by 5"), or a level ("rose to 18"). */
export function directionBefore(tokens: QToken[], from: number): { direction: 0 | 1 | -1; at: number } | null {
  const lex = quantityLexicon();
  let i = from - 1;
  const link = tokens[i]?.lower;
  if (link === 'by' || link === 'to') i--;
  const d = tokens[i] ? lex.directions.get((tokens[i] as QToken).lower) : undefined;
  if (d === undefined) return null;
  return { direction: link === 'to' ? 0 : d, at: i };
}

let titles: Set<string> | null = null;
/** Every word of the titles printed before names ("Deputy", "Sheriff", "Minister"), lower case: no given name. */
function titleWords(): Set<string> {
  const { titlesBefore, roles } = lexicons();
  titles ??= new Set([...titlesBefore.flatMap((t) => t.toLowerCase().split(/\s+/)), ...[...roles].map((r) => r.toLowerCase())]);
  return titles;
}

/** Whose age: a name right after "N-year-old", or before "Name, 61," / "Name, age 61"; with the given name before it. */
export function ageOwner(tokens: QToken[], v: Value): { owner: string; given: string | null; at: number } | null {
  const cap = (t: QToken | undefined): boolean => isWord(t) && /^\p{Lu}/u.test(t.text);
  // The first word of the capitalised run ending at the family name, titles skipped ("Deputy Ann Lee").
  const given = (at: number): string | null => {
    let first: QToken | null = null;
    for (let k = at - 1; k >= 0 && at - k <= 3 && cap(tokens[k]); k--) if (!titleWords().has((tokens[k] as QToken).lower)) first = tokens[k] as QToken;
    return first?.lower ?? null;
  };
  let j = v.last + 1;
  let found: number | null = null;
  while (cap(tokens[j]) && j <= v.last + 4) found = j++;
  if (found !== null && found > v.last + 1) return { owner: (tokens[found] as QToken).lower, given: given(found), at: found };
  if (tokens[v.first - 1]?.text === ',' && cap(tokens[v.first - 2])) return { owner: (tokens[v.first - 2] as QToken).lower, given: given(v.first - 2), at: v.first - 2 };
  return null;
}
