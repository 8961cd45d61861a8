import type { Span } from '../../model/span.js';
import { splitParagraphs } from '../../nlp/paragraphs.js';
import { scanQuotes } from '../../nlp/quote-scan.js';
import { splitSentences as splitLanguageSentences } from '../../nlp/sentences.js';

/**
 * Token, quotation and sentence views of one source's text, shared by the independence passes.
 * Everything indexes the source text (UTF-16, end exclusive); nothing here rewrites it.
 */
export interface Token extends Span {
  /** Lower-cased, typographic apostrophe folded: what comparisons use. */
  norm: string;
  /** Inside quotation marks. */
  quoted: boolean;
}

export interface SourceText {
  id: string;
  text: string;
  /** Word tokens outside boilerplate, in order. */
  tokens: Token[];
  /** Sentence spans outside boilerplate. */
  sentences: Span[];
  /** Spans inside quotation marks (without the marks). */
  quoted: Span[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(code: number, text: string, i: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return LETTER_OR_DIGIT.test(text[i] ?? '');
}

/**
 * Word spans: runs of letters and digits, with an apostrophe inside a word kept ("don't", "O’Neill’s").
 * A hand-written scan: the Unicode-class regex equivalent is several times slower on long inputs.
 */
export function wordSpans(text: string): Span[] {
  const out: Span[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i), text, i)) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < n && isWordChar(text.charCodeAt(i), text, i)) i++;
      const c = text.charCodeAt(i);
      if ((c === 39 || c === 0x2019) && i + 1 < n && isWordChar(text.charCodeAt(i + 1), text, i + 1)) i++;
      else break;
    }
    out.push({ start, end: i });
  }
  return out;
}

export function normWord(w: string): string {
  return w.toLowerCase().replace(/’/g, "'");
}

/**
 * Spans between double quotation marks, found by the language layer's scanner (src/nlp/quote-scan.ts)
 * over the text's lines. Only pairs count here: single marks double as apostrophes, and a mark left
 * open (a stray or unmatched one) must not put the rest of a paragraph inside a quotation, since
 * quoted words are set aside when judging who copied whom.
 */
export function scanQuoted(text: string): Span[] {
  return scanQuotes(text, splitParagraphs({ text, boilerplate: [] }))
    .filter((q) => q.kind === 'double' && q.close !== null)
    .flatMap((q) => q.parts);
}

/**
 * Sentences when the language layer gave none for a source: its splitter (src/nlp/sentences.ts) run
 * over the text's lines, never breaking inside `quoted`.
 */
export function splitSentences(text: string, quoted: Span[]): Span[] {
  return splitLanguageSentences(text, splitParagraphs({ text, boilerplate: [] }), quoted).map(({ start, end }) => ({ start, end }));
}

function outside(boilerplate: Span[], s: Span): boolean {
  return !boilerplate.some((b) => Math.min(b.end, s.end) > Math.max(b.start, s.start));
}

export function buildSourceText(
  id: string,
  text: string,
  boilerplate: Span[],
  extra: { quotes?: Span[]; sentences?: Span[] } = {},
): SourceText {
  const quoted = [...scanQuoted(text), ...(extra.quotes ?? [])].sort((a, b) => a.start - b.start);
  const isQuoted = makeCoverTest(quoted);
  const tokens: Token[] = [];
  const inBoilerplate = makeCoverTest(boilerplate);
  for (const { start, end } of wordSpans(text)) {
    if (inBoilerplate(start) || inBoilerplate(end - 1)) continue;
    tokens.push({ start, end, norm: normWord(text.slice(start, end)), quoted: isQuoted(start) });
  }
  const sentences = (extra.sentences && extra.sentences.length ? extra.sentences : splitSentences(text, quoted)).filter((s) => outside(boilerplate, s));
  return { id, text, tokens, sentences, quoted };
}

/** An "is offset i inside one of these spans" test: spans are merged, then binary-searched. */
export function makeCoverTest(spans: Span[]): (i: number) => boolean {
  const merged: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return (i: number): boolean => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = merged[mid];
      if (!s) return false;
      if (i < s.start) hi = mid - 1;
      else if (i >= s.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** Content words of a stretch of text: lower-cased, suffix-trimmed, function words dropped. */
export function contentWords(tokens: Token[], stop: Set<string>): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.norm.length < 3 || stop.has(t.norm)) continue;
    out.push(stem(t.norm));
  }
  return out;
}

/** A crude stemmer, enough to match "threatened"/"threatens"/"threat" style variants in overlap tests. */
export function stem(w: string): string {
  return w
    .replace(/'s$/, '')
    .replace(/(?:ing|ed|es|s)$/, '')
    .slice(0, 7);
}

/** Tokens whose start lies in [span.start, span.end): binary search on sorted tokens. */
export function tokenRange(tokens: Token[], span: Span): [number, number] {
  const lower = (x: number): number => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokens[mid]?.start ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [lower(span.start), lower(span.end)];
}

/** Source ids in natural order ("s2" before "s10"), the order pairs and groups are listed in. */
/** One collator for every comparison: localeCompare with options builds one per call. */
const ID_COLLATOR = new Intl.Collator('en', { numeric: true });

export function byId(a: string, b: string): number {
  return ID_COLLATOR.compare(a, b);
}
