import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexicons } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { conflictFrom, newsOrgsIn, ownOutlet, touchesQuote, type Stance } from './common.js';
import { outletKey } from './told-outlet.js';

/**
 * Attribution conflicts on which outlet broke the story: one source says "the Gazette first
 * reported that ..." (or "was first reported by", "broke the news"), another opens with "..., the
 * Chronicle reported", crediting the news to another outlet. The crediting sentence must be among
 * the first LEDE_SENTENCES of its source (its account of the story's news, not of a detail) and
 * share a name with the first-report sentence, so both speak of the same news.
 */
const LEDE_SENTENCES = 3;
// eslint-disable-next-line security/detect-unsafe-regex -- anchored at the start of the words after a name; the optional parts are distinct words
const FIRST_AFTER = /^\s*(?:,\s*)?(?:(?:which|who)\s+)?(?:was\s+the\s+first\s+to\s+report|first\s+reported|reported\s+first|first\s+broke|broke\s+the\s+(?:news|story))\b/iu;
// eslint-disable-next-line security/detect-unsafe-regex -- anchored at the end of a short clause head; one optional word
const FIRST_BEFORE = /\b(?:first\s+reported|reported\s+first|first\s+broken|broken\s+first)(?:\s+\p{L}+)?\s+by\s+(?:the\s+)?$/iu;
// eslint-disable-next-line security/detect-unsafe-regex -- anchored at the start of the words after a name; the optional parts are distinct words
const REPORTED_AFTER = /^\s+(?:has\s+|had\s+)?reported(?:\s+(?:on\s+)?\p{Lu}\p{Ll}+day)?(?:\s+that\b|\s*[.,]?\s*$)/u;
/** "..., according to the Chronicle." closing a sentence credits its news too. */
// eslint-disable-next-line security/detect-unsafe-regex -- applied to the end of a sentence head; the optional part is one word
const ACCORDING_BEFORE = /,\s+according\s+to\s+(?:the\s+)?$/iu;
/** An address read as an outlet ("washingtonpost.com"). */
const DOMAIN = /(?<![\p{L}\p{N}@.])[\p{L}\p{N}-]+\.com\b/gu;
/** Capitalised words that name nothing of the story. */
const NOT_NAMES = /^(?:The|A|An|In|On|At|But|And|It|He|She|They|This|That|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

interface Credit extends Stance {
  names: Set<string>;
  /** The outlet as printed. */
  shown: string;
}

export function firstReportedConflicts(docs: SourceDoc[]): Conflict[] {
  const known = [...new Set(docs.map((d) => d.article.outlet ?? '').filter(Boolean))];
  const credits = docs.map((d) => creditsIn(d, known));
  for (const first of credits.flatMap((c) => c.first)) {
    const others = credits.flatMap((c) => c.lede).filter((l) => l.source !== first.source && l.value !== first.value && [...l.names].some((n) => first.names.has(n)));
    if (!others.length) continue;
    const firsts = credits.flatMap((c) => c.first).filter((f) => f.value === first.value);
    const shown = new Map([...firsts, ...others].reverse().map((x) => [x.value, x.shown]));
    const c = conflictFrom('attribution', 'which outlet first reported the news', [...firsts, ...others], docs, (v) => shown.get(v) ?? v, 'one outlet broke the story');
    // One story has one first report: the first dispute found is the story's.
    if (c) return [c];
  }
  return [];
}

/** Outlets named in a sentence: the list's and the news names (`newsOrgsIn`), and .com addresses. */
function outletsOf(doc: SourceDoc, s: Span, known: readonly string[]): { key: string; span: Span }[] {
  const found = newsOrgsIn(doc.text, s, known).map((o) => ({ key: outletKey(o.canonical), span: o.span }));
  const body = doc.text.slice(s.start, s.end);
  for (const m of body.matchAll(DOMAIN)) {
    const span = { start: s.start + (m.index ?? 0), end: s.start + (m.index ?? 0) + m[0].length };
    if (!found.some((f) => f.span.start < span.end && span.start < f.span.end)) found.push({ key: outletKey(m[0]), span });
  }
  return found.filter((f) => f.key && !touchesQuote(doc, f.span)).sort((a, b) => a.span.start - b.span.start);
}

/** A source's "X first reported" credits, and its lede's "..., X reported" ones. */
function creditsIn(doc: SourceDoc, known: readonly string[]): { first: Credit[]; lede: Credit[] } {
  const own = ownOutlet(doc);
  const ownKey = own ? outletKey(own) : null;
  const first: Credit[] = [];
  const lede: Credit[] = [];
  const body = doc.sentences.filter((s) => !/^\s*URL:/i.test(doc.text.slice(s.start, s.end)));
  body.forEach((s, i) => {
    const outlets = outletsOf(doc, s, known);
    const names = namesIn(doc, s, outlets.map((o) => o.span));
    for (const o of outlets) {
      if (o.key === ownKey) continue;
      const shown = doc.text.slice(o.span.start, o.span.end);
      const after = doc.text.slice(o.span.end, s.end);
      const before = doc.text.slice(s.start, o.span.start);
      if (FIRST_AFTER.test(after) || FIRST_BEFORE.test(before.slice(-60))) first.push({ source: doc.index, value: o.key, span: s, names, shown });
      else if (i < LEDE_SENTENCES && (REPORTED_AFTER.test(after) || (ACCORDING_BEFORE.test(before) && /^\W*$/.test(after)))) lede.push({ source: doc.index, value: o.key, span: s, names, shown });
    }
  });
  return { first, lede };
}

/** Capitalised words of a sentence outside its outlets' names: the people and places it speaks of. */
function namesIn(doc: SourceDoc, s: Span, outlets: Span[]): Set<string> {
  const out = new Set<string>();
  const body = doc.text.slice(s.start, s.end);
  for (const m of body.matchAll(/\p{Lu}[\p{L}’'-]+/gu)) {
    const at = s.start + (m.index ?? 0);
    if (outlets.some((o) => o.start <= at && at < o.end)) continue;
    const w = m[0].replace(/[’']s$/, '');
    // A capitalised function word opening the sentence ("The", "After") names nothing.
    if (!NOT_NAMES.test(w) && !lexicons().stopwords.has(w.toLowerCase())) out.add(w);
  }
  return out;
}
