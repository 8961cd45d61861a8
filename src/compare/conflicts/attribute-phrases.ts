import type { Conflict, ConflictKind } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import type { ClaimStage } from '../claims/index.js';
import { lexiconLines } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
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

let cache: { attr: PhraseAttribute; re: RegExp; valueOf: Map<string, string> }[] | null = null;

/** The attributes with one pattern each matching any of their phrases. */
function attributes(): { attr: PhraseAttribute; re: RegExp; valueOf: Map<string, string> }[] {
  if (cache) return cache;
  const file = JSON.parse(lexiconLines('attribute-phrases.json').join('\n')) as { attributes: PhraseAttribute[] };
  cache = file.attributes.map((attr) => {
    const valueOf = new Map<string, string>();
    for (const [value, phrases] of Object.entries(attr.values)) for (const p of phrases) valueOf.set(norm(p), value);
    const alts = alternation(valueOf.keys()).replace(/ /g, '[\\s-]+');
    return { attr, valueOf, re: new RegExp(String.raw`(?<!\p{L})(?:${alts})(?![\p{L}])`, 'giu') };
  });
  return cache;
}

const norm = (s: string): string => s.toLowerCase().replace(/[\s-]+/g, ' ').trim();

export function phraseAttributeConflicts(docs: SourceDoc[], claims: ClaimStage): Conflict[] {
  const out: Conflict[] = [];
  for (const { attr, re, valueOf } of attributes()) {
    const stances: AttributeStance[] = [];
    for (const doc of docs) {
      for (const s of doc.sentences) {
        const body = doc.text.slice(s.start, s.end);
        re.lastIndex = 0;
        for (let m = re.exec(body); m; m = re.exec(body)) {
          const value = valueOf.get(norm(m[0]));
          if (!value || !framed(attr, body.slice(0, m.index), body.slice(m.index + m[0].length))) continue;
          const span: Span = { start: s.start + m.index, end: s.start + m.index + m[0].length };
          stances.push({ source: doc.index, key: attr.name, value, span, sentence: s });
        }
      }
    }
    const why = attr.why;
    const kind = attr.kind;
    out.push(...attributeConflicts(docs, stances, () => ({ question: attr.question, why, ...(kind ? { kind } : {}) }), { matcher: claims.matcher, floor: attr.floor ?? SAME_THING_SIMILARITY }));
  }
  return out;
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
