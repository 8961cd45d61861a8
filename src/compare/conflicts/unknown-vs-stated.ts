import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexiconSet, lexicons } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { choiceOf, picksOne, type Choice } from './alternatives.js';
import { conflictFrom, type Stance } from './common.js';

/**
 * Words of an open question that any answer restates differently ("if anyone else was inside" is
 * answered by "nobody else was inside"): left out when the answer is matched.
 */
const INDEFINITE = new Set(['anyone', 'anybody', 'someone', 'somebody', 'nobody', 'none', 'one', 'anything', 'something', 'nothing', 'time']);
/** Fewest content words an open question needs to be matched to an answer: fewer match anything. */
const MIN_WORDS = 2;
/** Most content words of the question, so a long clause (a question of its own) is not matched loosely. */
const MAX_WORDS = 6;
/** Words of a question shown in the summary. */
const SUMMARY_WORDS = 10;

interface Open {
  source: number;
  words: string[];
  question: string;
  span: Span;
  /** A question of two alternatives ("whether the dead were customers or staff"): answered by one of them. */
  choice: Choice | null;
}

let cuePattern: RegExp | null = null;

/**
 * Polarity conflicts on whether something is known: one source says the question is open ("it was
 * unclear whether the road was closed", "the chief could not say if anyone else was inside"), another
 * answers it ("nobody else was in the building"). Both cannot hold of one report: the answer was
 * either given or not. The answer must hold every content word of the question, in its order, in
 * one sentence of another source that leaves nothing open itself.
 */
export function unknownVsStatedConflicts(docs: SourceDoc[]): Conflict[] {
  const open = docs.flatMap((d) => openQuestions(d));
  const out: Conflict[] = [];
  const seen = new Set<string>();
  for (const q of open) {
    const key = q.words.join(' ');
    if (seen.has(key)) continue;
    const asked = open.filter((o) => o.words.join(' ') === key);
    const askers = new Set(asked.map((o) => o.source));
    const answers: Stance[] = [];
    for (const doc of docs) {
      if (askers.has(doc.index)) continue;
      for (const s of doc.sentences) if (answers.filter((a) => a.source === doc.index).length < 1 && answers_(doc, s, q)) answers.push({ source: doc.index, value: 'stated', span: s });
    }
    if (!answers.length) continue;
    seen.add(key);
    const stances: Stance[] = [...asked.map((o) => ({ source: o.source, value: 'open', span: o.span })), ...answers];
    const c = conflictFrom('polarity', `whether it is known ${q.question}`, stances, docs, (v) => (v === 'open' ? 'left open' : 'answered'), 'one source says the answer was not known or not given, another gives it');
    if (c) out.push(c);
  }
  return out;
}

/** The open questions of one source: the cue with its "if/whether" clause, and the clause's content words. */
function openQuestions(doc: SourceDoc): Open[] {
  // A written-out "not" also matches its contraction ("could not say" = "couldn't say").
  const cues = [...lexiconSet('unknown-cues.txt')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ not\b/g, "(?:\\s+not|n['’]t)").replace(/ /g, '\\s+'));
  cuePattern ??= new RegExp(String.raw`\b(?:${cues.sort((a, b) => b.length - a.length).join('|')})\s+(if|whether)\s+([^,;:.?!"“”]{3,120})`, 'giu');
  const { stopwords } = lexicons();
  const out: Open[] = [];
  for (const s of doc.sentences) {
    const body = doc.text.slice(s.start, s.end);
    cuePattern.lastIndex = 0;
    for (let m = cuePattern.exec(body); m; m = cuePattern.exec(body)) {
      const clause = (m[2] as string).trim();
      const words = contentWords(clause).filter((w) => !stopwords.has(w) && !INDEFINITE.has(w));
      if (words.length < MIN_WORDS || words.length > MAX_WORDS) continue;
      const shown = clause.split(/\s+/).slice(0, SUMMARY_WORDS).join(' ');
      const span = { start: s.start + m.index, end: s.start + m.index + m[0].trimEnd().length };
      out.push({ source: doc.index, words, question: `${m[1] as string} “${shown}”`, span, choice: choiceOf(clause) });
    }
  }
  return out;
}

/**
 * True when a sentence states an answer, with no open question or hedge of its own: every question
 * word in order, or for a question of two alternatives, the words of one (see `picksOne`).
 */
function answers_(doc: SourceDoc, sentence: Span, q: Open): boolean {
  const body = doc.text.slice(sentence.start, sentence.end);
  if (/\?\s*["”’']?\s*$/.test(body) || /\b(?:if|whether|may|might|perhaps|possibly|probably)\b/i.test(body)) return false;
  if (q.choice) return picksOne(body, q.choice);
  const words = q.words;
  const have = contentWords(body);
  let at = 0;
  for (const w of words) {
    const i = have.indexOf(w, at);
    if (i < 0) return false;
    at = i + 1;
  }
  return true;
}

const contentWords = (text: string): string[] => [...text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
