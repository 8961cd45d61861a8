import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEXICON_DIR } from '../lexicons.js';

/**
 * The word lists of the measurement reader: data/lexicons/quantities.json (number words, units,
 * people nouns, event and direction words, measure nouns) and data/lexicons/compare/number-bounds.tsv
 * (the bound or estimate a word before a figure stands for). See data/lexicons/README.md.
 */

export type BoundKind = 'at-least' | 'at-most' | 'about' | 'just-under' | 'just-over';

interface QuantityFile {
  numberWords: Record<string, number>;
  fractions: Record<string, number>;
  vague: Record<string, number>;
  scales: Record<string, number>;
  currencySigns: Record<string, string>;
  currencyWords: Record<string, string>;
  percent: string[];
  units: Record<string, [string, number]>;
  people: string[];
  /** People nouns that say nothing of who was counted ("people", "others"), unlike "robbers". */
  genericPeople: string[];
  /** Kin nouns whose "of N" counts a family ("a mother of 12"), not people something happened to. */
  kinOf: string[];
  modifiers: string[];
  events: Record<string, string[]>;
  peopleEvents: string[];
  directions: Record<'rise' | 'fall', string[]>;
  measureNouns: string[];
  eventNames: Record<string, string>;
  stops: string[];
}

export interface QuantityLexicon extends Omit<QuantityFile, 'people' | 'genericPeople' | 'kinOf' | 'modifiers' | 'events' | 'peopleEvents' | 'directions' | 'measureNouns' | 'stops'> {
  stops: Set<string>;
  people: Set<string>;
  genericPeople: Set<string>;
  kinOf: Set<string>;
  modifiers: Set<string>;
  /** Event phrase (one or more words) -> canonical event. */
  events: Map<string, string>;
  peopleEvents: Set<string>;
  /** Direction word -> +1 (rise) or -1 (fall). */
  directions: Map<string, 1 | -1>;
  measureNouns: Set<string>;
  bounds: Map<string, BoundKind>;
  /** Longest phrase, in words, of the event and bound lists. */
  longest: number;
}

// Read from the folder the rest of the language layer reads (src/nlp/lexicons.ts finds it from
// src/, from dist/src/ and from the bundled command line in dist/src/cli/).
function read(file: string): string {
  const path = join(LEXICON_DIR, file);
  if (!existsSync(path)) throw new Error(`data/lexicons/${file} not found`);
  return readFileSync(path, 'utf8');
}

let cached: QuantityLexicon | null = null;

export function quantityLexicon(): QuantityLexicon {
  if (cached) return cached;
  const f = JSON.parse(read('quantities.json')) as QuantityFile;
  const events = new Map<string, string>();
  for (const [event, forms] of Object.entries(f.events)) for (const w of forms) if (!events.has(w)) events.set(w, event);
  const directions = new Map<string, 1 | -1>();
  for (const w of f.directions.rise) directions.set(w, 1);
  for (const w of f.directions.fall) directions.set(w, -1);
  const bounds = new Map<string, BoundKind>();
  for (const line of read('compare/number-bounds.tsv').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [k, v] = line.split('\t');
    if (k && v) bounds.set(k.trim().toLowerCase(), v.trim() as BoundKind);
  }
  const longest = Math.max(...[...events.keys(), ...bounds.keys()].map((p) => p.split(' ').length));
  // Null-prototype records, so that a word such as "constructor" is not found in them.
  const bare = <T>(r: Record<string, T>): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, r);
  cached = {
    ...f,
    numberWords: bare(f.numberWords),
    fractions: bare(f.fractions),
    vague: bare(f.vague),
    scales: bare(f.scales),
    currencySigns: bare(f.currencySigns),
    currencyWords: bare(f.currencyWords),
    units: bare(f.units),
    eventNames: bare(f.eventNames),
    people: new Set(f.people),
    genericPeople: new Set(f.genericPeople),
    kinOf: new Set(f.kinOf),
    modifiers: new Set(f.modifiers),
    events,
    peopleEvents: new Set(f.peopleEvents),
    directions,
    measureNouns: new Set(f.measureNouns),
    stops: new Set(f.stops),
    bounds,
    longest,
  };
  return cached;
}
