import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexiconLines, lexicons } from '../lexicon.js';
import { quotedShare, type SourceDoc } from '../source-doc.js';
import { exactKey } from './alternatives.js';
import { alternation, conflictFrom, touchesQuote, type Stance } from './common.js';

/**
 * Polarity conflicts on a claim one source calls unproven and another states as fact: "reports
 * claim that the fire was started by protesters. This remains an unsubstantiated claim." against
 * "the branch went up in flames after a protester threw a petrol bomb". The claim must name its
 * doer ("was started by protesters": data/lexicons/compare/disputed-claims.json); a statement is a
 * sentence of another source naming the doer and the thing done to (each by stem or by a set of
 * answer-equivalents.txt: fire = flames = blaze) within MAX_DISTANCE words, unhedged, mostly
 * outside quotation marks, and disputing nothing itself.
 */
const MAX_DISTANCE = 12;
/** A sentence mostly inside quotation marks is the quote detector's. */
const MAX_QUOTED_SHARE = 0.5;
/** Words of the claim shown in the summary. */
const SUMMARY_WORDS = 12;
/** Words by which a thing happens as the doer acts ("caught fire after rioters broke in"). */
const AFTER = new Set(['after', 'when', 'as', 'because']);
const HEDGED = /\b(?:may|might|could|possibly|perhaps|probably|if|whether|alleged|allegedly|reportedly|suspected|claims?|reports\s+have\s+it|believed)\b/i;

// eslint-disable-next-line security/detect-unsafe-regex -- applied to one claim clause (at most 300 characters); the optional words are distinct
const PASSIVE = /\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+\p{L}+\s+by\s+(?:the\s+|a\s+|an\s+)?(\p{L}+)/iu;

interface Claim {
  /** The thing done to ("fire") and the doer ("protesters"), as answer keys. */
  thing: string;
  doer: string;
  shown: string;
}

let compiled: { dispute: RegExp; claim: RegExp; opener: RegExp } | null = null;
function patterns(): NonNullable<typeof compiled> {
  if (compiled) return compiled;
  const lex = JSON.parse(lexiconLines('disputed-claims.json').join('\n')) as { disputes: string[]; claimWords: string[]; openers: string[] };
  const words = (xs: string[]): string => alternation(xs).replace(/ /g, '\\s+');
  return (compiled = {
    dispute: new RegExp(String.raw`\b(?:${words(lex.disputes)})\b`, 'iu'),
    claim: new RegExp(String.raw`\b(?:${words(lex.claimWords)})\s+that\s+`, 'giu'),
    opener: new RegExp(String.raw`^\s*(?:${words(lex.openers)})\b`, 'iu'),
  });
}

export function disputedClaimConflicts(docs: SourceDoc[]): Conflict[] {
  const { dispute } = patterns();
  const out: Conflict[] = [];
  for (const doc of docs)
    doc.sentences.forEach((s, i) => {
      const body = doc.text.slice(s.start, s.end);
      const cue = dispute.exec(body);
      if (!cue || touchesQuote(doc, { start: s.start + cue.index, end: s.start + cue.index + cue[0].length })) return;
      const claim = claimOf(doc, s, doc.sentences[i - 1]);
      if (!claim) return;
      const stated: Stance[] = docs.filter((d) => d !== doc).flatMap((d) => d.sentences.filter((x) => states(d, x, claim)).map((x) => ({ source: d.index, value: 'stated', span: x })));
      if (!stated.length) return;
      const c = conflictFrom('polarity', `whether ${claim.shown} holds`, [{ source: doc.index, value: 'disputed', span: s }, ...stated], docs, (v) => (v === 'disputed' ? 'called unproven' : 'stated as fact'), 'one source calls the claim unproven, another states it');
      if (c) out.push(c);
    });
  return out;
}

/** The claim a dispute sentence speaks of: its own "claims that ...", or the sentence before's when it opens "This ...". */
function claimOf(doc: SourceDoc, s: Span, previous: Span | undefined): Claim | null {
  const { opener } = patterns();
  const body = doc.text.slice(s.start, s.end);
  return claimIn(body) ?? (previous && opener.test(body) ? claimIn(doc.text.slice(previous.start, previous.end)) : null);
}

/** A "claims that X was done by Y" clause of a text: from the last claim word before the passive's doer. */
function claimIn(text: string): Claim | null {
  const { claim } = patterns();
  const passive = PASSIVE.exec(text);
  if (!passive) return null;
  const starts = [...text.slice(0, passive.index).matchAll(claim)];
  const last = starts[starts.length - 1];
  if (!last) return null;
  const clause = text.slice((last.index ?? 0) + last[0].length, passive.index + passive[0].length);
  const { stopwords } = lexicons();
  const thing = [...clause.matchAll(/\p{L}+/gu)].map((m) => m[0].toLowerCase()).find((w) => !stopwords.has(w));
  if (!thing) return null;
  const words = clause.trim().split(/\s+/);
  const shown = `“${words.slice(0, SUMMARY_WORDS).join(' ')}${words.length > SUMMARY_WORDS ? '…' : ''}”`;
  return { thing: exactKey(thing), doer: exactKey(passive[1] as string), shown };
}

/**
 * True when a sentence states the claim as its own: the doer acting on the thing ("demonstrators set
 * the bank on fire"), or the thing happening after or when the doer acted ("caught fire after rioters
 * broke in"), within MAX_DISTANCE words and one clause; unhedged, disputing nothing itself.
 */
function states(doc: SourceDoc, s: Span, claim: Claim): boolean {
  const body = doc.text.slice(s.start, s.end);
  if (HEDGED.test(body) || patterns().dispute.test(body) || /\?\s*["”’']?\s*$/.test(body) || quotedShare(doc, s) > MAX_QUOTED_SHARE) return false;
  const tokens = [...body.matchAll(/\p{L}+/gu)].map((m) => ({ key: exactKey(m[0]), word: m[0].toLowerCase(), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  for (let a = 0; a < tokens.length; a++)
    for (let b = a + 1; b < tokens.length && b - a <= MAX_DISTANCE; b++) {
      const [x, y] = [tokens[a], tokens[b]] as [(typeof tokens)[number], (typeof tokens)[number]];
      if (/[,;:()—–]/.test(body.slice(x.end, y.start))) break;
      const between = tokens.slice(a + 1, b).map((t) => t.word);
      if (x.key === claim.doer && y.key === claim.thing) return true;
      if (x.key === claim.thing && y.key === claim.doer && between.some((w) => AFTER.has(w))) return true;
    }
  return false;
}
