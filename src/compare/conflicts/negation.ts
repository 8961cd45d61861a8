import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexiconSet, lexicons } from '../lexicon.js';
import { quotedShare, type SourceDoc } from '../source-doc.js';
import { conflictFrom, touchesQuote, type Stance } from './common.js';

/**
 * Fewest content words a statement needs: shorter sentences ("Nobody was hurt.") are too generic
 * for their negation in another source to be the same statement.
 */
const MIN_CONTENT_WORDS = 4;
/** A sentence mostly inside quotation marks is the quote detector's, not a statement of the outlet. */
const MAX_QUOTED_SHARE = 0.5;
/** Words of the statement shown in the summary. */
const SUMMARY_WORDS = 12;

interface Token {
  word: string;
  span: Span;
}

/** The mark a negator leaves among the content words, so its place counts. */
const NEG = '¬';

interface Statement {
  source: number;
  /** The sentence's content words in order, each negator as NEG: the statement it makes. */
  key: string;
  /** Each negation: the key without it, its place among the content words, and the words around it for the sides' values. */
  negations: { without: string; word: number; value: { negated: string; plain: string } }[];
  /** Per content word: whether its clause is hedged (then a negation there, or of it, is no denial). */
  hedged: boolean[];
  sentence: Span;
}

let lexicon: { negators: string[][]; hedges: Set<string>; notPredicate: Set<string> } | null = null;
function negationLexicon(): NonNullable<typeof lexicon> {
  lexicon ??= {
    negators: [...lexiconSet('negators.txt')].map((l) => l.split(/\s+/)).sort((a, b) => b.length - a.length),
    hedges: lexiconSet('negation-hedges.txt'),
    notPredicate: lexiconSet('negation-not-predicate.txt'),
  };
  return lexicon;
}

/**
 * Polarity conflicts on a negated statement: one source says "X was in the building", another
 * "X was not in the building". The two sentences must make the same statement (the same content
 * words in the same order: names, numbers and all) and differ by one negator on the predicate.
 * Hedged, modal, conditional or partial sentences, questions, "not only" and negations inside
 * quotation marks are left alone: there both can hold, or the quote detector compares the words.
 */
export function negationConflicts(docs: SourceDoc[]): Conflict[] {
  const groups = new Map<string, Statement[]>();
  for (const doc of docs)
    for (const s of doc.sentences) {
      const st = statementOf(doc, s);
      if (st) groups.set(st.key, [...(groups.get(st.key) ?? []), st]);
    }
  // Sentences that are another group's statement with one negation more.
  const denials = new Map<string, { st: Statement; word: number; value: { negated: string; plain: string } }[]>();
  for (const members of groups.values())
    for (const st of members)
      for (const n of st.negations) if (groups.has(n.without)) denials.set(n.without, [...(denials.get(n.without) ?? []), { st, word: n.word, value: n.value }]);
  const out: Conflict[] = [];
  for (const [key, denied] of denials) {
    // The affirming sentence must not hedge the clause the denial negates ("he may have left" / "he has not left").
    const affirmed = (groups.get(key) ?? []).filter((m) => denied.every((d) => !m.hedged[d.word] && !m.hedged[d.word - 1]));
    const first = affirmed[0];
    if (!first) continue;
    const stances: Stance[] = [...affirmed.map((m) => ({ source: m.source, value: 'affirmed', span: m.sentence })), ...denied.map((d) => ({ source: d.st.source, value: 'negated', span: d.st.sentence }))];
    const { negated: no, plain: yes } = (denied[0] as (typeof denied)[number]).value;
    const doc = docs[first.source] as SourceDoc;
    const question = `whether ${shortened(doc.text.slice(first.sentence.start, first.sentence.end))}`;
    const c = conflictFrom('polarity', question, stances, docs, (v) => `“${v === 'negated' ? no : yes}”`, 'one source states what another denies in the same words');
    if (c) out.push(c);
  }
  return out;
}

/** The statement a sentence makes, or null when it is not one this pass can compare. */
function statementOf(doc: SourceDoc, sentence: Span): Statement | null {
  const body = doc.text.slice(sentence.start, sentence.end);
  if (/\?\s*["”’']?\s*$/.test(body) || quotedShare(doc, sentence) > MAX_QUOTED_SHARE) return null;
  const { negators, hedges, notPredicate } = negationLexicon();
  const tokens = tokensOf(doc.text, sentence);
  const clause = clausesOf(doc.text, tokens);
  const hedgedClauses = new Set(tokens.flatMap((t, i) => (hedges.has(t.word) ? [clause[i] ?? 0] : [])));
  const { stopwords } = lexicons();
  const content: string[] = [];
  const hedged: boolean[] = [];
  const found: { at: number; span: Span; word: number; hedged: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = negators.find((words) => words.every((w, k) => tokens[i + k]?.word === w));
    if (n) {
      // A negation not on the predicate ("not only ... but") is no denial; one in a quote is the quote detector's.
      if (notPredicate.has(tokens[i + n.length]?.word ?? '')) return null;
      const span = { start: (tokens[i] as Token).span.start, end: (tokens[i + n.length - 1] as Token).span.end };
      if (touchesQuote(doc, span)) return null;
      const inHedged = hedgedClauses.has(clause[i] ?? 0);
      found.push({ at: i, span, word: content.length, hedged: inHedged });
      content.push(NEG);
      hedged.push(inHedged);
      i += n.length - 1;
      continue;
    }
    const w = (tokens[i] as Token).word;
    if (!stopwords.has(w)) {
      content.push(w);
      hedged.push(hedgedClauses.has(clause[i] ?? 0));
    }
  }
  if (content.length - found.length < MIN_CONTENT_WORDS) return null;
  // A negation in a hedged clause is no denial ("some were not hurt"; "he may not come").
  const negations = found.filter((f) => !f.hedged).map((f) => ({ without: content.filter((_, k) => k !== f.word).join(' '), word: f.word, value: valueAround(doc.text, tokens, f.at, f.span) }));
  return { source: doc.index, key: content.join(' '), negations, hedged, sentence };
}

/**
 * "was not in" and "was in": the word before the negation, the negation and the word after, as
 * written, and the same without the negation (a contraction's verb as its word: "wasn't" -> "was").
 */
function valueAround(text: string, tokens: Token[], at: number, negation: Span): { negated: string; plain: string } {
  const before = tokens[at - 1];
  const after = tokens.find((t) => t.span.start >= negation.end);
  const written = (t: Token | undefined): string => (t ? text.slice(t.span.start, t.span.end) : '');
  const contracted = before !== undefined && before.span.start === negation.start;
  const negated = [contracted ? '' : written(before), text.slice(negation.start, negation.end), written(after)];
  const plain = [contracted ? (before?.word ?? '') : written(before), written(after)];
  return { negated: negated.filter(Boolean).join(' '), plain: plain.filter(Boolean).join(' ') };
}

/** Lower-case words of a sentence, contractions expanded ("wasn't" -> "was" "not"), each with its span. */
function tokensOf(text: string, sentence: Span): Token[] {
  const { contractions } = lexicons();
  const out: Token[] = [];
  for (const m of text.slice(sentence.start, sentence.end).matchAll(/[\p{L}\p{N}][\p{L}\p{N}’']*/gu)) {
    const span = { start: sentence.start + (m.index ?? 0), end: sentence.start + (m.index ?? 0) + m[0].length };
    const raw = m[0].toLowerCase().replace(/’/g, "'").replace(/'s$|'$/, '');
    const full = contractions.get(raw);
    if (full) {
      for (const w of full.split(/\s+/)) out.push({ word: w, span });
      continue;
    }
    const nt = /^(\p{L}+)n't$/u.exec(raw);
    if (nt) out.push({ word: nt[1] as string, span }, { word: 'not', span });
    else out.push({ word: raw, span });
  }
  return out;
}

/** Words that open a clause of their own: a hedge before them does not reach past them, nor one after them back. */
const CLAUSE_OPENERS = new Set(['but', 'while', 'whereas', 'which', 'where', 'who', 'if', 'unless', 'whether', 'because', 'although', 'though']);

/**
 * The clause of each token, as a running number: a new clause at punctuation between two words or
 * at a clause opener. A hedge ("most", "if", "may") qualifies its own clause, not the whole sentence
 * ("he got most of his schooling abroad, where his father worked" hedges nothing about the father).
 */
function clausesOf(text: string, tokens: Token[]): number[] {
  let n = 0;
  return tokens.map((t, i) => {
    const prev = tokens[i - 1];
    if (prev && prev.span.end <= t.span.start && (/[,;:—–()]/.test(text.slice(prev.span.end, t.span.start)) || CLAUSE_OPENERS.has(t.word))) n++;
    return n;
  });
}

function shortened(sentence: string): string {
  const words = sentence.trim().replace(/[.!]+$/, '').split(/\s+/);
  return `“${words.slice(0, SUMMARY_WORDS).join(' ')}${words.length > SUMMARY_WORDS ? '…' : ''}” holds`;
}
