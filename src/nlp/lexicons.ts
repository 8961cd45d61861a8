import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The general lexicons of data/lexicons/ (speech verbs, titles, outlets, places, ...), loaded once and
 * turned into the lookup structures the passes use. Data lives apart from code; see
 * data/lexicons/README.md for what each file holds and why.
 */

// src/nlp/lexicons.ts and dist/src/nlp/lexicons.js both sit two levels below the folder holding data/.
const HERE = dirname(fileURLToPath(import.meta.url));
export const LEXICON_DIR = [resolve(HERE, '..', '..', 'data', 'lexicons'), resolve(HERE, '..', '..', '..', 'data', 'lexicons')].find((d) => {
  try {
    readFileSync(join(d, 'speech-verbs.json'));
    return true;
  } catch {
    return false;
  }
}) ?? resolve(HERE, '..', '..', 'data', 'lexicons');

function load<T>(name: string): T {
  return JSON.parse(readFileSync(join(LEXICON_DIR, `${name}.json`), 'utf8')) as T;
}

/**
 * A language's own file (data/lexicons/<lang>/<name>.json) where it has one, else the shared one
 * (organisations, places, abbreviations and units are shared; English words live at the top level).
 */
function loaderFor(lang: string): <T>(name: string) => T {
  return <T>(name: string): T => {
    const own = join(LEXICON_DIR, lang, `${name}.json`);
    return lang !== 'en' && existsSync(own) ? (JSON.parse(readFileSync(own, 'utf8')) as T) : load<T>(name);
  };
}

/** Words of a language's grammar the passes read (English ones when a language's file lacks them). */
interface GrammarFile {
  /** Words opening a noun phrase ("the", "a", "his"): a descriptor speaker runs back to one. */
  determiners: string[];
  /** Subject pronoun as written -> the English pronoun the passes reason with ("er" -> "he"). */
  pronouns: Record<string, string>;
  /** Word sequences that name a source after them, like "according to" ("laut", "selon", "según"). */
  accordingTo: string[][];
  /** Words that may stand between a speaker and the cue verb ("Berg reportedly told", "hat gesagt"). */
  betweenSpeakerAndCue: string[];
  /** A compound tense's auxiliaries before a participle cue ("a déclaré", "ha dicho"): the speaker may follow. */
  auxiliaries?: string[];
  /** Lower-case words joining the parts of one name ("von", "de", "al"). */
  nameConnectors: string[];
  /** The language writes every noun with a capital (German): a capital alone does not mark a name. */
  capitalisedNouns?: boolean;
}

/** Month and weekday names of a language, for reading dates (src/nlp/dates.ts). */
export interface CalendarFile {
  /** Twelve month names, January first; abbreviations map to the month's index (0-11). */
  months: string[];
  monthAbbreviations: Record<string, number>;
  /** Seven weekday names, Sunday first (the index is Date.getUTCDay()). */
  weekdays: string[];
  /** The day is written as an ordinal with a dot before the month ("9. Juli"). */
  ordinalDay?: boolean;
}

interface SpeechVerbFile {
  strong: Record<string, string[]>;
  weak: string[];
  cognitive: Record<string, string[]>;
  /** Stance and intention verbs (want, oppose, refuse): indirect attributions only. */
  stance?: Record<string, string[]>;
  sourceAfter: string[];
  channelPhrases: string[];
  /** The commonest reporting verb forms, for loose patterns (see the file's `_comment_common`). */
  common: string[];
}
interface TitlesFile {
  before: string[];
  roles: string[];
  modifiers: string[];
  orgDescriptors: string[];
  suffixes?: string[];
}
interface OrgFile {
  outlets: Record<string, string[]>;
  institutions: Record<string, string[]>;
  keywords: string[];
}
interface PlacesFile {
  places: string[];
  aliases: Record<string, string>;
  demonyms: Record<string, string | null>;
}
interface UnitsFile {
  scales: Record<string, number>;
  numberWords: Record<string, number>;
  currencySigns: Record<string, string>;
  currencyWords: Record<string, string>;
  percent: string[];
  units: Record<string, string>;
}
interface AbbrevFile {
  always: string[];
  beforeNumber: string[];
}

export interface Lexicons {
  /** Inflected speech-verb form (lower case) -> lemma. */
  speechVerbs: Map<string, string>;
  /** Lemmas that only count as a speech cue right next to a quotation mark. */
  weakVerbs: Set<string>;
  /** Belief/intention verbs (indirect attributions only): form -> lemma. */
  cognitiveVerbs: Map<string, string>;
  /** Stance and intention verbs ("wants", "opposed", "refused"), for indirect attributions only: form -> lemma. */
  stanceVerbs: Map<string, string>;
  /** The commonest reporting verb forms (said, told, goes), for patterns without the layer's checks. */
  commonSpeechVerbs: Set<string>;
  sourceAfter: string[];
  channelPhrases: string[];
  /** Capitalised titles (longest first) that precede names. */
  titlesBefore: string[];
  titleWords: Set<string>;
  /** Leading words of multi-word titles ("Foreign", "Prime", "Vice"). */
  titleLeads: Set<string>;
  roles: Set<string>;
  modifiers: Set<string>;
  /** Lower-case words describing an organisation before its name ("state news agency"). */
  orgDescriptors: Set<string>;
  /** Honorific -> gender ('m' | 'f' | null). */
  honorifics: Map<string, string | null>;
  /** Third-person pronoun -> 'm' | 'f' | 'p'. */
  thirdPronouns: Map<string, string>;
  firstPronouns: Set<string>;
  /** Alias (as written) -> canonical organisation; lowercase aliases in `orgAliasesLower`. */
  orgAliases: Map<string, string>;
  orgAliasesLower: Map<string, string>;
  outlets: Set<string>;
  orgKeywords: Set<string>;
  /** Place as written -> canonical place. */
  places: Map<string, string>;
  demonyms: Map<string, string | null>;
  functionWords: Set<string>;
  /** First words of multi-word organisation and place names ("New", "Wall", "The"). */
  lexiconStarts: Set<string>;
  abbreviations: Set<string>;
  abbreviationsBeforeNumber: Set<string>;
  vague: Map<string, number | null>;
  units: UnitsFile;
  /** The language these words belong to (ISO 639-1). */
  language: string;
  determiners: Set<string>;
  /** Subject pronoun as written -> English pronoun ("sie" -> "she"); English maps to itself. */
  pronounHeads: Map<string, string>;
  accordingTo: string[][];
  betweenSpeakerAndCue: Set<string>;
  auxiliaries: Set<string>;
  nameConnectors: Set<string>;
  /** Every noun is written with a capital (German): a capital alone does not mark a name. */
  capitalisedNouns: boolean;
  /** Endings of compound titles ("Gewerkschaftssprecher"): a capitalised word ending in one is a title. */
  titleSuffixes: string[];
  calendar: CalendarFile;
}

const cache = new Map<string, Lexicons>();
/** The language whose words `lexicons()` gives: set by `withLanguage` while one article is read. */
let active = 'en';

/** The lexicons of the language being read (English unless inside `withLanguage`). */
export function lexicons(): Lexicons {
  return lexiconFor(active);
}

/**
 * Runs `read` with `lexicons()` giving `lang`'s words. The language layer is synchronous, so the
 * setting holds for exactly one article's reading; it lets passes written against `lexicons()` read
 * any language without each one taking the language as a parameter.
 */
export function withLanguage<T>(lang: string, read: () => T): T {
  const before = active;
  active = lang;
  try {
    return read();
  } finally {
    active = before;
  }
}

/** The lexicons of one language (ISO 639-1); a language without its own files gets the English words. */
export function lexiconFor(lang: string): Lexicons {
  let lex = cache.get(lang);
  if (!lex) {
    lex = buildLexicons(lang);
    cache.set(lang, lex);
  }
  return lex;
}

function buildLexicons(lang: string): Lexicons {
  const load = loaderFor(lang);
  const sv = load<SpeechVerbFile>('speech-verbs');
  const speechVerbs = new Map<string, string>();
  for (const [lemma, forms] of Object.entries(sv.strong)) for (const f of forms) speechVerbs.set(f, lemma);
  const cognitiveVerbs = new Map<string, string>();
  for (const [lemma, forms] of Object.entries(sv.cognitive)) for (const f of forms) cognitiveVerbs.set(f, lemma);
  const stanceVerbs = new Map<string, string>();
  for (const [lemma, forms] of Object.entries(sv.stance ?? {})) for (const f of forms) stanceVerbs.set(f, lemma);
  const titles = load<TitlesFile>('titles');
  // A title's last word is a title on its own ("Minister"); its leading words only qualify one
  // ("Foreign Minister"), so they are attributive, like demonyms.
  const titleWords = new Set<string>();
  const titleLeads = new Set<string>();
  for (const t of titles.before) {
    const words = t.split(' ').filter((w) => /^\p{Lu}/u.test(w));
    const last = words.pop();
    if (last) titleWords.add(last);
    for (const w of words) titleLeads.add(w);
  }
  const orgs = load<OrgFile>('organisations');
  const orgAliases = new Map<string, string>();
  const orgAliasesLower = new Map<string, string>();
  const outlets = new Set<string>();
  for (const [group, isOutlet] of [
    [orgs.outlets, true],
    [orgs.institutions, false],
  ] as const) {
    for (const [canonical, aliases] of Object.entries(group)) {
      if (isOutlet) outlets.add(canonical);
      for (const a of [canonical, ...aliases]) {
        orgAliases.set(a, canonical);
        // Lower-case matching only for names long enough not to collide with common words.
        if (a.length >= 4) orgAliasesLower.set(a.toLowerCase(), canonical);
      }
    }
  }
  const pl = load<PlacesFile>('places');
  const places = new Map<string, string>();
  for (const p of pl.places) places.set(p, pl.aliases[p] ?? p);
  for (const [a, c] of Object.entries(pl.aliases)) places.set(a, c);
  const pron = load<{ third: Record<string, string>; first: string[] }>('pronouns');
  const ab = load<AbbrevFile>('abbreviations');
  const vagueRaw = load<Record<string, number | null | string>>('vague-quantities');
  const vague = new Map<string, number | null>();
  for (const [k, v] of Object.entries(vagueRaw)) if (!k.startsWith('_')) vague.set(k, typeof v === 'number' ? v : null);
  const honor = load<Record<string, string | null>>('honorifics');
  const lexiconStarts = new Set<string>();
  for (const name of [...orgAliases.keys(), ...places.keys()]) {
    const words = name.split(' ');
    if (words.length > 1 && words[0]) {
      lexiconStarts.add(words[0]);
      lexiconStarts.add(words[0].toUpperCase());
      lexiconStarts.add(words[0].charAt(0).toUpperCase() + words[0].slice(1).toLowerCase());
    }
  }
  const grammar = load<GrammarFile>('grammar');
  const units = load<UnitsFile>('units');
  const numberWords = lang === 'en' ? null : loaderFor(lang)<{ numberWords?: Record<string, number> }>('number-words').numberWords;
  return {
    language: lang,
    determiners: new Set(grammar.determiners),
    pronounHeads: new Map(Object.entries(grammar.pronouns)),
    accordingTo: grammar.accordingTo,
    betweenSpeakerAndCue: new Set(grammar.betweenSpeakerAndCue),
    auxiliaries: new Set(grammar.auxiliaries ?? []),
    nameConnectors: new Set(grammar.nameConnectors),
    capitalisedNouns: grammar.capitalisedNouns ?? false,
    titleSuffixes: titles.suffixes ?? [],
    calendar: load<CalendarFile>('calendar'),
    lexiconStarts,
    speechVerbs,
    weakVerbs: new Set(sv.weak),
    cognitiveVerbs,
    stanceVerbs,
    commonSpeechVerbs: new Set(sv.common),
    sourceAfter: sv.sourceAfter,
    channelPhrases: sv.channelPhrases,
    titlesBefore: [...titles.before].sort((a, b) => b.length - a.length),
    titleWords,
    titleLeads,
    roles: new Set(titles.roles),
    modifiers: new Set(titles.modifiers),
    orgDescriptors: new Set(titles.orgDescriptors),
    honorifics: new Map(Object.entries(honor).filter(([k]) => !k.startsWith('_'))),
    thirdPronouns: new Map(Object.entries(pron.third)),
    firstPronouns: new Set(pron.first),
    orgAliases,
    orgAliasesLower,
    outlets,
    orgKeywords: new Set(orgs.keywords),
    places,
    demonyms: new Map(Object.entries(pl.demonyms)),
    functionWords: new Set(load<{ words: string[] }>('function-words').words),
    abbreviations: new Set(ab.always),
    abbreviationsBeforeNumber: new Set(ab.beforeNumber),
    vague,
    units: numberWords ? { ...units, numberWords } : units,
  };
}
