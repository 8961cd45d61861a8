import { readingLanguage } from '../../nlp/language.js';
import { lexicons, withLanguage } from '../../nlp/lexicons.js';
import type { SourceDoc } from '../source-doc.js';
import { contentKey, type Word } from '../text/tokens.js';
import { inOwnVoice } from './fragments.js';
import { isStatement, MIN_SINGLE_CLAUSE_WORDS, type ClaimUnit } from './units.js';

/**
 * A sentence that reports the story's shared event often adds a detail no other source gives: the
 * official who announced it, the minute it happened, a place's name ("Tarnow Police Chief Ilse Varga
 * announced at 9:40 a.m. that ...", as in the tests). When the clause pass found nothing of its own in
 * such a sentence (its clauses are mostly the shared fact), this pass looks at what the other sources
 * never say anywhere in the story: a piece of the sentence whose unsaid words carry enough of its
 * content, one of them a name or a figure, is a single-source claim.
 *
 * Measured on the ECB+ dev stories' mean composite (scripts/eval, `npm run eval`): without the pass
 * 0.870; with it 0.882 (single-source recall up on short multi-outlet stories, the seed story's
 * composite unchanged). Without the name-or-figure test 0.879 and the seed story's singles gain
 * paraphrases of corroborated facts (0.982 -> 0.975).
 */

/**
 * At least this many distinct content words of the piece appear in no other source (one is often a
 * stray word). ECB+ dev mean composite with the name test, 1 / 2 / 3 words: 0.881 / 0.882 / 0.878.
 */
const MIN_UNSAID_KEYS = 2;
/**
 * ...and they carry more than this share of the piece's content weight (rarity-weighted). ECB+ dev
 * mean composite for 0.2 / 0.3 / 0.4: 0.882 / 0.882 / 0.878 (without the name test, 0.15 / 0.3 /
 * 0.45: 0.878 / 0.879 / 0.877).
 */
const MIN_UNSAID_SHARE = 0.3;

export interface OwnDetailContext {
  doc: SourceDoc;
  /** Whether a source other than `source` uses this content key anywhere (a sentence or headline). */
  saidByOthers: (key: string, source: number) => boolean;
  weight: (key: string) => number;
}

/** The piece of sentence `u` (one of its clauses `cs`, or itself) that is its own detail, if any. */
export function ownDetail(u: ClaimUnit, cs: readonly ClaimUnit[], x: OwnDetailContext): ClaimUnit | null {
  // The words the source was read with: a language the layer lacks has no files of its own to load.
  const language = x.doc.analysis.language;
  const anchor = namesOrCounts(language ? readingLanguage(language) : 'en');
  let best: ClaimUnit | null = null;
  let bestWeight = 0;
  for (const c of cs.length ? cs : [u]) {
    if (!inOwnVoice(x.doc, c) || !hasLowerCaseWord(x.doc, c)) continue;
    const unsaid = unsaidWords(c, x);
    const keys = new Set(unsaid.map((w) => w.key));
    if (keys.size < MIN_UNSAID_KEYS) continue;
    const weight = [...keys].reduce((n, k) => n + x.weight(k), 0);
    const total = [...new Set(c.keys)].reduce((n, k) => n + x.weight(k), 0);
    if (weight <= MIN_UNSAID_SHARE * total || weight <= bestWeight) continue;
    if (!unsaid.some((w) => w.start > u.start && anchor(x.doc.text.slice(w.start, w.end)))) continue;
    best = c;
    bestWeight = weight;
  }
  if (!best) return null;
  return standsAlone(x.doc, best, u) ? best : isStatement(x.doc, u) ? u : null;
}

/** The piece's words outside quotation marks (the quote stage reports quotes) that no other source uses. */
function unsaidWords(c: ClaimUnit, x: OwnDetailContext): (Word & { key: string })[] {
  const out: (Word & { key: string })[] = [];
  for (const w of c.words) {
    if (x.doc.quoted[w.start] === 1) continue;
    const key = contentKey(w);
    if (key !== null && !x.saidByOthers(key, c.source)) out.push({ ...w, key });
  }
  return out;
}

/**
 * Whether the piece has a word in lower case: a statement's verb is one (German capitalises nouns,
 * not verbs). A piece of capitalised words and figures only is a dateline ("HARBOURTON, May 2
 * (Wire)"), a heading or a list of names, whose words no other source repeats for that reason.
 */
function hasLowerCaseWord(doc: SourceDoc, c: ClaimUnit): boolean {
  return c.words.some((w) => /^\p{Ll}/u.test(doc.text.slice(w.start, w.end)));
}

/** Per language: whether a word is a name or a figure (namesOrCounts). */
const anchors = new Map<string, (word: string) => boolean>();

/**
 * A name or a figure, the anchors of a detail: a word opening with a digit, or a capitalised word
 * past the sentence's first (capitalised by position) that is no month or weekday, in a language
 * whose capitals mark names (in German every noun has one: there only figures count). Unsaid common
 * words alone are mostly the same fact in other words.
 */
function namesOrCounts(lang: string): (word: string) => boolean {
  let test = anchors.get(lang);
  if (!test) {
    const lex = withLanguage(lang, lexicons);
    const calendar = new Set([...lex.calendar.months, ...lex.calendar.weekdays].map((m) => m.toLowerCase()));
    const capitals = !lex.capitalisedNouns;
    test = (word) => /^\d/u.test(word) || (capitals && /^\p{Lu}/u.test(word) && !calendar.has(word.toLowerCase()));
    anchors.set(lang, test);
  }
  return test;
}

/**
 * A clause is shown alone when it is a full statement: no shorter than a single-source clause may be
 * (a shorter one is a phrase, and its sentence stands for it), and the sentence's start or opening
 * with a capital.
 */
function standsAlone(doc: SourceDoc, c: ClaimUnit, u: ClaimUnit): boolean {
  if (c.words.length < MIN_SINGLE_CLAUSE_WORDS || !isStatement(doc, c)) return false;
  return c.start <= u.start || /^\p{Lu}/u.test(doc.text.slice(c.start, c.start + 1));
}
