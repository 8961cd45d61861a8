import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexiconLines } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { alternation, conflictFrom, touchesQuote, type Stance } from './common.js';
import { foldText, gated, gatedRegex, type GatedRegex } from './word-gate.js';

/**
 * Polarity conflicts on whether the reason for an act was given: one source says it was withheld
 * ("her rep would not say what she is being treated for", "no reason was given for the
 * suspension", "for undisclosed reasons"), another gives it ("she is being treated for
 * exhaustion", "he was suspended for missing practice"). The acts must be of one family
 * (data/lexicons/compare/reasons.json: treatment, suspension, dismissal, arrest, resignation).
 * A source that gives the reason takes that side even where it also says someone withheld it
 * ("the rep would not say; the magazine reports it is for drinking"), as the answer is in it.
 */
/** Words between the act and "for" ("is being treated at a clinic for" is too far). */
const MAX_GAP_WORDS = 2;
/** Words of a stated reason kept for the side's value. */
const REASON_WORDS = 6;

interface ReasonLexicon {
  acts: Record<string, string[]>;
  withhold: string[];
  given: string[];
  unstated: string[];
  notReasonWords: string[];
  notReasonStarts: string[];
}

interface ReasonStance extends Stance {
  family: string;
  /** The reason as printed, for a stated one. */
  reason: string;
}

/** Both regexes are built only for a source whose text holds a key word they need (word-gate). */
let compiled: { withheld: GatedRegex; act: GatedRegex; family: Map<string, string>; notWords: Set<string>; notStarts: Set<string> } | null = null;

function patterns(): NonNullable<typeof compiled> {
  if (compiled) return compiled;
  const lex = JSON.parse(lexiconLines('reasons.json').join('\n')) as ReasonLexicon;
  const neg = String.raw`(?:would\s+not|wouldn['’]t|did\s+not|didn['’]t|does\s+not|doesn['’]t|will\s+not|won['’]t|could\s+not|couldn['’]t|declined\s+to|refused\s+to)`;
  const what = String.raw`(?:why\b|what\b[^.;]{0,50}?\bfor\b|(?:the\s+)?(?:\p{L}+\s+)?reasons?\b|[\p{L}’']+['’]s\s+reasons?\b)`;
  const withhold = String.raw`${neg}\s+(?:${alternation(lex.withhold).replace(/ /g, '\\s+')})\s+${what}`;
  // "No reason was given", "no specific reason or motive has been offered".
  const none = String.raw`\bno(?:\s+\p{L}+){0,3}?\s+reasons?(?:\s+\p{L}+){0,2}?\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:${alternation(lex.given)})`;
  const unstated = alternation(lex.unstated).replace(/ /g, '\\s+');
  const family = new Map<string, string>();
  for (const [name, words] of Object.entries(lex.acts)) for (const w of words) family.set(w, name);
  return (compiled = {
    // Any of the three: a withholding verb, "reason", an unstated phrase.
    withheld: gated(String.raw`\b${withhold}|${none}|\b(?:${unstated})\b`, 'iu', [[...lex.withhold, 'reason', ...lex.unstated]]),
    act: gated(String.raw`\b(${alternation(family.keys())})\b((?:\s*,\s*(?:according\s+to|said|says|reported|reports)\b[^,]{0,50},)?(?:\s+[\p{L}’'-]+){0,${MAX_GAP_WORDS}}?\s+for\s+)([^,.;:!?"“”()]{2,80})`, 'giu', [family.keys()]),
    family,
    notWords: new Set(lex.notReasonWords),
    notStarts: new Set(lex.notReasonStarts),
  });
}

export function undisclosedReasonConflicts(docs: SourceDoc[]): Conflict[] {
  const stances = docs.flatMap((d) => stancesIn(d));
  const out: Conflict[] = [];
  for (const family of [...new Set(stances.map((s) => s.family))].sort()) {
    const mine = stances.filter((s) => s.family === family);
    const givers = new Set(mine.filter((s) => s.value === 'stated').map((s) => s.source));
    const kept = mine.filter((s) => s.value === 'stated' || !givers.has(s.source));
    const reasons = new Map(kept.filter((s) => s.value === 'stated').map((s) => [s.source, s.reason]));
    const shown = [...new Set(reasons.values())].slice(0, 2).join('” / “');
    const c = conflictFrom('polarity', `whether the reason for the ${family} was given`, kept, docs, (v) => (v === 'stated' ? `reason given (“${shown}”)` : 'reason not given'), 'one source says the reason was withheld, another gives it');
    if (c) out.push(c);
  }
  return out;
}

/** A source's withheld and stated reasons, sentence by sentence. */
function stancesIn(doc: SourceDoc): ReasonStance[] {
  const { family, notWords, notStarts } = patterns();
  const folded = [foldText(doc.text)];
  const withheld = gatedRegex(patterns().withheld, folded);
  const act = gatedRegex(patterns().act, folded);
  const out: ReasonStance[] = [];
  if (!withheld && !act) return out;
  for (const s of doc.sentences) {
    const body = doc.text.slice(s.start, s.end);
    const families = new Set([...body.toLowerCase().matchAll(/\p{L}+/gu)].map((m) => family.get(m[0])).filter((f): f is string => f !== undefined));
    const w = withheld?.exec(body);
    if (w) {
      const cue: Span = { start: s.start + w.index, end: s.start + w.index + w[0].length };
      if (!touchesQuote(doc, cue)) for (const f of families) out.push({ source: doc.index, value: 'withheld', span: s, family: f, reason: '' });
      continue;
    }
    if (!act) continue;
    act.lastIndex = 0;
    for (let m = act.exec(body); m; m = act.exec(body)) {
      const at = s.start + m.index;
      const span: Span = { start: at, end: at + m[0].length };
      const reason = reasonOf(m[3] as string, notWords, notStarts);
      const f = family.get((m[1] as string).toLowerCase());
      if (!reason || !f || touchesQuote(doc, span)) continue;
      out.push({ source: doc.index, value: 'stated', span: s, family: f, reason });
    }
  }
  return out;
}

/** The reason after "for", or null when it reads as a time, a span, a price or no noun phrase. */
function reasonOf(tail: string, notWords: Set<string>, notStarts: Set<string>): string | null {
  const words = tail.trim().split(/\s+/).slice(0, REASON_WORDS);
  const first = words[0]?.toLowerCase() ?? '';
  if (!first || notStarts.has(first) || /^\d/.test(first)) return null;
  if (words.some((x) => notWords.has(x.toLowerCase().replace(/[^\p{L}]/gu, '')))) return null;
  return words.join(' ');
}
