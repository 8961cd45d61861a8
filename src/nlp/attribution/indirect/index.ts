import type { Quote } from '../../types.js';
import { lexicons } from '../../lexicons.js';
import { tokenize } from '../../tokens.js';
import type { AttributionContext } from '../working.js';
import type { TracedQuote } from '../index.js';
import { buildIndirectContext, type IndirectContext, type IndirectFinding, type IndirectPass } from './context.js';
import { indirectSpeaker } from './speaker.js';
import { accordingToLeading } from './01-according-to.js';
import { accordingToClause } from './02-according-to-clause.js';
import { trailingAttribution } from './03-trailing.js';
import { subjectVerb } from './05-subject-verb.js';

/**
 * Indirect speech, kept with `direct: false`: "X said (that) ...", "..., X said.", "According to X,
 * ...", "..., according to X." in sentences holding no quotation, by an ordered list of passes (the
 * first pass that finds anything in a sentence decides it). Speakers are resolved more simply than a
 * direct quote's: a name found in the text, a pronoun to the last speaker, or the phrase as written.
 */

export const INDIRECT_PASSES: readonly IndirectPass[] = [accordingToLeading, accordingToClause, trailingAttribution, subjectVerb];

function toQuote(c: IndirectContext, found: Quote[], f: IndirectFinding): Quote {
  return {
    start: f.content.start,
    end: f.content.end,
    text: c.text.slice(f.content.start, f.content.end),
    parts: [{ start: f.content.start, end: f.content.end }],
    open: null,
    close: null,
    speaker: indirectSpeaker(c, found, f.phrase),
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

export function findIndirectSpeechTraced(ctx: AttributionContext, direct: Quote[]): TracedQuote[] {
  const c = buildIndirectContext(ctx, direct);
  const lex = lexicons();
  const quoted = direct.map((q) => ({ start: q.open?.start ?? q.start, end: q.close?.end ?? q.end }));
  const out: TracedQuote[] = [];
  let qi = 0;
  for (const sentence of ctx.sentences) {
    if (sentence.headline) continue;
    while (qi < quoted.length && (quoted[qi]?.end ?? 0) <= sentence.start) qi++;
    if (quoted.slice(qi).some((q) => q.start < sentence.end && q.end > sentence.start)) continue;
    const toks = tokenize(ctx.text, sentence.start, sentence.end);
    // No speech or belief verb, no "according": nothing to find (most sentences; the patterns are costly).
    if (!toks.some((t) => lex.speechVerbs.has(t.lower) || lex.cognitiveVerbs.has(t.lower) || t.lower === 'according')) continue;
    for (const pass of INDIRECT_PASSES) {
      const findings = pass.find(c, { sentence, toks });
      if (!findings.length) continue;
      for (const f of findings) out.push({ quote: toQuote(c, out.map((t) => t.quote), f), pass: pass.name });
      break;
    }
  }
  return out;
}

export function findIndirectSpeech(ctx: AttributionContext, direct: Quote[]): Quote[] {
  return findIndirectSpeechTraced(ctx, direct).map((t) => t.quote);
}
