import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexicons as languageLexicons } from '../../nlp/lexicons.js';
import { lexiconLines } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { attributeConflicts, type AttributeStance } from './attribute.js';
import { alternation } from './common.js';

/**
 * Descriptor conflicts on where a game is played: "Saturday's game at Dorrow" against "the Kesby
 * side play at home against Dorrow" or "Kesby host Dorrow". The game is keyed by the team named
 * (the first word of its name: "Dorrow" of "the Dorrow Rovers") and the value is whether it is
 * played at that team's home or away from it. Words from data/lexicons/compare/venue.json. One team
 * plays another more than once, so the day named in the sentence (a weekday or a month) splits the
 * key; a sentence naming none joins the key only when a single day is named for that team.
 */
const NAME = String.raw`\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,3}`;
/** How far after "at home" the opponent ("against X") may be named. */
const OPPONENT_CHARS = 120;
const AT = "at that team's home";
const VISITING = "at its opponent's home, that team visiting";

interface VenueLexicon {
  games: string[];
  hosts: string[];
  homes: string[];
  namePrefixes: string[];
}

interface Patterns {
  away: RegExp;
  host: RegExp;
  home: RegExp;
  against: RegExp;
  days: RegExp;
  prefixes: Set<string>;
  calendar: Set<string>;
}

/** A stance with the team it is about (its key word, its name as written) and the day named. */
type VenueStance = AttributeStance & { team: string; name: string; day: string | null };

let cache: Patterns | null = null;

function patterns(): Patterns {
  if (cache) return cache;
  const l = JSON.parse(lexiconLines('venue.json').join('\n')) as VenueLexicon;
  const cal = languageLexicons().calendar;
  const calendar = [...cal.months, ...cal.weekdays];
  return (cache = {
    away: new RegExp(String.raw`(?<![\p{L}-])(?:${alternation(l.games)})\s+at\s+(?:the\s+)?(${NAME})`, 'gu'),
    host: new RegExp(String.raw`(?<![\p{L}-])(?:${alternation(l.hosts)})\s+(?:the\s+)?(${NAME})`, 'gu'),
    home: new RegExp(String.raw`(?<![\p{L}-])(?:${alternation(l.homes)})(?![\p{L}-])`, 'gu'),
    against: new RegExp(String.raw`(?<![\p{L}-])against\s+(?:the\s+)?(${NAME})`, 'u'),
    days: new RegExp(String.raw`(?<![\p{L}])(${alternation(calendar)})(?![\p{L}])`, 'iu'),
    prefixes: new Set(l.namePrefixes),
    calendar: new Set(calendar),
  });
}

export function venueConflicts(docs: SourceDoc[]): Conflict[] {
  const stances: VenueStance[] = [];
  for (const doc of docs) for (const s of doc.sentences) stances.push(...venuesIn(doc, s));
  // One team, several days named: each day is its own game, and a sentence naming no day is left out.
  const daysOf = new Map<string, Set<string>>();
  for (const s of stances) if (s.day) daysOf.set(s.team, (daysOf.get(s.team) ?? new Set()).add(s.day));
  const keyed = stances.flatMap((s) => {
    const days = daysOf.get(s.team) ?? new Set<string>();
    if (days.size <= 1) return [{ ...s, key: `venue\u0000${s.team}` }];
    return s.day ? [{ ...s, key: `venue\u0000${s.team}\u0000${s.day}` }] : [];
  });
  const names = new Map(stances.map((s) => [s.team, s.name]));
  return attributeConflicts(docs, keyed, (key) => {
    const team = names.get(key.split('\u0000')[1] ?? '') ?? 'the team';
    return { question: `where the game involving ${team} is played`, why: 'one game is played at one team\'s home' };
  });
}

function venuesIn(doc: SourceDoc, s: Span): VenueStance[] {
  const p = patterns();
  const body = doc.text.slice(s.start, s.end);
  const day = p.days.exec(body)?.[1]?.toLowerCase() ?? null;
  const out: VenueStance[] = [];
  const add = (written: string, value: string, at: number, length: number): void => {
    const name = written.replace(/[’']s$/u, '').replace(/\.$/, '');
    const team = teamKey(name, p);
    if (!team) return;
    const start = s.start + at;
    out.push({ source: doc.index, key: '', value, span: { start, end: start + length }, sentence: s, team, name: name.split(/\s+/).slice(0, team.split(' ').length).join(' '), day });
  };
  for (const re of [p.away, p.host]) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) add(m[1] as string, re === p.away ? AT : VISITING, m.index, m[0].length);
  }
  p.home.lastIndex = 0;
  for (let m = p.home.exec(body); m; m = p.home.exec(body)) {
    const rest = body.slice(m.index + m[0].length, m.index + m[0].length + OPPONENT_CHARS);
    const opp = p.against.exec(rest);
    if (opp) add(opp[1] as string, VISITING, m.index, m[0].length + opp.index + opp[0].length);
  }
  return out;
}

/** The team's key: its first word, or two when the first only starts a place's name ("New", "San"). */
function teamKey(name: string, p: Patterns): string | null {
  const words = name.replace(/[’']s$/u, '').split(/\s+/).map((w) => w.toLowerCase().replace(/\.$/, ''));
  const first = words[0] ?? '';
  if (!first || p.calendar.has(first) || first === 'home') return null;
  return p.prefixes.has(first) && words[1] ? `${first} ${words[1]}` : first;
}
