import type { Conflict, ConflictKind, ConflictSide } from '../../model/dossier.js';
import type { Evidence, Span } from '../../model/span.js';
import { overlaps } from '../../model/span.js';
import { lexicons } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { memoInStory } from '../text/story-memo.js';

/** One source's statement of a value, with the words that state it. */
export interface Stance {
  source: number;
  value: string;
  span: Span;
}

export function evidenceOf(doc: SourceDoc, span: Span): Evidence {
  return { source: doc.id, start: span.start, end: span.end, text: doc.text.slice(span.start, span.end) };
}

const plural = (n: number): string => `${n} source${n === 1 ? '' : 's'}`;

/**
 * Builds a conflict from stances on one question. Values stated together by one source are
 * compatible (one side); a conflict needs two sides no source shares. Returns null otherwise.
 */
export function conflictFrom(kind: ConflictKind, question: string, stances: Stance[], docs: SourceDoc[], label: (value: string) => string = (v) => v, why?: string): Conflict | null {
  // Union values that one source states together.
  const parent = new Map<string, string>();
  const find = (v: string): string => {
    let p = parent.get(v) ?? v;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    return p;
  };
  for (const s of stances) if (!parent.has(s.value)) parent.set(s.value, s.value);
  const bySource = new Map<number, string[]>();
  for (const s of stances) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s.value]);
  for (const values of bySource.values()) {
    const root = find(values[0] as string);
    for (const v of values.slice(1)) {
      const r = find(v);
      if (r !== root) parent.set(r, root);
    }
  }
  const sides = new Map<string, Stance[]>();
  for (const s of stances) {
    const r = find(s.value);
    sides.set(r, [...(sides.get(r) ?? []), s]);
  }
  if (sides.size < 2) return null;
  const built: (ConflictSide & { n: number; first: number })[] = [];
  for (const members of sides.values()) {
    const values = [...new Set(members.map((m) => m.value))];
    const evidence: Evidence[] = [];
    for (const m of [...members].sort((a, b) => a.source - b.source || a.span.start - b.span.start)) {
      const doc = docs[m.source] as SourceDoc;
      if (evidence.some((e) => e.source === doc.id && overlaps(e, m.span))) continue;
      if (evidence.filter((e) => e.source === doc.id).length >= 2) continue;
      evidence.push(evidenceOf(doc, m.span));
    }
    const n = new Set(members.map((m) => m.source)).size;
    built.push({ value: values.map(label).join(' / '), evidence, n, first: Math.min(...members.map((m) => m.source)) });
  }
  built.sort((a, b) => b.n - a.n || a.first - b.first);
  // The reason both cannot hold, when the caller knows it ("one car has one colour").
  const summary = `Outlets disagree on ${question}: ${built.map((s) => `${s.value} (${plural(s.n)})`).join(' vs ')}${why ? `; ${why}` : ''}.`;
  return { id: '', kind, summary, sides: built.map(({ value, evidence }) => ({ value, evidence })) };
}

/** News outlets named in `text[span)`, with their positions (longest alias first, no overlaps). */
let outletPatterns: { source: string; flags: string; re: RegExp | null; canonical: string; caseSensitive: boolean; needle: string }[] | null = null;

export function outletsIn(text: string, span: Span): { canonical: string; span: Span }[] {
  // A pure function of the slice (the patterns are built once, for every language): read once per
  // distinct slice in a story, each caller given its own spans at its own offset.
  const slice = text.slice(span.start, span.end);
  const within = memoInStory('outletsIn', slice, () => outletsInSlice(slice));
  return within.map((f) => ({ canonical: f.canonical, span: { start: span.start + f.span.start, end: span.start + f.span.end } }));
}

function outletsInSlice(slice: string): { canonical: string; span: Span }[] {
  const found: { canonical: string; span: Span }[] = [];
  outletPatterns ??= lexicons().outlets.map(({ alias, canonical, exactCase }) => {
    // Short or all-capital names (AP, RT, CNN) only in capitals; others in any case ("Tass"), unless
    // another outlet's alias differs from it only in case (then case tells them apart).
    const caseSensitive = exactCase || alias.length <= 4 || alias === alias.toUpperCase();
    const needle = caseSensitive ? alias : alias.toLowerCase();
    const source = `(?<![\\p{L}\\p{N}@])${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`;
    return { source, flags: caseSensitive ? 'gu' : 'giu', re: null, canonical, caseSensitive, needle };
  });
  // A plain substring test first: most spans name no outlet, and hundreds of regexes per span
  // (each compiled on first use) were a tenth of a small story's whole run. Each regex is also only
  // built when its name first passes that test: building one parses its Unicode classes, and most
  // of the hundreds of outlets are never named in a story.
  let lower: string | null = null;
  for (const p of outletPatterns) {
    if (!(p.caseSensitive ? slice : (lower ??= slice.toLowerCase())).includes(p.needle)) continue;
    const re = (p.re ??= new RegExp(p.source, p.flags));
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const s = { start: m.index, end: m.index + m[0].length };
      if (found.some((f) => overlaps(f.span, s))) continue;
      found.push({ canonical: p.canonical, span: s });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Outlets named in a span, as `outletsIn`, plus names the list does not know: a capitalised name
 * ending in a news noun ("the Caddon Ferry Gazette", "the Chronicle"). A short form takes the
 * fullest name in `known` that ends with it (the sources' own outlet names and every name seen).
 */
export function newsOrgsIn(text: string, span: Span, known: readonly string[]): { canonical: string; span: Span }[] {
  const found = outletsIn(text, span);
  newsNamePattern ??= new RegExp(String.raw`(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}’'-]+\s+){0,3}(?:${lexicons().newsNouns.join('|')})(?![\p{L}\p{N}])`, 'gu');
  newsNamePattern.lastIndex = 0;
  const slice = text.slice(span.start, span.end);
  for (let m = newsNamePattern.exec(slice); m; m = newsNamePattern.exec(slice)) {
    let name = m[0];
    let start = span.start + m.index;
    // Drop capitalised words that start a sentence or are not part of the name ("In", "The").
    // eslint-disable-next-line security/detect-unsafe-regex -- applied to a short value (a flag, a name, a date string, an address), never to article text; the alternatives are distinct words
    const lead = /^(?:(?:The|A|An|In|On|At|By|And|But|For|From|To|According|First)\s+)+/.exec(name);
    if (lead) {
      name = name.slice(lead[0].length);
      start += lead[0].length;
    }
    if (!name) continue;
    const s = { start, end: start + name.length };
    if (found.some((f) => overlaps(f.span, s))) continue;
    const full = [...known].filter((k) => k === name || k.endsWith(' ' + name)).sort((a, b) => b.length - a.length || a.localeCompare(b))[0];
    found.push({ canonical: full ?? name, span: s });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}
let newsNamePattern: RegExp | null = null;

/** The source's own outlet (from its metadata), so "told The Times" in the Times is not a rival claim. */
export function ownOutlet(doc: SourceDoc): string | null {
  const o = doc.article.outlet;
  if (!o) return null;
  return outletsIn(o, { start: 0, end: o.length })[0]?.canonical ?? o;
}

/** True when any character of the span lies inside quotation marks. */
export function touchesQuote(doc: SourceDoc, span: Span): boolean {
  for (let i = span.start; i < span.end; i++) if (doc.quoted[i] === 1) return true;
  return false;
}

/** Regex helper: alternatives from a word list, longest first, escaped. */
export function alternation(words: Iterable<string>): string {
  return [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}
