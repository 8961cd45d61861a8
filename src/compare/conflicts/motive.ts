import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexiconLines, lexicons } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { contentKey, words } from '../text/tokens.js';
import { attributeConflicts, type AttributeStance } from './attribute.js';
import { alternation } from './common.js';
import { foldText, gated, gatedRegex, type GatedRegex } from './word-gate.js';

/**
 * Descriptor conflicts on why an act was done: "the attack appeared to be linked to a land dispute"
 * in one source against "he was driven to the attack by debts" in another. The act is keyed by its
 * noun (data/lexicons/compare/motive.json); the reason is the rest of the clause after the link.
 * Reasons sharing a content word are one reason told two ways; a source that names another
 * source's reason elsewhere (most of its words in one sentence) knows of both and takes no side; a
 * link under a doubt earlier in its clause ("it was unclear whether the attack was linked to")
 * states no motive.
 */
interface MotiveLexicon {
  acts: Record<string, string[]>;
  links: string[];
  drivers: string[];
  selfKilling: string[];
  selfReasons: string[];
  doubts: string[];
}

/** A reason is the rest of its clause, at most this many words. */
const MAX_REASON_WORDS = 15;
const SUICIDE = 'suicide';
const COPULA = String.raw`(?:(?:appeared|appears|seemed|seems|was|is|were|are)\s+(?:to\s+(?:be|have\s+been)\s+)?|(?:was|is|were|are)\s+(?:believed|thought|suspected|said|reported|understood)\s+to\s+(?:be|have\s+been)\s+|(?:may|might|could)\s+(?:have\s+been|be)\s+)`;

interface Patterns {
  /** Each built only for a source whose text holds a key word of every part it needs (word-gate). */
  frames: GatedRegex[];
  actOf: Map<string, string>;
  doubts: Set<string>;
}

let cache: Patterns | null = null;

function patterns(): Patterns {
  if (cache) return cache;
  const l = JSON.parse(lexiconLines('motive.json').join('\n')) as MotiveLexicon;
  const actOf = new Map(Object.entries(l.acts).flatMap(([act, nouns]) => nouns.map((n) => [n, act] as const)));
  const act = `(${alternation(actOf.keys())})`;
  const sp = (alts: string[]): string => alternation(alts).replace(/ /g, String.raw`\s+`);
  return (cache = {
    frames: [
      // "the attack appeared to be linked to ...", "was carried out in retaliation for ...": group 1 the act.
      gated(String.raw`(?<![\p{L}-])${act}\s+${COPULA}(?:(?:carried\s+out|committed)\s+)?(?:${sp(l.links)})\s+`, 'giu', [actOf.keys(), l.links]),
      // "driven to suicide by ...", "prompted to commit the attack because ...".
      gated(String.raw`(?<![\p{L}-])(?:${sp(l.drivers)})\s+to\s+(?:commit\s+)?(?:the\s+)?${act}\s+(?:because\s+of|because|by|out\s+of)\s+`, 'giu', [l.drivers, actOf.keys()]),
      // "the motive for the attack appeared to be ...".
      gated(String.raw`(?<![\p{L}-])(?:motive|reason)\s+(?:for|behind)\s+(?:the\s+|his\s+|her\s+|their\s+)?${act}\s+${COPULA}`, 'giu', [['motive', 'reason'], actOf.keys()]),
      // "killed himself over ...": the act is a suicide, no group.
      gated(String.raw`(?<![\p{L}-])(?:${sp(l.selfKilling)})\s+(?:${sp(l.selfReasons)})\s+`, 'giu', [l.selfKilling, l.selfReasons]),
    ],
    actOf,
    doubts: new Set(l.doubts),
  });
}

type MotiveStance = AttributeStance & { keys: Set<string> };

/** Motives stated in one sentence: the act, the reason's words and content keys. */
function motivesIn(doc: SourceDoc, s: Span, frames: RegExp[]): MotiveStance[] {
  const { actOf, doubts } = patterns();
  const body = doc.text.slice(s.start, s.end);
  const out: MotiveStance[] = [];
  for (const re of frames) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const clauseBefore = body.slice(0, m.index).split(/[;:]/).pop() ?? '';
      if (clauseBefore.toLowerCase().split(/[^\p{L}']+/u).some((w) => doubts.has(w))) continue;
      const act = m[1] ? actOf.get(m[1].toLowerCase().replace(/\s+/g, ' ')) : SUICIDE;
      const from = m.index + m[0].length;
      const reason = reasonAt(body, from);
      if (!act || !reason) continue;
      const keys = new Set(words(doc.text, s.start + from, s.start + from + reason.length).map(contentKey).filter((k): k is string => k !== null));
      if (keys.size === 0) continue;
      const start = s.start + m.index;
      out.push({ source: doc.index, key: `motive\u0000${act}`, value: reason, span: { start, end: s.start + from + reason.length }, sentence: s, keys });
    }
  }
  return out;
}

/** The reason: the clause's words from `from`, to a clause break or MAX_REASON_WORDS, as written. */
function reasonAt(body: string, from: number): string {
  const clause = (body.slice(from).split(/[,;:.!?()—–]|\s-\s/)[0] ?? '').trimEnd();
  const ends: number[] = [];
  for (const w of clause.matchAll(/\S+/gu)) ends.push((w.index ?? 0) + w[0].length);
  let n = Math.min(ends.length, MAX_REASON_WORDS);
  // Cut short, it ends on a content word ("... the police sweep", not "... the police sweep on").
  const stop = lexicons().stopwords;
  while (n > 1 && stop.has(clause.slice(ends[n - 2] ?? 0, ends[n - 1]).trim().toLowerCase())) n--;
  return n ? clause.slice(0, ends[n - 1]) : '';
}

export function motiveConflicts(docs: SourceDoc[]): Conflict[] {
  const stances: MotiveStance[] = [];
  for (const doc of docs) {
    const folded = [foldText(doc.text)];
    const frames = patterns().frames.map((g) => gatedRegex(g, folded)).filter((re): re is RegExp => re !== null);
    if (frames.length) for (const s of doc.sentences) stances.push(...motivesIn(doc, s, frames));
  }
  const labelled = oneValuePerReason(stances);
  const kept = labelled.filter((a) => !labelled.some((b) => b.key === a.key && b.value !== a.value && b.source !== a.source && names(docs[a.source] as SourceDoc, b.keys)));
  return attributeConflicts(docs, kept, (key) => ({
    question: `why the ${key.split('\u0000')[1] ?? 'act'} happened`,
    why: 'the outlets give different reasons for one act',
  }));
}

/** Reasons of one act sharing a content word are one reason: each takes the first one's words as its value. */
function oneValuePerReason(stances: MotiveStance[]): MotiveStance[] {
  const labels: MotiveStance[] = [];
  return stances.map((s) => {
    const same = labels.find((l) => l.key === s.key && [...l.keys].some((k) => s.keys.has(k)));
    if (!same) {
      labels.push(s);
      return s;
    }
    same.keys = new Set([...same.keys, ...s.keys]);
    return { ...s, value: same.value };
  });
}

/** True when one sentence of the source holds most of a reason's content keys: it knows of that reason. */
function names(doc: SourceDoc, keys: Set<string>): boolean {
  const need = Math.ceil(keys.size / 2);
  return doc.sentences.some((s) => {
    const here = new Set(words(doc.text, s.start, s.end).map(contentKey));
    return [...keys].filter((k) => here.has(k)).length >= need;
  });
}
