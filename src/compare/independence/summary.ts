import type { Conflict, ReusePassage, SummarySentence } from '../../model/dossier.js';
import type { Evidence, Span } from '../../model/span.js';
import { evidence, overlaps } from '../../model/span.js';
import type { IndependentClaim } from './independence.js';
import type { SourceText } from './text.js';
import { phrasePattern, readLexicon } from './lexicon.js';
import { contentWords, tokenRange } from './text.js';
import { postingLists } from '../text/postings.js';

/**
 * The summary: three to eight sentences of what is established, each one a sentence of a source taken
 * verbatim (`text` is that sentence's slice), each backed by evidence in at least two independent
 * sources (different reuse groups). Nothing is generated and nothing single-sourced gets in.
 *
 * Candidates come from the dossier's claims reported by independent sources (not backed by copies only;
 * of a contested claim, only sentences that touch no conflict's evidence) and, so the summary also stands when claims are few, from sentences
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
/** Content words a sentence needs to back a summary line (it need not be a good line itself). */
export const MIN_SUPPORT_CONTENT_WORDS = 4;
/** Longest sentence taken, in words: longer ones are run-ons or paragraphs split badly. */
export const MAX_SUMMARY_WORDS = 60;
/** Share of a sentence inside quotation marks above which it is a quote, not a statement of fact. */
export const MAX_QUOTED_SHARE = 0.4;
/** The same test, a little looser, for evidence a dossier claim already grouped with the sentence. */
export const CLAIM_SUPPORT_SIMILARITY = 0.3;
/** Content words two sentences must share besides names (capitalised words) to state one fact, so that
 *  two sentences about the same people saying different things do not match. */
export const MIN_SHARED_FACT_WORDS = 2;
/** Share of the shorter sentence's (weighted) content words found in an earlier summary line at which it
 *  repeats that line: keep one. */
export const DUPLICATE_SIMILARITY = 0.6;
/** A fact word in more sentences than this says nothing about which fact a sentence states, and its
 *  list makes candidate matching quadratic (copies of one page, a tiny vocabulary): such a word is not
 *  used to find candidates (similarity still counts it). Real stories stay far below (15 sources of 60
 *  sentences have 900 sentences in all). */
export const MAX_FACT_POSTINGS = 2000;

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

/** Words, fact words and figures of one sentence (quoted words left out: they are the speaker's). */
function viewOf(src: SourceText, span: Span, stop: Set<string>): SentenceView {
  const [t0, t1] = tokenRange(src.tokens, span);
  const toks = src.tokens.slice(t0, t1);
  const own = toks.filter((t) => !t.quoted);
  const words = new Set(contentWords(own, stop));
  const facts = new Set(contentWords(own.filter((t) => !/^\p{Lu}/u.test(src.text[t.start] ?? '')), stop));
  const numbers = new Set(toks.filter((t) => /\d/.test(t.norm)).map((t) => t.norm));
  return { source: src, span, words, facts, numbers, position: src.text.length ? span.start / src.text.length : 0, group: -1 };
}

interface MainRules {
  openers: Set<string>;
  loaded: RegExp;
  /** Names an attribution conflict's sides give: a line naming one takes a side. */
  sideNames: RegExp | null;
}

/** A sentence fit to be quoted as a summary line: complete, standing alone, neutral, not mostly a quotation. */
function fitAsMain(v: SentenceView, rules: MainRules): boolean {
  const { source: src, span } = v;
  const raw = src.text.slice(span.start, span.end);
  if (!/^[\p{Lu}\p{N}"“‘]/u.test(raw) || !/[.!?]["”’]?$/u.test(raw)) return false;
  if (/[*#|<>]|https?:|\n/.test(raw)) return false;
  // an unbalanced quotation mark means the sentence is part of a quote that runs on
  if ((raw.match(/["“”]/g) ?? []).length % 2 !== 0) return false;
  const [t0, t1] = tokenRange(src.tokens, span);
  const toks = src.tokens.slice(t0, t1);
  if (toks.length > MAX_SUMMARY_WORDS) return false;
  if (toks.filter((t) => t.quoted).length > MAX_QUOTED_SHARE * toks.length) return false;
  const unquoted = raw.replace(/["“][^"”]*["”]/g, '');
  if (rules.loaded.test(unquoted) || rules.sideNames?.test(unquoted)) return false;
  const first = toks[0]?.norm ?? '';
  const second = toks[1]?.norm ?? '';
  if (rules.openers.has(first) || rules.openers.has(`${first} ${second}`)) return false;
  return v.words.size >= MIN_SUMMARY_CONTENT_WORDS;
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
  /** Passages of prose two sources share verbatim: a sentence inside one is backed once, not twice. */
  copied?: ReusePassage[];
  claims: IndependentClaim[];
  conflicts: Conflict[];
  stopWords: Set<string>;
}

export function buildSummary(input: SummaryInput): SummarySentence[] {
  const { sources, groups, stopWords } = input;
  const openers = new Set(readLexicon('function-words.json', 'contextOpeners'));
  // the summary states facts in neutral words: a sentence with loaded language is left to another outlet
  const loaded = new RegExp(phrasePattern(readLexicon('loaded-language.json', 'words')).source, 'iu');
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
  const copied = input.copied ?? [];
  const copiedTogether = (x: Evidence, y: Evidence): boolean =>
    copied.some((p) => (p.a.source === x.source && p.b.source === y.source && overlaps(p.a, x) && overlaps(p.b, y)) || (p.b.source === x.source && p.a.source === y.source && overlaps(p.b, x) && overlaps(p.a, y)));
  const conflictSpans = input.conflicts.flatMap((c) => c.sides.flatMap((s) => s.evidence));
  const disputed = (source: string, span: Span): boolean => conflictSpans.some((e) => e.source === source && overlaps(e, span));

  const sideNames = input.conflicts
    .filter((c) => c.kind === 'attribution')
    .flatMap((c) => c.sides.map((x) => x.value.trim()))
    .filter((v) => v.length > 1);
  const rules: MainRules = {
    openers,
    loaded,
    sideNames: sideNames.length ? new RegExp(phrasePattern(sideNames).source, 'iu') : null,
  };
  // every sentence may back a line; only some may be one
  const all: SentenceView[] = [];
  for (const src of sources) {
    for (const span of src.sentences) {
      if (disputed(src.id, span)) continue;
      const v = { ...viewOf(src, span, stopWords), group: groupOf.get(src.id) ?? -1 };
      if (v.words.size >= MIN_SUPPORT_CONTENT_WORDS) all.push(v);
    }
  }
  const views = all.filter((v) => fitAsMain(v, rules));
  // Words every source uses (the story's main names and verbs) say little about which fact a sentence
  // states: weight each word by its inverse document frequency over all usable sentences.
  const df = new Map<string, number>();
  for (const v of all) for (const w of v.words) df.set(w, (df.get(w) ?? 0) + 1);
  const weight = (w: string): number => Math.log((all.length + 1) / (df.get(w) ?? 1));
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
  /** Weighted share of the smaller sentence's words found in the other: one sentence repeating another. */
  const containment = (x: Set<string>, y: Set<string>): number => {
    let common = 0;
    let wx = 0;
    let wy = 0;
    for (const w of x) {
      wx += weight(w);
      if (y.has(w)) common += weight(w);
    }
    for (const w of y) wy += weight(w);
    return Math.min(wx, wy) ? common / Math.min(wx, wy) : 0;
  };
  const bySource = new Map<string, SentenceView[]>();
  for (const v of views) {
    let l = bySource.get(v.source.id);
    if (!l) bySource.set(v.source.id, (l = []));
    l.push(v);
  }

  const candidates: Candidate[] = [];
  // From sentences: each usable sentence with its best match in every other independent group.
  // an index of fact words, so each sentence is compared only with those sharing enough of them
  const byFact = postingLists(all, (w) => w.facts);
  for (const v of views) {
    const common = new Map<number, number>();
    for (const f of v.facts) {
      const postings = byFact.get(f) ?? [];
      if (postings.length <= MAX_FACT_POSTINGS) for (const k of postings) common.set(k, (common.get(k) ?? 0) + 1);
    }
    const best = new Map<number, { sim: number; w: SentenceView }>();
    for (const [k, n] of [...common].sort((x, y) => x[0] - y[0])) {
      const w = all[k];
      if (!w || n < MIN_SHARED_FACT_WORDS || w.group === v.group || !sameNumbers(v, w)) continue;
      const sim = similarity(v.words, w.words);
      if (sim >= SUMMARY_MATCH_SIMILARITY && sim > (best.get(w.group)?.sim ?? 0)) best.set(w.group, { sim, w });
    }
    if (best.size < 1) continue;
    const support = new Map<number, Evidence>([[v.group, evidence(v.source.id, v.source.text, v.span)]]);
    const mainEvidence = evidence(v.source.id, v.source.text, v.span);
    for (const [g, { w }] of [...best].sort((x, y) => x[0] - y[0])) {
      const e = evidence(w.source.id, w.source.text, w.span);
      if (!copiedTogether(mainEvidence, e)) support.set(g, e);
    }
    if (support.size < 2) continue;
    candidates.push({ main: v, support, fromClaim: false });
  }
  // From claims: corroborated by independent sources, and stated in a usable sentence.
  for (const c of input.claims) {
    // A contested claim is contested on a detail (a title, a date); a sentence of it that touches no
    // conflict's evidence states the part every side agrees on, so it may still serve.
    if (c.status === 'single-source' || c.copiesOnly || c.independentSources < 2) continue;
    const agreed = c.evidence.filter((e) => !disputed(e.source, e));
    let main: SentenceView | null = null;
    for (const e of agreed) {
      const host = (bySource.get(e.source) ?? []).find((v) => overlaps(v.span, e));
      if (host && (!main || host.span.end - host.span.start < main.span.end - main.span.start)) main = host;
    }
    if (!main) continue;
    // A claim groups sentences loosely; keep only the evidence that states what the main sentence says.
    const support = new Map<number, Evidence>();
    for (const e of agreed) {
      const g = groupOf.get(e.source) ?? -1;
      if (support.has(g) || g === main.group) continue;
      const src = sources.find((x) => x.id === e.source);
      if (!src) continue;
      if (copiedTogether(evidence(main.source.id, main.source.text, main.span), e)) continue;
      const { words, facts } = viewOf(src, e, stopWords);
      if (similarity(main.words, words) >= CLAIM_SUPPORT_SIMILARITY && shared(main.facts, facts) >= MIN_SHARED_FACT_WORDS) support.set(g, e);
    }
    if (support.size < 1) continue;
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
    if (chosen.some((k) => containment(k.main.words, c.main.words) >= DUPLICATE_SIMILARITY || [...k.support.values()].some((e) => e.source === c.main.source.id && overlaps(e, c.main.span)))) continue;
    chosen.push(c);
  }
  return chosen.map((c) => ({
    text: c.main.source.text.slice(c.main.span.start, c.main.span.end),
    evidence: [...c.support.values()].sort((a, b) => (a.source === c.main.source.id ? -1 : b.source === c.main.source.id ? 1 : a.source < b.source ? -1 : 1)),
  }));
}
