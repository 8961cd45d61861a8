import type { Conflict, ConflictKind } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import type { ClaimStage } from '../claims/index.js';
import { lexiconLines } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { memoInStory } from '../text/story-memo.js';
import { attributeConflicts, type AttributeStance } from './attribute.js';
import { alternation } from './common.js';

/**
 * Attribute conflicts read off phrases (data/lexicons/compare/attribute-phrases.json): the charge
 * ("charged with murder" vs "facing manslaughter charges"), the cause of death ("burnt to death" vs
 * "suffocated"), the broken bone, the injured side, fired vs laid off, caught vs still at large. Each
 * attribute is one question about the story's event, so two stances meet when their sentences say
 * much the same thing besides the value (SAME_THING_SIMILARITY): a story may charge two people, or
 * count one victim shot and another stabbed.
 */
const SAME_THING_SIMILARITY = 0.12;

interface PhraseAttribute {
  name: string;
  question: string;
  why: string;
  kind?: ConflictKind;
  trigger?: string[];
  reach?: number;
  notBefore?: string[];
  notAfter?: string[];
  after?: string[];
  near?: string[];
  nearReach?: number;
  /** How similar the two sentences must be, when the frame alone ties the value to one thing. */
  floor?: number;
  values: Record<string, string[]>;
}

/** One attribute's phrases (attributes, foldedTexts and mayHold are exported for their test). */
export interface Compiled {
  attr: PhraseAttribute;
  source: string;
  /** Built when a story may hold one of the phrases (see mayHold). */
  re: RegExp | null;
  valueOf: Map<string, string>;
  /** One word of every phrase (its longest of plain ASCII letters), or null when a phrase has none (then no test). */
  keyWords: string[] | null;
}

let cache: Compiled[] | null = null;

/** The attributes with one pattern each matching any of their phrases. */
export function attributes(): Compiled[] {
  if (cache) return cache;
  const file = JSON.parse(lexiconLines('attribute-phrases.json').join('\n')) as { attributes: PhraseAttribute[] };
  cache = file.attributes.map((attr) => {
    const valueOf = new Map<string, string>();
    for (const [value, phrases] of Object.entries(attr.values)) for (const p of phrases) valueOf.set(norm(p), value);
    const alts = alternation(valueOf.keys()).replace(/ /g, '[\\s-]+');
    const keys = [...new Set([...valueOf.keys()].map((k) => k.split(' ').filter((w) => /^[a-z]+$/.test(w)).sort((a, b) => b.length - a.length)[0] ?? ''))];
    return { attr, valueOf, source: String.raw`(?<!\p{L})(?:${alts})(?![\p{L}])`, re: null, keyWords: keys.includes('') ? null : keys };
  });
  return cache;
}

/**
 * The story's texts folded for mayHold: lower case, and ſ read as s. In a case-insensitive Unicode
 * regex an ASCII letter matches only itself in either case and, for s and k, ſ and the Kelvin sign
 * (which lowers to k); so every match of a plain ASCII word shows as that word in the folded text.
 */
export function foldedTexts(docs: SourceDoc[]): string[] {
  return docs.map((d) => d.text.toLowerCase().replace(/\u017f/g, 's'));
}

/**
 * False when no text of the story can hold any phrase of the attribute: none contains the key word
 * (the longest plain word) of any of them. Then the attribute's regex (hundreds of phrases, case-insensitive, with
 * Unicode classes: 1-2% of a small story's run each to build and compile) is never built.
 */
export function mayHold(c: Compiled, folded: string[]): boolean {
  const words = c.keyWords;
  return !words || folded.some((t) => words.some((w) => t.includes(w)));
}

const norm = (s: string): string => s.toLowerCase().replace(/[\s-]+/g, ' ').trim();

export function phraseAttributeConflicts(docs: SourceDoc[], claims: ClaimStage): Conflict[] {
  const out: Conflict[] = [];
  const folded = foldedTexts(docs);
  for (const c of attributes()) {
    const attr = c.attr;
    const stances = mayHold(c, folded) ? stancesOf(c, (c.re ??= new RegExp(c.source, 'giu')), docs) : [];
    const why = attr.why;
    const kind = attr.kind;
    out.push(...attributeConflicts(docs, stances, () => ({ question: attr.question, why, ...(kind ? { kind } : {}) }), { matcher: claims.matcher, floor: attr.floor ?? SAME_THING_SIMILARITY }));
  }
  return out;
}

/** The attribute's stances in every sentence of the story. */
function stancesOf(c: Compiled, re: RegExp, docs: SourceDoc[]): AttributeStance[] {
  const stances: AttributeStance[] = [];
  // Whether the pattern matches a sentence at all, read once per distinct sentence (copies repeat them).
  const table = `phraseAttribute ${re.flags} ${re.source}`;
  for (const doc of docs) {
    for (const s of doc.sentences) {
      const body = doc.text.slice(s.start, s.end);
      const matches = memoInStory(table, body, () => {
        re.lastIndex = 0;
        return re.test(body);
      });
      if (!matches) continue;
      re.lastIndex = 0;
      for (let m = re.exec(body); m; m = re.exec(body)) {
        const value = c.valueOf.get(norm(m[0]));
        if (!value || !framed(c.attr, body.slice(0, m.index), body.slice(m.index + m[0].length))) continue;
        const span: Span = { start: s.start + m.index, end: s.start + m.index + m[0].length };
        stances.push({ source: doc.index, key: c.attr.name, value, span, sentence: s });
      }
    }
  }
  return stances;
}

/** True when the words around a value make it this attribute's (its trigger before, its noun after). */
function framed(attr: PhraseAttribute, before: string, after: string): boolean {
  const prev = before.split(/[^\p{L}-]+/u).filter(Boolean);
  const last = prev[prev.length - 1]?.toLowerCase() ?? '';
  if (attr.notBefore?.includes(last)) return false;
  if (attr.trigger) {
    // The trigger must be in the value's clause: no sentence-internal break between them.
    const clause = before.split(/[;:()—–]/).pop() ?? '';
    const near = clause.split(/[^\p{L}-]+/u).filter(Boolean).slice(-(attr.reach ?? 1)).map((w) => w.toLowerCase().replace(/-+$/, ''));
    if (!near.some((w) => attr.trigger?.includes(w) || attr.trigger?.includes(w.replace(/^.*-/, '')))) return false;
  }
  const next = after.split(/[^\p{L}]+/u).filter(Boolean).slice(0, 2).map((w) => w.toLowerCase());
  if (attr.notAfter?.includes(next[0] ?? '')) return false;
  if (attr.near) {
    const clause = after.split(/[;:.()—–]/)[0] ?? '';
    const ahead = clause.split(/[^\p{L}]+/u).filter(Boolean).slice(0, attr.nearReach ?? 1).map((w) => w.toLowerCase());
    if (!ahead.some((w) => attr.near?.includes(w))) return false;
  }
  if (attr.after) {
    if (!next.some((w) => attr.after?.includes(w))) return false;
  }
  return true;
}
