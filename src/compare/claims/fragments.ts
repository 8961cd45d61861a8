import { lexicons } from '../../nlp/lexicons.js';
import { lexiconSet } from '../lexicon.js';
import { quotedShare, type SourceDoc } from '../source-doc.js';
import { MAX_QUOTED_SHARE, type ClaimUnit } from './units.js';

let continuations: Set<string> | undefined;

/**
 * A clause cut from inside a sentence that opens with a lower-case auxiliary, conjunction or
 * participle ("was made at private gatherings ...", "but emphasized that ...", "warning that ...")
 * has its subject in the clause before it: alone it is a fragment, not a statement. Clauses that
 * open the sentence, or open with a subject of their own ("the company said ..."), are statements.
 */
export function leansOnSentence(doc: SourceDoc, clause: ClaimUnit, sentence: ClaimUnit): boolean {
  if (clause.start <= sentence.start) return false;
  const first = /^[\p{L}'’-]+/u.exec(doc.text.slice(clause.start, clause.start + 40))?.[0];
  if (!first || first[0] !== first[0]?.toLowerCase()) return false;
  continuations ??= lexiconSet('clause-continuations.txt');
  return continuations.has(first) || /\p{L}{3,}ing$/u.test(first);
}

/** The subject shown before a fragment: the sentence's opening words up to its first break, at most this many. */
const SUBJECT_MAX_WORDS = 12;

/**
 * How a single-source claim reads. The evidence stays the clause that only this source states (its
 * span is what the other sources lack), but a fragment leaning on its sentence's subject reads
 * with that subject before it ("The recording … was made at private donor gatherings ..."), so a
 * claim is a full statement (issue 17).
 */
export function claimText(doc: SourceDoc, clause: ClaimUnit, sentence: ClaimUnit): string {
  const own = doc.text.slice(clause.start, clause.end);
  if (!leansOnSentence(doc, clause, sentence)) return own;
  const opening = doc.text.slice(sentence.start, clause.start);
  const breakAt = /,\s|\s[-–—]\s|;\s|:\s|\s\(/u.exec(opening)?.index ?? opening.length;
  const words = opening.slice(0, breakAt).trim().split(/\s+/u);
  return `${words.slice(0, SUBJECT_MAX_WORDS).join(' ')} … ${own}`;
}

/**
 * Whether a piece of an article is the outlet's own statement: not mostly a quotation (quotes are
 * the quote stage's findings: "..., adding: \"He thought I was crazy.\"") and not in the first
 * person outside quotation marks (news prose reports in the third person; "he gave me ..." outside
 * marks is a speaker's words whose marks were lost, "we always start with this" the outlet's
 * remarks about itself, neither a fact the story reports).
 */
export function inOwnVoice(doc: SourceDoc, unit: ClaimUnit): boolean {
  if (quotedShare(doc, unit) > MAX_QUOTED_SHARE) return false;
  const first = lexicons().firstPronouns;
  return !unit.words.some((w) => doc.quoted[w.start] !== 1 && isFirstPerson(doc.text.slice(w.start, w.end), first));
}

/** "we", "We", "I"; not "US" (the country, in capitals). */
function isFirstPerson(word: string, first: Set<string>): boolean {
  const lower = word.toLowerCase();
  return first.has(lower) && (word === 'I' || word.slice(1) === lower.slice(1));
}
