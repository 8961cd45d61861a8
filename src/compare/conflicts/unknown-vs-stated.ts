import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexiconSet, lexicons } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { choiceOf, picksOne, type Choice } from './alternatives.js';
import { answerSentence, contentWords, docAnswers, holdsInOrder, type AnswerSentence, type DocAnswers } from './answer-index.js';
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
  const indexes = new Map<SourceDoc, DocAnswers>();
  const answerIndex = (doc: SourceDoc): DocAnswers => {
    let got = indexes.get(doc);
    if (!got) indexes.set(doc, (got = docAnswers(doc)));
    return got;
  };
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
      // The first sentence of the source that answers (answer-index.ts: only those that can).
      const found = firstAnswer(answerIndex(doc), q);
      if (found) answers.push({ source: doc.index, value: 'stated', span: found });
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
export function answers_(doc: SourceDoc, sentence: Span, q: Pick<Open, 'words' | 'choice'>): boolean {
  return answersWith(answerSentence(doc, sentence), q);
}

function answersWith(s: AnswerSentence, q: Pick<Open, 'words' | 'choice'>): boolean {
  if (s.open) return false;
  if (q.choice) return picksOne(s.body, q.choice);
  return holdsInOrder(s.words, q.words);
}

/** The first sentence of a source that answers the question, or null (the same as testing every sentence in order). */
export function firstAnswer(index: DocAnswers, q: Pick<Open, 'words' | 'choice'>): Span | null {
  for (const p of q.choice ? index.sentences.map((_, k) => k) : index.candidates(q.words)) {
    const s = index.sentences[p] as AnswerSentence;
    if (answersWith(s, q)) return s.span;
  }
  return null;
}
