import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import type { SourceDoc } from '../source-doc.js';
import { conflictFrom, touchesQuote, type Stance } from './common.js';
import { sentencePeriod, sentenceWords } from './number-context.js';
import { clusters } from './number-align.js';

/**
 * Number conflicts on a win-loss record ("is 122-147", "compiled a 162-139 record", "a mark of
 * 40-42"): two figures joined by a hyphen that the quantity reader does not take for one measure.
 * A record is someone's (the name printed last before it: the coach, the team) over some stretch;
 * two sources' records of the same name, told with the same stretch (words around the record in
 * common: "in three-plus seasons"; the same period of years), must be the same record. Another team's record in a
 * sentence about the same person has that team's name last before it ("in Portland, where he was
 * 162-139"), so it is another owner's.
 * Game scores ("a 24-21 win") and spans ("2007-08") are not records.
 */

/** A record: wins, losses and maybe ties, after a verb or before a word that makes it one. */
// eslint-disable-next-line security/detect-unsafe-regex -- one optional hyphenated group after fixed digits, no nested repetition
const RECORD = /\b(\d{1,3})-(\d{1,3})(?:-(\d{1,2}))?\b(?!-|\s*(?:win|victory|loss|defeat|triumph|rout|lead|vote|decision|margin|split)\b)/giu;
/** Words right before a record that make the figure one ("is 122-147", "a mark of 122-147"). */
const BEFORE = /\b(?:is|was|were|are|went|finished|compiled|posted|record\s+of|mark\s+of|record\s+was|stands\s+at)\s*$/iu;
/** ...or right after it ("a 162-139 record"). */
const AFTER = /^\s*(?:record|mark|career\s+record|overall)\b/iu;
/** Characters each side of a record whose words say what stretch it covers ("in three-plus seasons as head coach"). */
const WINDOW = 50;
/** Content words of those windows (besides the name and "record") two statements of one record share. */
const MIN_SHARED = 2;
/** Words that name the figure, not the stretch: shared by every record. */
const RECORD_WORDS = new Set(['record', 'mark', 'compil', 'finish', 'post']);

interface Record {
  source: number;
  value: string;
  owner: string;
  span: Span;
  words: Set<string>;
  period: string | null;
}

export function recordConflicts(docs: SourceDoc[]): Conflict[] {
  const records = docs.flatMap((d) => recordsOf(d));
  const out: Conflict[] = [];
  for (const group of clusters(records, sameRecord)) {
    if (new Set(group.map((r) => r.value)).size < 2) continue;
    const stances: Stance[] = group.map((r) => ({ source: r.source, value: r.value, span: r.span }));
    const owner = (group[0] as Record).owner;
    const c = conflictFrom('number', `the win-loss record of ${owner}`, stances, docs, (v) => v, 'a record over the same games has one figure');
    if (c) out.push(c);
  }
  return out;
}

function recordsOf(doc: SourceDoc): Record[] {
  const out: Record[] = [];
  for (const s of doc.sentences) {
    const body = doc.text.slice(s.start, s.end);
    for (const m of body.matchAll(RECORD)) {
      const at = s.start + (m.index ?? 0);
      const before = body.slice(0, m.index);
      const after = body.slice((m.index ?? 0) + m[0].length);
      if (!BEFORE.test(before) && !AFTER.test(after)) continue;
      if (Number(m[1]) + Number(m[2]) < 2) continue;
      // The name printed last before the record owns it ("Cheeks is 122-147", "the 76ers went 40-42").
      const owner = [...before.matchAll(/(?<=[\s(“"‘'-]|^)(\p{Lu}[\p{L}\p{N}'’]+)/gu)].pop()?.[1]?.replace(/['’]s$/, '');
      const span = { start: Math.max(s.start, at - 40), end: Math.min(s.end, at + m[0].length + 20) };
      if (!owner || touchesQuote(doc, { start: at, end: at + m[0].length })) continue;
      const value = m[0];
      const widened = widen(doc.text, span, s);
      out.push({ source: doc.index, value, owner, span: widened, words: sentenceWords(doc.text, { start: Math.max(s.start, at - WINDOW), end: Math.min(s.end, at + m[0].length + WINDOW) }), period: sentencePeriod(doc.text, s, doc.analysis.dates) });
    }
  }
  return out;
}

/** A window around the record, moved out to whole words within its sentence. */
function widen(text: string, span: Span, s: Span): Span {
  let { start, end } = span;
  while (start > s.start && /\S/.test(text[start - 1] ?? '')) start--;
  while (end < s.end && /\S/.test(text[end] ?? '')) end++;
  return { start, end };
}

function sameRecord(a: Record, b: Record): boolean {
  if (a.source === b.source || a.owner.toLowerCase() !== b.owner.toLowerCase()) return false;
  if (a.period !== null && b.period !== null && a.period !== b.period) return false;
  const owner = a.owner.toLowerCase();
  const words = (r: Record): string[] => [...r.words].filter((w) => !owner.startsWith(w) && !RECORD_WORDS.has(w));
  const theirs = new Set(words(b));
  return words(a).filter((w) => theirs.has(w)).length >= MIN_SHARED;
}
