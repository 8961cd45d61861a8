import { lexicons } from '../../lexicons.js';
import type { Token } from '../../tokens.js';
import type { SpeakerPhrase } from '../../speaker-phrase.js';
import { clauseEnd, contentSpan, MIN_CONTENT_WORDS, nonFiniteIng, type IndirectFinding, type IndirectPass } from './context.js';
import { subjectBefore } from './subject.js';

/** How many words of addressee "told" may take before its content ("told reporters on Monday that"). */
const TOLD_ADDRESSEE_MAX_WORDS = 5;
/** Words that start the content after "told X". */
const CONTENT_OPENERS = new Set(['that', 'he', 'she', 'they', 'it', 'we', 'the']);

/** Is token `i` a reporting verb of indirect speech (a finite speech or belief verb; weak ones need a quotation mark)? */
function reportingVerb(toks: Token[], i: number): string | null {
  const lex = lexicons();
  const t = toks[i] as Token;
  const speech = lex.speechVerbs.get(t.lower);
  const lemma = speech ?? lex.cognitiveVerbs.get(t.lower);
  if (!lemma || t.cap || nonFiniteIng(toks, i) || (speech !== undefined && lex.weakVerbs.has(speech))) return null;
  return lemma;
}

/** Where the content of the verb at `i` starts: after "that", or after the addressee of "told". */
function contentStart(toks: Token[], i: number, lemma: string): number {
  let j = i + 1;
  if (lemma === 'tell') while (j < toks.length && j < i + 1 + TOLD_ADDRESSEE_MAX_WORDS && !CONTENT_OPENERS.has((toks[j] as Token).lower)) j++;
  if (toks[j]?.lower === 'that') j++;
  return j;
}

/**
 * Lemmas "it" may be the subject of in reported speech: an organisation, report or statement "says"
 * or "said" ("The ministry issued a statement. It said the port would reopen"); after other verbs "it"
 * is mostly a dummy subject ("it seems", "it suggests", "it shows").
 */
const IT_SPEAKS = new Set(['say']);

/** Conjunctions joining a second reporting verb to the first. */
const CONJUNCTIONS = new Set(['and', 'but']);
/** Pronouns that, after a conjunction, are the subject of a second reporting verb ("and he added"). */
const NEW_SUBJECTS = new Set(['he', 'she', 'they']);

/** Conjunctions that, after a comma, open a statement with a subject of its own (", though Berg noted ...", ", but Berg said ..."). */
const CONTRAST = new Set(['though', 'although', 'while', 'whereas', 'but', 'and']);

/** ", though X noted ...", ", but X said ...": X's statement ends the content before it; where that content ends, with X. */
function contrastClause(text: string, toks: Token[], phrase: SpeakerPhrase | null): { phrase: SpeakerPhrase; end: number } | null {
  if (!phrase) return null;
  const k = toks.findIndex((t) => t.start >= phrase.start) - 1;
  const conj = toks[k];
  const before = toks[k - 1];
  if (!conj || !before || !CONTRAST.has(conj.lower) || !text.slice(before.end, conj.start).includes(',')) return null;
  return { phrase, end: before.end };
}

interface Open {
  /** Token index where the content starts. */
  j: number;
  finding: Omit<IndirectFinding, 'content'>;
}

/**
 * "X said (that) ...", "X told reporters ...", "X believes ...": the subject before the cue. A
 * second verb sharing the subject ("... and said ...") starts a second attribution, which ends the first.
 */
export const subjectVerb: IndirectPass = {
  name: 'indirect:subject-verb',
  inQuotedSentences: true,
  find(c, { sentence: s, toks }) {
    const out: IndirectFinding[] = [];
    const state: { open: Open | null } = { open: null };
    const close = (o: Open | null, end: number): void => {
      const first = o ? toks[o.j] : undefined;
      const content = o && first ? contentSpan(c.text, first.start, clauseEnd(c.text, toks, o.j, end)) : null;
      if (o && content) out.push({ ...o.finding, content });
    };
    for (let i = 1; i < toks.length - MIN_CONTENT_WORDS; i++) {
      const lemma = reportingVerb(toks, i);
      if (!lemma) continue;
      const t = toks[i] as Token;
      const prev = state.open;
      const coordinated = CONJUNCTIONS.has(toks[i - 1]?.lower ?? '');
      // "... — and he noted that ...": a conjunction and a pronoun of its own start a second attribution.
      const newSubject = prev !== null && CONJUNCTIONS.has(toks[i - 2]?.lower ?? '') && NEW_SUBJECTS.has(toks[i - 1]?.lower ?? '');
      const own = prev && !coordinated && !newSubject ? contrastClause(c.text, toks, subjectBefore(c, toks, i)) : null;
      if (prev && !coordinated && !newSubject && !own) continue;
      const phrase: SpeakerPhrase | null = own ? own.phrase : prev && !newSubject ? prev.finding.phrase : subjectBefore(c, toks, i);
      if (!phrase || (phrase.kind === 'pronoun' && (phrase.head === 'i' || (phrase.head === 'it' && !IT_SPEAKS.has(lemma))))) continue;
      close(prev, own ? own.end : newSubject ? (toks[i - 3] as Token).end : (toks[i - 1] as Token).start);
      const next: Open = { j: contentStart(toks, i, lemma), finding: { phrase, cue: t, cueText: t.text } };
      state.open = next;
      i = next.j;
    }
    close(state.open, s.end);
    return out;
  },
};
