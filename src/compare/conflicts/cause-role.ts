import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexiconLines, lexicons } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { stem } from '../text/stem.js';
import { memoInStory } from '../text/story-memo.js';
import { conflictFrom, touchesQuote, type Stance } from './common.js';

/**
 * Polarity conflicts on whether a thing brought something about: one source says "the late penalty
 * was the last straw" (or "prompted", "played a part in": data/lexicons/compare/cause-claims.txt),
 * another "the penalty played no role in it" (cause-denials.txt). The two must name the same thing:
 * every content word of the shorter subject (at least MIN_SUBJECT_WORDS, stemmed) in the other's.
 * When both name what was brought about ("prompted the closure" / "had nothing to do with the
 * fire"), those must share a content word too: a thing can cause one outcome and not another.
 * A hedged or negated claim ("may have prompted", "was not the last straw" is a denial) takes no
 * side, and cue words inside quotation marks are the quote detector's.
 */
const MIN_SUBJECT_WORDS = 2;
/** Words after the cue read as what was brought about. */
const MAX_OBJECT_WORDS = 8;
/** Words of the clause before the cue read as its subject. */
const MAX_SUBJECT_WORDS = 14;
/** Words that make a claim a supposition, not a statement of cause. */
const HEDGES = /\b(?:may|might|could|would|perhaps|possibly|probably|maybe|if|whether|unless)\b/i;

const FORMS: Record<string, string> = {
  BE: String.raw`(?:was|were|is|are|has\s+been|have\s+been|had\s+been|proved|proved\s+to\s+be)`,
  DO: String.raw`(?:did|does|do)`,
  HAVE: String.raw`(?:had|has|have)`,
};

interface CauseStance extends Stance {
  /** Stemmed content words of the subject. */
  subject: Set<string>;
  /** Stemmed content words of what the cue says was brought about (empty for "was the last straw"). */
  object: Set<string>;
  /** The subject as printed. */
  shown: string;
}

/**
 * One lexicon's cues as one regex, built the first time a sentence may hold one of them: each
 * cue's first word takes an optional adverb (`\p{L}` in a case-insensitive Unicode regex), and the
 * regex of 26 such cues took 6% of a small story's whole run to build and compile. `needs` holds,
 * for each cue, its plain words (not the BE/DO/HAVE forms or "not"): a sentence that lacks every
 * word of every cue cannot match, so most stories never build it.
 */
export interface CueSet {
  source: string;
  needs: string[][];
  re: RegExp | null;
}

let patterns: { claim: CueSet; denial: CueSet } | null = null;

/** Exported for its test, as are wordsOf and cueRegex. */
export function phrasePattern(file: string): CueSet {
  const lines = lexiconLines(file);
  const alternatives = lines.map((line) =>
    line
      .trim()
      .split(/\s+/)
      .map((w, i) => {
        const word = FORMS[w] ?? (w === 'not' ? String.raw`(?:not|n['’]t|never)` : w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        // One adverb may follow the verb ("was apparently the last straw", "had really nothing to do with").
        return i === 0 ? `${word}(?:\\s+\\p{L}+ly)?` : word;
      })
      .join('\\s+')
      .replace(/\\s\+\(\?:not\|n\['’\]t\|never\)/g, String.raw`(?:\s+not|n['’]t|\s+never)`),
  );
  const needs = lines.map((line) => line.trim().toLowerCase().split(/\s+/).filter((w) => w !== 'not' && FORMS[w.toUpperCase()] === undefined && /^[a-z]+$/.test(w)));
  return { source: String.raw`\b(?:${alternatives.sort((a, b) => b.length - a.length).join('|')})\b`, needs, re: null };
}

/**
 * The words of a sentence as the cue regex sees them: runs of its word characters, which in a
 * case-insensitive Unicode regex are A-Z, a-z, 0-9, _ and the two that fold to ASCII letters (ſ to s,
 * the Kelvin sign to k), compared in lower case. Every other character ends a word.
 */
export function wordsOf(body: string): Set<string> {
  return new Set(body.replace(/[^A-Za-z0-9_\u017f\u212a]+/g, ' ').toLowerCase().replace(/\u017f/g, 's').split(' '));
}

/** The cue regex, or null when no cue can match a sentence of these words. */
export function cueRegex(set: CueSet, words: Set<string>): RegExp | null {
  if (!set.needs.some((need) => need.every((w) => words.has(w)))) return null;
  return (set.re ??= new RegExp(set.source, 'giu'));
}

export function causeRoleConflicts(docs: SourceDoc[]): Conflict[] {
  patterns ??= { claim: phrasePattern('cause-claims.txt'), denial: phrasePattern('cause-denials.txt') };
  const stances = docs.flatMap((d) => stancesIn(d, patterns as NonNullable<typeof patterns>));
  const out: Conflict[] = [];
  const used = new Set<CauseStance>();
  for (const d of stances.filter((s) => s.value === 'denied')) {
    if (used.has(d)) continue;
    const same = stances.filter((s) => sameSubject(s.subject, d.subject) && sameObject(s.object, d.object));
    if (!same.some((s) => s.value === 'claimed')) continue;
    same.forEach((s) => used.add(s));
    const c = conflictFrom('polarity', `whether ${d.shown} brought it about`, same, docs, (v) => (v === 'denied' ? 'played no part' : 'brought it about'), 'one source names it as a cause, another says it played no part');
    if (c) out.push(c);
  }
  return out;
}

/** The cause claims and denials of one source, each with the subject before its cue. */
function stancesIn(doc: SourceDoc, re: { claim: CueSet; denial: CueSet }): CauseStance[] {
  const out: CauseStance[] = [];
  for (const s of doc.sentences) {
    const body = doc.text.slice(s.start, s.end);
    const denials: Span[] = [];
    // Which cue sets can match this sentence: a pure function of its text, read once per distinct
    // sentence of the story (copies repeat them); most sentences match none.
    const possible = memoInStory('causeCues', body, () => {
      const words = wordsOf(body);
      return [cueRegex(re.denial, words) !== null, cueRegex(re.claim, words) !== null] as const;
    });
    for (const [set, value, can] of [[re.denial, 'denied', possible[0]], [re.claim, 'claimed', possible[1]]] as const) {
      const pattern = can ? cueRegex(set, wordsOf(body)) : null;
      if (!pattern) continue;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
        const cue = { start: s.start + m.index, end: s.start + m.index + m[0].length };
        if (touchesQuote(doc, cue) || denials.some((x) => x.start <= cue.start && cue.start < x.end)) continue;
        if (value === 'denied') denials.push(cue);
        const head = body.slice(0, m.index);
        if (value === 'claimed' && (HEDGES.test(head) || /(?:\bnot|n['’]t|\bnever|\bno)\s*$/i.test(head))) continue;
        const subject = subjectOf(head);
        if (subject.words.size < MIN_SUBJECT_WORDS) continue;
        // A cue ending in a preposition, or a lone verb ("prompted"), names what was brought about next.
        const object = /\b(?:in|for|of|to|on|with)$/i.test(m[0]) || !/\s/.test(m[0]) ? contentStems(body.slice(m.index + m[0].length).split(/[,;:.!?]|\b(?:but|though|while|and)\b/)[0] ?? '', MAX_OBJECT_WORDS, 'first') : new Set<string>();
        out.push({ source: doc.index, value, span: s, subject: subject.words, object, shown: subject.shown });
      }
    }
  }
  return out;
}

/** The subject of a cue: the clause before it, after the last "that", speech verb, semicolon or colon. */
function subjectOf(head: string): { words: Set<string>; shown: string } {
  const clause = (head.split(/\bthat\b|\bwhich\b|[;:"“”]/i).pop() ?? '').trim().replace(/,\s*$/, '');
  const { speechVerbs } = lexicons();
  const all = [...clause.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu)];
  // "a board member said the defeat ...": the subject starts after the speech verb.
  const said = all.findLastIndex((t) => speechVerbs.has(t[0].toLowerCase()));
  const tokens = all.slice(said + 1).slice(-MAX_SUBJECT_WORDS);
  const words = contentStems(tokens.map((t) => t[0]).join(' '), MAX_SUBJECT_WORDS, 'last');
  const first = tokens[0];
  return { words, shown: first ? `“${clause.slice(first.index ?? 0).replace(/^(?:the|a|an)\s+/i, '')}”` : '“it”' };
}

/** Stemmed content words of a passage: its first or last `n` words. */
function contentStems(text: string, n: number, end: 'first' | 'last'): Set<string> {
  const { stopwords } = lexicons();
  const all = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu)].map((t) => t[0].toLowerCase().replace(/[’']s$/, ''));
  const kept = end === 'first' ? all.slice(0, n) : all.slice(-n);
  return new Set(kept.filter((w) => !stopwords.has(w)).map(stem));
}

/** What two cues say was brought about agrees, or one of them does not say. */
function sameObject(a: Set<string>, b: Set<string>): boolean {
  return !a.size || !b.size || [...a].some((w) => b.has(w));
}

/** Every word of the shorter subject in the longer one. */
function sameSubject(a: Set<string>, b: Set<string>): boolean {
  const [s, l] = a.size <= b.size ? [a, b] : [b, a];
  return s.size >= MIN_SUBJECT_WORDS && [...s].every((w) => l.has(w));
}
