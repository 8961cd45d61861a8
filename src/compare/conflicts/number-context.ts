import type { Span } from '../../model/span.js';
import type { DateMention, Mention } from '../../nlp/types.js';
import { lexicons } from '../lexicon.js';
import { lexicons as nlpLexicons } from '../../nlp/lexicons.js';
import { stem } from '../text/stem.js';
import { familyName } from './number-family.js';

/** Stemmed content words of a sentence (no function words, no figures), to tell whether two sentences are about one thing. */
export function sentenceWords(text: string, sentence: Span): Set<string> {
  const { stopwords } = lexicons();
  const out = new Set<string>();
  for (const m of text.slice(sentence.start, sentence.end).toLowerCase().matchAll(/\p{L}[\p{L}'’]*/gu)) {
    const w = m[0].replace(/['’]s?$/, '');
    if (w.length > 2 && !stopwords.has(w)) out.add(stem(w));
  }
  return out;
}

/**
 * Capitalised words inside a sentence (not its first word): the people and places it is about.
 * Two sentences that each name someone, and no one in common, are about different subjects ("the
 * Voss family released eight years of returns", "Brandt released 33 years"). A person the language layer
 * found opening a sentence that names no one else counts too ("Lee finished with nine rebounds": the
 * first word is a name, not a capitalised opener); without it such a sentence seemed to name no one
 * and met any other.
 */
export function sentenceNames(text: string, sentence: Span, mentions: readonly Mention[] = []): Set<string> {
  const { stopwords } = lexicons();
  const out = new Set<string>();
  const body = text.slice(sentence.start, sentence.end);
  const add = (word: string): void => {
    const w = word.replace(/['’]s?$/, '').toLowerCase();
    if (!stopwords.has(w) && !MONTHS_AND_DAYS.test(w)) out.add(stem(w));
  };
  for (const m of body.matchAll(/(?<=[\s(“"‘'-])\p{Lu}[\p{L}'’]+/gu)) add(m[0]);
  // Only for a sentence naming no one else: "Voss's release came after Brandt released 33 years of
  // returns" is about Brandt's figure, and naming Voss would tie it to her sentences.
  if (out.size) return out;
  const opening = mentions.find((m) => m.kind === 'person' && m.start === sentence.start + (body.length - body.trimStart().length));
  const first = opening ? /^\p{Lu}[\p{L}'’]+/u.exec(text.slice(opening.start, opening.end))?.[0] : undefined;
  if (first) add(first);
  return out;
}

/**
 * How far (characters) a name after a figure may sit to own it: "the $9m deal that Ann Lee got" is
 * within it; a name a clause away ("4,300 people fled after the Corvane Freight train...") is what
 * the sentence is about, not whose figure it is.
 */
const OWNER_REACH_AFTER = 30;
/**
 * How far a name before a figure may sit, in one clause (no comma, colon, dash or bracket between)
 * and not as the speaker ("Ann Lee finished with 16 points and nine rebounds"; not "Ann Lee said 12
 * people died": a speaker reports the figure, it is not hers).
 */
const OWNER_REACH_BEFORE = 60;
const CLAUSE_BREAK = /[,;:()\u2013\u2014]/;

/** The characters between a person mention and a figure when the mention owns it, or null. */
function ownerGap(text: string, m: Span, figure: Span): number | null {
  if (m.start >= figure.end) return m.start - figure.end <= OWNER_REACH_AFTER ? m.start - figure.end : null;
  if (m.end > figure.start) return 0;
  const gap = text.slice(m.end, figure.start);
  if (gap.length > OWNER_REACH_BEFORE || CLAUSE_BREAK.test(gap)) return null;
  const { speechVerbs } = nlpLexicons();
  return gap.toLowerCase().split(/[^\p{L}]+/u).some((w) => speechVerbs.has(w)) ? null : gap.length;
}

/**
 * The person named nearest a figure in its sentence, as ownerGap allows (the last word of the
 * mention's canonical name, stemmed as in sentenceNames): whose figure it is, where a sentence names
 * several people ("the largest deal of X, beyond the $9m deal that Y got"). People only: a place or a
 * group ("Sicilian Mafia members") beside a count is what is counted, not its owner. Mentions whose
 * canonical name is a full name (coreference gives "Ann Lee" for a later "Lee").
 */
export function figureOwner(text: string, sentence: Span, figure: Span, mentions: readonly Mention[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const m of mentions) {
    // A full name only: a lone capitalised word ("Wiretapped calls led to...") is too often no person.
    const family = m.kind === 'person' && m.start >= sentence.start && m.end <= sentence.end ? familyName(m.canonical) : null;
    const distance = family ? ownerGap(text, m, figure) : null;
    if (family && distance !== null && distance < bestDistance) [best, bestDistance] = [stem(family), distance];
  }
  return best;
}

const MONTHS_AND_DAYS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/;

/** A span of years: "from 2007 through 2014", "between 2007 and 2014", "2007-2014". */
// eslint-disable-next-line security/detect-unsafe-regex -- fixed alternatives between two four-digit years, no nested repetition
const YEAR_SPAN = /\b(?:(?:from|between)\s+)?((?:19|20)\d\d)\s*(?:-|–|to|through|thru|until|and)\s*((?:19|20)\d\d)\b/i;
const YEAR = /\b(?:19|20)\d\d\b/g;

/**
 * The years a sentence states its figures for: a span of years ("2007-2014"), or its one year
 * ("for 2014", or "last year" resolved by the language layer against the publication date), or null
 * when it names none or several apart. A rate over eight years and the rate of one of them are two
 * facts, as are one year's and another's.
 */
export function sentencePeriod(text: string, sentence: Span, dates: readonly DateMention[]): string | null {
  const body = text.slice(sentence.start, sentence.end);
  const span = YEAR_SPAN.exec(body);
  if (span && Number(span[2]) > Number(span[1])) return `${span[1]}-${span[2]}`;
  const years = new Set(body.match(YEAR) ?? []);
  for (const d of dates) if (d.relative && d.granularity === 'year' && d.value && d.start >= sentence.start && d.end <= sentence.end) years.add(d.value.slice(0, 4));
  return years.size === 1 ? ([...years][0] as string) : null;
}
