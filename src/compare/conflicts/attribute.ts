import type { Conflict, ConflictKind } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import type { Matcher, Passage } from '../matcher.js';
import type { SourceDoc } from '../source-doc.js';
import { contentKey, words } from '../text/tokens.js';
import { conflictFrom, touchesQuote, type Stance } from './common.js';

/**
 * Shared machinery of the attribute conflicts (colour of a thing, the charge, the cause of death,
 * what a thing or a group of people is...): each detector reads stances, one value of one
 * attribute of one thing, and this module sets different values of the same attribute of the same
 * thing against each other. Values one source states together are one side (common.conflictFrom),
 * so "charged with murder and manslaughter" never disputes "charged with manslaughter".
 */
export interface AttributeStance {
  source: number;
  /** The attribute and the thing it describes, as one key ("colour\u0000camry"). */
  key: string;
  value: string;
  /** The words stating the value. */
  span: Span;
  /** The sentence stating it. */
  sentence: Span;
}

/** Evidence longer than this is cut around the value: a sentence or so, as a reader checks it. */
const MAX_EVIDENCE_CHARS = 260;

/** The evidence of a stance: its sentence, or a window of it around the value when the sentence is long. */
export function evidenceSpan(doc: SourceDoc, sentence: Span, value: Span): Span {
  if (sentence.end - sentence.start <= MAX_EVIDENCE_CHARS) return sentence;
  const half = Math.floor((MAX_EVIDENCE_CHARS - (value.end - value.start)) / 2);
  let start = Math.max(sentence.start, value.start - half);
  let end = Math.min(sentence.end, value.end + half);
  // Snap to word boundaries so the evidence reads as words.
  while (start > sentence.start && /\S/.test(doc.text[start - 1] ?? '')) start++;
  while (end < sentence.end && /\S/.test(doc.text[end] ?? '')) end--;
  return { start: Math.min(start, value.start), end: Math.max(end, value.end) };
}

/** The content keys of a sentence less the words stating the value: what it says about the thing. */
export function passageOf(doc: SourceDoc, sentence: Span, value: Span): Passage {
  const keys = words(doc.text, sentence.start, sentence.end)
    .filter((w) => w.end <= value.start || w.start >= value.end)
    .map(contentKey)
    .filter((k): k is string => k !== null);
  return { keys: [...new Set(keys)] };
}

export interface AttributeQuestion {
  /** What is disputed, for the summary: "the colour of the van". */
  question: string;
  /** Why the two sides cannot both hold: "one car has one colour". */
  why: string;
  /** The conflict kind: descriptor unless the attribute says otherwise (polarity, date). */
  kind?: ConflictKind;
}

/**
 * Conflicts over stances grouped by key. With a matcher and a floor, a stance counts only when its
 * sentence is at least that similar to a sentence of another source giving another value: the
 * attribute is then the same thing's (the story may describe two cars, or charge two people).
 */
export function attributeConflicts(
  docs: SourceDoc[],
  stances: AttributeStance[],
  describe: (key: string, stances: AttributeStance[]) => AttributeQuestion,
  same?: { matcher: Matcher; floor: number },
): Conflict[] {
  const byKey = new Map<string, AttributeStance[]>();
  for (const s of stances) {
    const doc = docs[s.source] as SourceDoc;
    if (touchesQuote(doc, s.span)) continue;
    byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
  }
  const out: Conflict[] = [];
  for (const [key, list] of [...byKey.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const kept = same ? similarOnly(docs, list, same.matcher, same.floor) : list;
    if (new Set(kept.map((s) => s.value)).size < 2) continue;
    const q = describe(key, kept);
    const evidence: Stance[] = kept.map((s) => ({ source: s.source, value: s.value, span: evidenceSpan(docs[s.source] as SourceDoc, s.sentence, s.span) }));
    const c = conflictFrom(q.kind ?? 'descriptor', q.question, evidence, docs, undefined, q.why);
    if (c) out.push(c);
  }
  return out;
}

function similarOnly(docs: SourceDoc[], list: AttributeStance[], matcher: Matcher, floor: number): AttributeStance[] {
  const passages = list.map((s) => passageOf(docs[s.source] as SourceDoc, s.sentence, s.span));
  const anchors = list.map((s) => anchorsOf(docs[s.source] as SourceDoc, s.sentence, s.span));
  const meets = (i: number, j: number): boolean => {
    const sim = matcher.similarity(passages[i] as Passage, passages[j] as Passage);
    if (sim >= floor) return true;
    // Short sentences share few words: a shared name or count ("Bush", "3"/"three") then suffices.
    return sim >= MIN_ANCHORED_SIMILARITY && [...(anchors[i] as Set<string>)].some((a) => (anchors[j] as Set<string>).has(a));
  };
  return list.filter((s, i) => list.some((t, j) => t.source !== s.source && t.value !== s.value && meets(i, j)));
}

/** Sentences sharing a name or a count still need this much else in common. */
const MIN_ANCHORED_SIMILARITY = 0.03;
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Names (capitalised words past the sentence's first) and counts of a sentence, less the value's words. */
export function anchorsOf(doc: SourceDoc, sentence: Span, value: Span): Set<string> {
  const out = new Set<string>();
  words(doc.text, sentence.start, sentence.end).forEach((w, i) => {
    if (w.end > value.start && w.start < value.end) return;
    const n = NUMBER_WORDS.indexOf(w.norm);
    if (w.numeric) out.add('#' + w.norm.replace(/,/g, ''));
    else if (n >= 0) out.add('#' + String(n));
    else if (w.capital && i > 0 && w.norm.length > 2) out.add(w.norm);
  });
  return out;
}
