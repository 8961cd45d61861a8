import type { Span } from '../../../model/span.js';
import type { Quote } from '../../types.js';
import { lexicons } from '../../lexicons.js';
import { tokenize } from '../../tokens.js';
import type { AttributionContext } from '../working.js';
import type { TracedQuote } from '../index.js';
import { buildIndirectContext, type Candidate, type IndirectContext, type IndirectFinding, type IndirectPass } from './context.js';
import { indirectSpeaker } from './speaker.js';
import { accordingToLeading } from './01-according-to.js';
import { accordingToClause } from './02-according-to-clause.js';
import { trailingAttribution } from './03-trailing.js';
import { subjectVerb } from './04-subject-verb.js';
import { stanceVerb } from './05-stance-verb.js';
import { participleClause } from './06-participle.js';
import { titleCase } from './07-title-case.js';
import { colonLabel, opensWithLabel } from './08-colon-label.js';
import { passiveBy } from './09-passive-by.js';

/**
 * Indirect speech, kept with `direct: false`: "X said (that) ...", "..., X said.", "According to X,
 * ...", "..., according to X." in sentences holding no quotation, by an ordered list of passes (the
 * first pass that finds anything in a sentence decides it). Speakers are resolved more simply than a
 * direct quote's: a name found in the text, a pronoun to the last speaker, or the phrase as written.
 */

export const INDIRECT_PASSES: readonly IndirectPass[] = [accordingToLeading, accordingToClause, trailingAttribution, subjectVerb, passiveBy, stanceVerb, participleClause, titleCase, colonLabel];

function toQuote(c: IndirectContext, found: Quote[], f: IndirectFinding): Quote {
  return {
    start: f.content.start,
    end: f.content.end,
    text: c.text.slice(f.content.start, f.content.end),
    parts: [{ start: f.content.start, end: f.content.end }],
    open: null,
    close: null,
    speaker: f.speaker !== undefined ? f.speaker : indirectSpeaker(c, found, f.phrase),
    speakerSpan: f.phrase ? { start: f.phrase.start, end: f.phrase.end } : null,
    cue: f.cueText,
    cueSpan: f.cue ? { start: f.cue.start, end: f.cue.end } : null,
    addressee: null,
    addresseeSpan: null,
    direct: false,
    nestedIn: null,
    censored: false,
    partial: false,
  };
}

const overlapping = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Does a finding stay clear of what is already found (its cue and content) and of the sentence's quotes? */
function isOpen(f: IndirectFinding, taken: Span[], quotes: Span[]): boolean {
  const cue = f.cue;
  if (cue && taken.some((t) => overlapping(t, cue))) return false;
  return !taken.some((t) => overlapping(t, f.content)) && !quotes.some((q) => overlapping(q, f.content) || (cue !== null && overlapping(q, cue)));
}

/** Sentences worth reading: not headlines, holding a speech, belief or stance verb or "according", or opened by a label and a colon. */
function candidates(ctx: AttributionContext): Candidate[] {
  const lex = lexicons();
  return ctx.sentences
    .filter((s) => !s.headline)
    .map((sentence) => ({ sentence, toks: tokenize(ctx.text, sentence.start, sentence.end) }))
    .filter(({ sentence, toks }) => opensWithLabel(ctx.text, sentence) || toks.some((t) => lex.speechVerbs.has(t.lower) || lex.cognitiveVerbs.has(t.lower) || lex.stanceVerbs.has(t.lower) || lex.accordingTo.some((p) => p[0] === t.lower)));
}

export function findIndirectSpeechTraced(ctx: AttributionContext, direct: Quote[]): TracedQuote[] {
  const c = buildIndirectContext(ctx, direct);
  const quoted = direct.map((q) => ({ start: q.open?.start ?? q.start, end: q.close?.end ?? q.end }));
  // A direct quote's cue ("...," he said in an interview) reports that quote, not a statement of its own.
  const directCues = direct.flatMap((q) => (q.cueSpan ? [q.cueSpan] : []));
  const out: TracedQuote[] = [];
  const found: Quote[] = [];
  for (const cand of candidates(ctx)) {
    const { sentence } = cand;
    const quotes = quoted.filter((q) => q.start < sentence.end && q.end > sentence.start);
    const taken: Span[] = directCues.filter((q) => q.start < sentence.end && q.end > sentence.start);
    for (const pass of INDIRECT_PASSES) {
      if (quotes.length && !pass.inQuotedSentences) continue;
      for (const f of pass.find(c, cand)) {
        if (!isOpen(f, taken, quotes)) continue;
        taken.push(f.content, ...(f.cue ? [f.cue] : []));
        const quote = toQuote(c, found, f);
        found.push(quote);
        out.push({ quote, pass: pass.name });
      }
    }
  }
  return out.sort((a, b) => a.quote.start - b.quote.start);
}

export function findIndirectSpeech(ctx: AttributionContext, direct: Quote[]): Quote[] {
  return findIndirectSpeechTraced(ctx, direct).map((t) => t.quote);
}
