import type { Span } from '../../model/span.js';
import { overlaps } from '../../model/span.js';
import { lexicons } from '../lexicon.js';
import { GENERATIONAL_SUFFIX } from '../../nlp/names.js';
import type { SourceDoc } from '../source-doc.js';

/** Who a quotation is attributed to, as the text says it. */
export interface Attribution {
  speaker: string | null;
  speakerSpan: Span | null;
  cue: string | null;
  addressee: string | null;
}

const NONE: Attribution = { speaker: null, speakerSpan: null, cue: null, addressee: null };
/** Characters after a closing mark searched for "X said" / "said X". */
const AFTER_WINDOW = 90;
/** Characters before an opening mark searched for "X said:". */
const BEFORE_WINDOW = 220;
const NAME = String.raw`\p{Lu}[\p{L}’'.-]+(?:\s+\p{Lu}[\p{L}’'.-]+){0,3}`;
const PRONOUN = /^(?:he|she|they|it)$/i;
/** Capitalised words that start sentences or clauses rather than name anyone. */
const NOT_NAMES = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'And', 'But', 'So', 'Then', 'After', 'According', 'When', 'While', 'If', 'This', 'That', 'It', 'He', 'She', 'They', 'We', 'I', 'Meanwhile', 'However', 'Earlier', 'Regarding', 'Speaking', 'During']);

const memo = new WeakMap<SourceDoc, Map<number, Attribution>>();

type NlpQuote = SourceDoc['analysis']['quotes'][number];
const spokenIndex = new WeakMap<SourceDoc, (span: Span) => NlpQuote | undefined>();

/**
 * The first of the language layer's attributed quotes (in its start order) that overlaps `span`, in
 * O(log n): a running maximum of their ends finds the first that ends after `span` starts. A scan of
 * every quote per quotation is quadratic in quote-dense texts.
 */
function firstSpokenOverlap(doc: SourceDoc): (span: Span) => NlpQuote | undefined {
  const known = spokenIndex.get(doc);
  if (known) return known;
  const spoken = doc.analysis.quotes.filter((x) => x.speaker);
  const sorted = spoken.every((x, i) => i === 0 || (spoken[i - 1]?.start ?? 0) <= x.start);
  const maxEnd: number[] = [];
  for (const [i, x] of spoken.entries()) maxEnd.push(Math.max(x.end, maxEnd[i - 1] ?? -Infinity));
  const find = (span: Span): NlpQuote | undefined => {
    if (!sorted) return spoken.find((x) => overlaps(x, span));
    let lo = 0;
    let hi = spoken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((maxEnd[mid] ?? -Infinity) > span.start) hi = mid;
      else lo = mid + 1;
    }
    const x = spoken[lo];
    return x && overlaps(x, span) ? x : undefined;
  };
  spokenIndex.set(doc, find);
  return find;
}

/**
 * The speaker of quotation `qi`: the language layer's answer when it has one for this span, else a
 * reading of the words around the marks ("X said", "said X", "X told Y:"); a pronoun takes the
 * previous named speaker. Nested quotations have no speaker of their own here.
 */
export function attributeSpeaker(doc: SourceDoc, qi: number): Attribution {
  let cache = memo.get(doc);
  if (!cache) memo.set(doc, (cache = new Map<number, Attribution>()));
  const hit = cache.get(qi);
  if (hit) return hit;
  const q = doc.quotes[qi];
  let out: Attribution = NONE;
  if (q && q.parent === null) {
    const fromNlp = firstSpokenOverlap(doc)(q);
    out = fromNlp
      ? { speaker: fromNlp.speaker, speakerSpan: fromNlp.speakerSpan, cue: fromNlp.cue, addressee: fromNlp.addressee }
      : readAttribution(doc, qi);
  }
  cache.set(qi, out);
  return out;
}

function readAttribution(doc: SourceDoc, qi: number): Attribution {
  const q = doc.quotes[qi];
  if (!q) return NONE;
  const { afterRe, beforeRe } = attributionPatterns();
  const text = doc.text;
  const closeEnd = q.close ? q.close.end : q.end;
  const lineEnd = text.indexOf('\n', closeEnd);
  const after = text.slice(closeEnd, Math.min(lineEnd < 0 ? text.length : lineEnd, closeEnd + AFTER_WINDOW));
  const lineStart = text.lastIndexOf('\n', q.open.start - 1) + 1;
  const beforeStart = Math.max(lineStart, q.open.start - BEFORE_WINDOW);
  const before = text.slice(beforeStart, q.open.start);

  const m = afterRe.exec(after);
  if (m) {
    const name = m[1] ?? m[5] ?? null;
    const offset = closeEnd + (m.index ?? 0) + (m[0].indexOf(name ?? '') ?? 0);
    return finish(doc, qi, name, offset, m[2] ?? m[4] ?? null, addresseeOf(m[3] ?? ''));
  }
  const b = beforeRe.exec(before);
  if (b) {
    const name = b[1] ?? null;
    return finish(doc, qi, name, beforeStart + b.index, b[2] ?? null, addresseeOf(b[3] ?? ''));
  }
  return NONE;
}

let patterns: { afterRe: RegExp; beforeRe: RegExp } | null = null;

/** "X said" / "said X" after a quotation, "X told Y:" before one (compiled once). */
function attributionPatterns(): { afterRe: RegExp; beforeRe: RegExp } {
  if (!patterns) {
    const verbs = [...lexicons().speechVerbs, 'saying', 'continued', 'adding'].join('|');
    patterns = {
      afterRe: new RegExp(String.raw`^[\s,.]*(?:(${NAME}|he|she|they)\s+(${verbs})\b([^.,;“"]{0,60})|(${verbs})\s+(${NAME}))`, 'u'),
      beforeRe: new RegExp(String.raw`(${NAME}|he|she|they)(?:\s+[\p{Ll}-]+){0,4}?\s+(${verbs})\b([^“"]{0,80})$`, 'u'),
    };
  }
  return patterns;
}

function addresseeOf(tail: string): string | null {
  // eslint-disable-next-line security/detect-unsafe-regex -- applied to a slice of at most a few dozen characters (the tail after a quote); the repetition is bounded ({2,60})
  const m = /^\s*(?:to\s+)?((?:the\s+)?[\p{L}\s]{2,60}?)\s*[,:]?\s*$/u.exec(tail);
  const v = m?.[1]?.trim();
  return v && v.length > 1 ? v : null;
}

function finish(doc: SourceDoc, qi: number, name: string | null, at: number, cue: string | null, addressee: string | null): Attribution {
  if (!name) return NONE;
  if (PRONOUN.test(name)) {
    for (let j = qi - 1; j >= 0; j--) {
      const prev = doc.quotes[j];
      if (!prev || prev.parent !== null) continue;
      const a = attributeSpeaker(doc, j);
      if (a.speaker) return { speaker: a.speaker, speakerSpan: { start: at, end: at + name.length }, cue, addressee };
    }
    return { speaker: null, speakerSpan: { start: at, end: at + name.length }, cue, addressee };
  }
  const words = name.split(/\s+/).filter((w) => !NOT_NAMES.has(w));
  if (words.length === 0) return NONE;
  const clean = words.join(' ');
  const start = at + name.indexOf(words[0] as string);
  return { speaker: clean, speakerSpan: { start, end: start + clean.length }, cue, addressee };
}

/** The part of a name that identifies a person across sources: the last word ("Maria Okafor" -> "Okafor"). */
export function speakerKey(name: string | null): string | null {
  if (!name) return null;
  // The surname, not a generational suffix: "Jesse Jackson Jr." is keyed "Jackson".
  const words = name.split(/\s+/);
  while (words.length > 1 && GENERATIONAL_SUFFIX.test(words[words.length - 1]!)) words.pop();
  const last = words.pop();
  return last ? last.replace(/[’']s$/, '') : null;
}
