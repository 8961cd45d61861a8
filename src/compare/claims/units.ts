import type { Span } from '../../model/span.js';
import { quotedShare, type SourceDoc } from '../source-doc.js';
import { contentKey, words, type Word } from '../text/tokens.js';
import { clausesOf } from './clauses.js';
import { lexicons } from '../../nlp/lexicons.js';

/** A fact-bearing sentence of one source. */
export interface ClaimUnit extends Span {
  source: number;
  words: Word[];
  keys: string[];
}

/** Sentences mostly inside quotation marks are quotes, handled by the quote stage. */
export const MAX_QUOTED_SHARE = 0.7;
/**
 * A clause shorter than this is a phrase ("The remarks, reported by CNN"), not a claim of its own
 * (the clause pass and own-detail.ts). ECB+ dev stories' mean composite: 6 words 0.869, 5 and 4
 * words 0.870 (short details such as "was freed on $500 bail" are claims; the said-elsewhere pass
 * drops the short clauses others state).
 */
export const MIN_SINGLE_CLAUSE_WORDS = 5;
/** Shorter sentences are captions, datelines or fragments. */
const MIN_CLAIM_WORDS = 6;
/** Evidence stays sentence-sized: a longer sentence is cut to its unquoted part. */
const MAX_EVIDENCE_CHARS = 320;

/**
 * An age ("33-year-old", "59-year old") or an ordinal ("19th") states the same figure as the bare
 * number ("Reid, 33,", "19 seasons"): such a key also yields the figure's key, so sources giving one
 * number in different forms meet on it. Other bound forms ("40-wagon") are left alone: the bare
 * figure would meet every other use of the number ("40 minutes").
 */
const BOUND_NUMBER = /^(\d+)(?:-years?\b|st$|nd$|rd$|th$)/u;

/**
 * A sum glued to its scale or currency ("110bn-euro", "$5m", "euro110") states the figure that
 * "110 billion euros" states: it also yields the bare figure. The scale words are general English
 * abbreviations, not a story's wording.
 */
const CURRENCY_PREFIX = /^(?:[$€£]|euro|eur|usd)/u;
const SCALED = /^(\d[\d.]*)(?:bn|mn|m|k)(?:-|$)/u;
const PLAIN_FIGURE = /^\d[\d.]*$/u;

/** The bare figure of a sum glued to its scale or currency, if `key` is one. */
function scaledFigure(key: string): string | undefined {
  const bare = key.replace(CURRENCY_PREFIX, '');
  const scaled = SCALED.exec(bare)?.[1];
  if (scaled) return scaled;
  return bare !== key && PLAIN_FIGURE.test(bare) ? bare : undefined;
}

/** A passage's content keys, with the bare figure of each number bound to a word. */
export function unitKeys(ws: readonly Word[]): string[] {
  const keys = new Set<string>();
  for (const w of ws) {
    const k = contentKey(w);
    if (k === null) continue;
    keys.add(k);
    const n = BOUND_NUMBER.exec(k);
    if (n?.[1]) keys.add(n[1]);
    const figure = scaledFigure(k);
    if (figure) keys.add(figure);
  }
  return [...keys];
}

export function claimUnits(doc: SourceDoc): ClaimUnit[] {
  const out: ClaimUnit[] = [];
  for (const s of doc.sentences) {
    const body = doc.text.slice(s.start, s.end);
    if (/\?["”’']?$/.test(body)) continue;
    const mostlyQuoted = quotedShare(doc, s) > MAX_QUOTED_SHARE;
    // A very long sentence (a run-on lead, a list of facts) holds several claims: its clauses are
    // its units, each sentence-sized evidence. Cutting at MAX_EVIDENCE_CHARS measured best on the
    // ECB+ dev stories' mean composite (cutting from 200 characters: 0.849, 250: 0.864, 320: 0.869).
    if (!mostlyQuoted && s.end - s.start > MAX_EVIDENCE_CHARS) {
      const pieces = longSentenceUnits(doc, s);
      if (pieces.length) {
        out.push(...pieces);
        continue;
      }
    }
    let span: Span = s;
    // A sentence that is mostly a quotation is the quote stage's; what the outlet says around it
    // ("the 79-year-old can be heard saying") is still a claim when it is long enough.
    if (mostlyQuoted || s.end - s.start > MAX_EVIDENCE_CHARS) {
      const cut = unquotedStretch(doc, s);
      if (!cut) continue;
      span = cut;
    }
    const unit = makeUnit(doc, span);
    if (unit) out.push(unit);
  }
  return out;
}

function makeUnit(doc: SourceDoc, span: Span): ClaimUnit | null {
  const ws = words(doc.text, span.start, span.end);
  if (ws.length < MIN_CLAIM_WORDS) return null;
  const keys = unitKeys(ws);
  if (keys.length < 3) return null;
  return { source: doc.index, start: span.start, end: span.end, words: ws, keys };
}

/** The sentence-sized clauses of a sentence too long to be one piece of evidence. */
function longSentenceUnits(doc: SourceDoc, s: Span): ClaimUnit[] {
  const whole = { source: doc.index, start: s.start, end: s.end, words: words(doc.text, s.start, s.end), keys: [] };
  const clauses = clausesOf(doc, whole);
  if (clauses.length < 2) return [];
  return clauses.flatMap((c) => {
    const u = c.end - c.start <= MAX_EVIDENCE_CHARS ? makeUnit(doc, c) : null;
    return u ? [u] : [];
  });
}

/** The longest stretch of a sentence outside quotation marks, if it is sentence-sized. */
function unquotedStretch(doc: SourceDoc, s: Span): Span | null {
  let best: Span | null = null;
  let start = -1;
  for (let i = s.start; i <= s.end; i++) {
    const q = i === s.end || doc.quoted[i] === 1;
    if (!q && start < 0) start = i;
    if (q && start >= 0) {
      if (!best || i - start > best.end - best.start) best = { start, end: i };
      start = -1;
    }
  }
  if (!best) return null;
  let { start: a, end: b } = best;
  while (a < b && /[\s,;:—–-]/.test(doc.text[a] as string)) a++;
  while (b > a && /[\s,;:—–-]/.test(doc.text[b - 1] as string)) b--;
  return b - a >= 40 && b - a <= MAX_EVIDENCE_CHARS ? { start: a, end: b } : null;
}


/** A headline with fewer content words names a topic, not a fact. */
const MIN_HEADLINE_KEYS = 3;

/** Headlines (short lines with no final punctuation) as units that may join a claim's evidence. */
export function headlineUnits(doc: SourceDoc): ClaimUnit[] {
  const out: ClaimUnit[] = [];
  for (const h of doc.headlines) {
    const ws = words(doc.text, h.start, h.end);
    const keys = unitKeys(ws);
    if (keys.length >= MIN_HEADLINE_KEYS) out.push({ source: doc.index, start: h.start, end: h.end, words: ws, keys });
  }
  return out;
}

/**
 * A full statement of fact, as a claim must be: it does not introduce what follows (ending in a colon
 * or a comma, or running into a quotation: "the 52-year-old can be heard saying", "Marlow continued").
 * A clause that starts in lower case ("was released without bail") still states a fact of its
 * sentence's subject: dropping those cost more true single-source claims than it removed noise.
 */
/**
 * A reporting participle closing a quote introduction (", adding:", ", saying:"): the words
 * before it are an indirect statement of their own ("The minister suggested the tape was fake,
 * adding: ..." states that the minister suggested it), unlike a bare introduction ("Lind said:").
 */
const CLOSING_PARTICIPLE = /,\s+(\p{Ll}+ing)$/u;

/**
 * The statement a sentence makes: the sentence when it is one (isStatement), else, when it only
 * ends by introducing a quote with a reporting participle, the words before the participle when
 * they are at least `minWords` words; else null.
 */
export function statementOf(doc: SourceDoc, unit: ClaimUnit, minWords: number): ClaimUnit | null {
  if (isStatement(doc, unit)) return unit;
  const body = doc.text.slice(unit.start, unit.end).trimEnd();
  const m = CLOSING_PARTICIPLE.exec(body);
  if (!m?.[1] || !lexicons().speechVerbs.has(m[1])) return null;
  const end = unit.start + m.index;
  const ws = unit.words.filter((w) => w.end <= end);
  return ws.length >= minWords ? { source: unit.source, start: unit.start, end, words: ws, keys: unitKeys(ws) } : null;
}

export function isStatement(doc: SourceDoc, unit: ClaimUnit): boolean {
  const body = doc.text.slice(unit.start, unit.end).trimEnd();
  if (/[:,;]$/.test(body)) return false;
  if (/[.!?…]["”’']?$/.test(body)) return true;
  const next = /\S/.exec(doc.text.slice(unit.end, unit.end + 20));
  const at = next ? unit.end + next.index : -1;
  return !(at >= 0 && (doc.quoted[at] === 1 || /^[:"“‘«„]/.test(doc.text.slice(at, at + 1))));
}
