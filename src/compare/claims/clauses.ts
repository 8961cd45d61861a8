import type { Span } from '../../model/span.js';
import type { SourceDoc } from '../source-doc.js';
import type { Word } from '../text/tokens.js';
import type { ClaimUnit } from './index.js';
import { unitKeys } from './units.js';

/** A clause shorter than this many words joins the next one ("In 2024, CNN aired ..."). */
const MIN_CLAUSE_WORDS = 4;

/**
 * The clauses of a claim sentence: split outside quotation marks at dashes, semicolons, colons,
 * and at commas followed by a lower-case word that is not a list's "and"/"or" before a name
 * ("The recording, procured by ..., was made at ..."). A sentence that does not split is one clause.
 */
export function clausesOf(doc: SourceDoc, unit: ClaimUnit): ClaimUnit[] {
  const text = doc.text;
  const cuts: number[] = [];
  const re = /\s[-–—]\s|;\s|:\s|,\s+(?=\p{Ll})/gu;
  const body = text.slice(unit.start, unit.end);
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const at = unit.start + m.index;
    if (doc.quoted[at] === 1) continue;
    if (m[0].startsWith(',') && /^,\s+(?:and|or)\s+\p{Lu}/u.test(body.slice(m.index))) continue;
    cuts.push(at, at + m[0].length);
  }
  const pieces: Span[] = [];
  let start = unit.start;
  for (let i = 0; i < cuts.length; i += 2) {
    pieces.push({ start, end: cuts[i] as number });
    start = cuts[i + 1] as number;
  }
  pieces.push({ start, end: unit.end });
  const out: ClaimUnit[] = [];
  let pending: Span | null = null;
  for (const p of pieces) {
    const span: Span = pending ? { start: pending.start, end: p.end } : p;
    const ws = wordsIn(unit, span);
    if (ws.length < MIN_CLAUSE_WORDS) {
      pending = span;
      continue;
    }
    pending = null;
    const keys = unitKeys(ws);
    out.push({ source: unit.source, start: span.start, end: span.end, words: ws, keys });
  }
  if (pending && out.length) {
    const last = out[out.length - 1] as ClaimUnit;
    const ws = wordsIn(unit, { start: last.start, end: pending.end });
    out[out.length - 1] = { ...last, end: pending.end, words: ws, keys: unitKeys(ws) };
  }
  return out.filter((c) => c.keys.length >= 2);
}

/** The sentence's words inside a span (the sentence was tokenised once). */
function wordsIn(unit: ClaimUnit, span: Span): Word[] {
  return unit.words.filter((w) => w.start >= span.start && w.end <= span.end);
}
