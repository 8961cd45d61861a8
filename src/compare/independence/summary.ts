import type { Conflict, SummarySentence } from '../../model/dossier.js';
import type { Evidence, Span } from '../../model/span.js';
import { evidence, overlaps } from '../../model/span.js';
import type { IndependentClaim } from './independence.js';
import type { SourceText } from './text.js';
import { readLexicon } from './lexicon.js';
import { contentWords, tokenRange } from './text.js';

/**
 * The summary: three to eight sentences of what is established, each one a sentence of a source taken
 * verbatim (`text` is that sentence's slice), each backed by evidence in at least two independent
 * sources (different reuse groups). Nothing is generated and nothing single-sourced gets in.
 *
 * Candidates come from the dossier's corroborated claims (independent support >= 2, not backed by copies
 * only, not touching a conflict) and, so the summary also stands when claims are few, from sentences
 * that independent sources state in nearly the same content words with the same figures. They are ranked
 * by independent support, then by how early they come in their articles (news puts the core facts first).
 */

/** Most sentences a summary holds (the issue asks for three to eight). */
export const MAX_SUMMARY_SENTENCES = 8;
/** Content-word overlap (Dice, each word weighted by its rarity across the sources' sentences) at which
 *  sentences of two sources state the same fact. */
export const SUMMARY_MATCH_SIMILARITY = 0.35;
/** Content words a summary sentence needs: shorter lines are headings, captions or fragments. */
export const MIN_SUMMARY_CONTENT_WORDS = 6;
/** Longest sentence taken, in words: longer ones are run-ons or paragraphs split badly. */
export const MAX_SUMMARY_WORDS = 60;
/** Share of a sentence inside quotation marks above which it is a quote, not a statement of fact. */
export const MAX_QUOTED_SHARE = 0.4;
/** Content words two sentences must share besides names (capitalised words) to state one fact, so that
 *  two sentences about the same people saying different things do not match. */
export const MIN_SHARED_FACT_WORDS = 2;
/** Two summary sentences overlapping this much (Dice on content words) say the same thing: keep one. */
export const DUPLICATE_SIMILARITY = 0.5;

interface SentenceView {
  source: SourceText;
  span: Span;
  words: Set<string>;
  /** Content words that are not capitalised: what is said about the names. */
  facts: Set<string>;
  numbers: Set<string>;
  /** Position in the article, 0 (first) to 1 (last). */
  position: number;
  group: number;
}

interface Candidate {
  main: SentenceView;
  support: Map<number, Evidence>; // one evidence per independent group
  fromClaim: boolean;
}

function dice(x: Set<string>, y: Set<string>): number {
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size);
}

/** A sentence fit to be quoted as a summary line: complete, not a heading, not mostly a quotation. */
function usable(src: SourceText, span: Span, stop: Set<string>, openers: Set<string>): SentenceView | null {
  const raw = src.text.slice(span.start, span.end);
  if (!/^[\p{Lu}\p{N}"“‘]/u.test(raw) || !/[.!?]["”’]?$/u.test(raw)) return null;
  if (/[*#|<>]|https?:|\n/.test(raw)) return null;
  // an unbalanced quotation mark means the sentence is part of a quote that runs on
  if ((raw.match(/["“”]/g) ?? []).length % 2 !== 0) return null;
  const [t0, t1] = tokenRange(src.tokens, span);
  const toks = src.tokens.slice(t0, t1);
  if (toks.length > MAX_SUMMARY_WORDS) return null;
  if (toks.filter((t) => t.quoted).length > MAX_QUOTED_SHARE * toks.length) return null;
  const first = toks[0]?.norm ?? '';
  const second = toks[1]?.norm ?? '';
  if (openers.has(first) || openers.has(`${first} ${second}`)) return null;
  const own = toks.filter((t) => !t.quoted);
  const words = new Set(contentWords(own, stop));
  if (words.size < MIN_SUMMARY_CONTENT_WORDS) return null;
  const facts = new Set(contentWords(own.filter((t) => !/^\p{Lu}/u.test(src.text[t.start] ?? '')), stop));
  const numbers = new Set(toks.filter((t) => /\d/.test(t.norm)).map((t) => t.norm));
  return { source: src, span, words, facts, numbers, position: src.text.length ? span.start / src.text.length : 0, group: -1 };
}

function shared(x: Set<string>, y: Set<string>): number {
  let n = 0;
  for (const w of x) if (y.has(w)) n++;
  return n;
}

function sameNumbers(a: SentenceView, b: SentenceView): boolean {
  for (const n of a.numbers) if (!b.numbers.has(n)) return false;
  for (const n of b.numbers) if (!a.numbers.has(n)) return false;
  return true;
}

export interface SummaryInput {
  sources: SourceText[];
  groups: string[][];
  claims: IndependentClaim[];
  conflicts: Conflict[];
  stopWords: Set<string>;
}

export function buildSummary(input: SummaryInput): SummarySentence[] {
  const { sources, groups, stopWords } = input;
  const openers = new Set(readLexicon('function-words.json', 'contextOpeners'));
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
  const conflictSpans = input.conflicts.flatMap((c) => c.sides.flatMap((s) => s.evidence));
  const disputed = (source: string, span: Span): boolean => conflictSpans.some((e) => e.source === source && overlaps(e, span));

  const views: SentenceView[] = [];
  for (const src of sources) {
    for (const span of src.sentences) {
      const v = usable(src, span, stopWords, openers);
      if (v && !disputed(src.id, span)) views.push({ ...v, group: groupOf.get(src.id) ?? -1 });
    }
  }
  // Words every source uses (the story's main names and verbs) say little about which fact a sentence
  // states: weight each word by its inverse document frequency over all usable sentences.
  const df = new Map<string, number>();
  for (const v of views) for (const w of v.words) df.set(w, (df.get(w) ?? 0) + 1);
  const weight = (w: string): number => Math.log((views.length + 1) / (df.get(w) ?? 1));
  const similarity = (x: Set<string>, y: Set<string>): number => {
    let common = 0;
    let total = 0;
    for (const w of x) {
      total += weight(w);
      if (y.has(w)) common += 2 * weight(w);
    }
    for (const w of y) total += weight(w);
    return total ? common / total : 0;
  };
  const bySource = new Map<string, SentenceView[]>();
  for (const v of views) {
    let l = bySource.get(v.source.id);
    if (!l) bySource.set(v.source.id, (l = []));
    l.push(v);
  }

  const candidates: Candidate[] = [];
  // From sentences: each usable sentence with its best match in every other independent group.
  for (const v of views) {
    const support = new Map<number, Evidence>([[v.group, evidence(v.source.id, v.source.text, v.span)]]);
    for (const w of views) {
      if (w.group === v.group || support.has(w.group)) continue;
      if (similarity(v.words, w.words) >= SUMMARY_MATCH_SIMILARITY && shared(v.facts, w.facts) >= MIN_SHARED_FACT_WORDS && sameNumbers(v, w)) support.set(w.group, evidence(w.source.id, w.source.text, w.span));
    }
    if (support.size >= 2) candidates.push({ main: v, support, fromClaim: false });
  }
  // From claims: corroborated by independent sources, and stated in a usable sentence.
  for (const c of input.claims) {
    if (c.status !== 'corroborated' || c.copiesOnly || c.independentSources < 2) continue;
    if (c.evidence.some((e) => disputed(e.source, e))) continue;
    const support = new Map<number, Evidence>();
    for (const e of c.evidence) {
      const g = groupOf.get(e.source) ?? -1;
      if (!support.has(g)) support.set(g, e);
    }
    if (support.size < 2) continue;
    let main: SentenceView | null = null;
    for (const e of c.evidence) {
      const host = (bySource.get(e.source) ?? []).find((v) => overlaps(v.span, e));
      if (host && (!main || host.span.end - host.span.start < main.span.end - main.span.start)) main = host;
    }
    if (!main) continue;
    // the main sentence itself is the evidence for its own group
    support.set(main.group, evidence(main.source.id, main.source.text, main.span));
    candidates.push({ main, support, fromClaim: true });
  }

  candidates.sort(
    (x, y) =>
      y.support.size - x.support.size ||
      Number(y.fromClaim) - Number(x.fromClaim) ||
      x.main.position - y.main.position ||
      (x.main.source.id < y.main.source.id ? -1 : x.main.source.id > y.main.source.id ? 1 : x.main.span.start - y.main.span.start),
  );

  const chosen: Candidate[] = [];
  for (const c of candidates) {
    if (chosen.length >= MAX_SUMMARY_SENTENCES) break;
    if (chosen.some((k) => dice(k.main.words, c.main.words) >= DUPLICATE_SIMILARITY || [...k.support.values()].some((e) => e.source === c.main.source.id && overlaps(e, c.main.span)))) continue;
    chosen.push(c);
  }
  return chosen.map((c) => ({
    text: c.main.source.text.slice(c.main.span.start, c.main.span.end),
    evidence: [...c.support.values()].sort((a, b) => (a.source === c.main.source.id ? -1 : b.source === c.main.source.id ? 1 : a.source < b.source ? -1 : 1)),
  }));
}
