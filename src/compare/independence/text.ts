import type { Span } from '../../model/span.js';

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
 * Spans between double quotation marks, within one paragraph. Curly and straight marks are paired
 * alike, since texts mix them (an opening “ closed by a straight "); a straight mark opens only where
 * an opening mark can stand (after a space or bracket, before a non-space), so a stray closing mark
 * does not put the rest of the paragraph out of step. Single quotes are left out (they double as
 * apostrophes).
 */
export function scanQuoted(text: string): Span[] {
  const out: Span[] = [];
  for (const para of paragraphsOf(text)) {
    let open = -1;
    for (let i = para.start; i < para.end; i++) {
      const c = text[i];
      if (c === '“' || c === '«' || c === '„') {
        open = i + 1;
      } else if (c === '”' || c === '»') {
        if (open >= 0 && i > open) out.push({ start: open, end: i });
        open = -1;
      } else if (c === '"') {
        if (open >= 0) {
          if (i > open) out.push({ start: open, end: i });
          open = -1;
        } else if (/^[\s([{—–-]?$/.test(text[i - 1] ?? '') && /\S/.test(text[i + 1] ?? ' ')) {
          open = i + 1;
        }
      }
    }
  }
  return out;
}

export function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  const re = /\n\s*\n/g;
  let at = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > at) out.push({ start: at, end: m.index });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ start: at, end: text.length });
  return out;
}

/**
 * A plain sentence splitter, used when the language layer gave no sentences: breaks at line ends and
 * after . ! ? (and a closing quote) followed by white space and an upper-case letter or opening quote,
 * but not inside quotation marks nor after a one-letter initial or a common title abbreviation.
 */
export function splitSentences(text: string, quoted: Span[]): Span[] {
  const out: Span[] = [];
  const inQuote = (i: number): boolean => quoted.some((q) => q.start <= i && i < q.end);
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < text.length && /["”’)\]]/.test(text[j] ?? '')) j++;
    if (!/[ \t]/.test(text[j] ?? '')) continue;
    let k = j;
    while (k < text.length && /[ \t]/.test(text[k] ?? '')) k++;
    if (!/[\p{Lu}\p{N}"“‘(]/u.test(text[k] ?? '')) continue;
    if (inQuote(i) && j === i + 1) continue;
    const before = /(?:^|\s)([\p{L}]{1,4})\.$/u.exec(text.slice(Math.max(0, i - 5), i + 1));
    if (c === '.' && before && /^(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Sen|Rep|Gov|Lt|Sgt|Capt|Prof|Rev|Hon|No|Vol|U\.S)$/u.test(before[1] ?? '')) continue;
    push(j);
    start = j;
  }
  push(text.length);
  return out;
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
export function byId(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
