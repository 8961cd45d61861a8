import type { QuoteCluster, QuoteVariant } from '../../model/dossier.js';
import { groupItems } from '../group.js';
import type { Matcher } from '../matcher.js';
import type { SourceDoc } from '../source-doc.js';
import { diffOps } from './align.js';
import { grade, type Grade } from './fidelity.js';
import { speakerKey } from './speaker.js';
import type { QuoteUnit } from './units.js';

/** Units at least this similar (weighted content overlap) may be renderings of one utterance. */
export const QUOTE_LINK_THRESHOLD = 0.5;
/** A short unit wholly inside a longer one (a trimmed quote) links at this containment... */
const QUOTE_CONTAIN_THRESHOLD = 0.8;
/** ...when it has at least this many content words, so "I said" does not join everything. */
const QUOTE_CONTAIN_MIN_KEYS = 2;
/** Share of all normalised words two one-content-word units must have in common. */
const SINGLE_KEY_TOKEN_DICE = 0.75;

function tokenDice(a: QuoteUnit, b: QuoteUnit): number {
  const x = new Set(a.words.filter((w) => !w.inserted && !w.ellipsis).map((w) => w.norm));
  const y = new Set(b.words.filter((w) => !w.inserted && !w.ellipsis).map((w) => w.norm));
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / Math.max(1, x.size + y.size);
}

/** The scorer's and the reader's limit: more renderings than this from one source is not one utterance. */
export const MAX_VARIANTS_PER_SOURCE = 3;

export function unitSimilarity(m: Matcher, a: QuoteUnit, b: QuoteUnit): number {
  // One shared word is a coincidence unless both units have only that one.
  const shared = a.keys.filter((k) => b.keys.includes(k)).length;
  const single = a.keys.length === 1 && b.keys.length === 1;
  if (shared < (single ? 1 : 2)) return 0;
  // A one-word utterance ("I don't believe you") joins only a near-identical one.
  if (single) return tokenDice(a, b) >= SINGLE_KEY_TOKEN_DICE ? 1 : 0;
  const dice = m.similarity(a, b);
  const minKeys = Math.min(a.keys.length, b.keys.length);
  const contain = minKeys >= QUOTE_CONTAIN_MIN_KEYS ? m.containment(a, b) : 0;
  return Math.max(dice, contain >= QUOTE_CONTAIN_THRESHOLD ? contain * 0.85 : 0);
}

/**
 * Groups quote units into utterances (see group.ts): links above the threshold, strongest first,
 * average link, at most MAX_VARIANTS_PER_SOURCE renderings from one source.
 */
export function clusterUnits(units: QuoteUnit[], m: Matcher): QuoteUnit[][] {
  return groupItems(units, {
    score: (a, b) => unitSimilarity(m, a, b),
    link: QUOTE_LINK_THRESHOLD,
    average: QUOTE_LINK_THRESHOLD * 0.8,
    perSource: MAX_VARIANTS_PER_SOURCE,
    skip: (a, b) => a.source === b.source && a.quote === b.quote,
  });
}

/**
 * Picks the reference rendering and grades the others against it. The reference is the fullest
 * faithful rendering: the one the most others are verbatim, censored or trimmed copies of; then
 * uncensored, then longest, then first by source.
 */
export function gradeCluster(group: QuoteUnit[], docs: SourceDoc[]): { ref: QuoteUnit; grades: Map<QuoteUnit, Grade> } {
  const faithful = new Set(['verbatim', 'bowdlerised', 'trimmed']);
  let best: { ref: QuoteUnit; grades: Map<QuoteUnit, Grade>; score: number[] } | null = null;
  const candidates = [...group].sort((a, b) => b.words.length - a.words.length || a.source - b.source || a.start - b.start).slice(0, MAX_REFERENCE_CANDIDATES);
  for (const ref of candidates) {
    const grades = new Map<QuoteUnit, Grade>();
    let ok = 0;
    for (const u of group) {
      if (u === ref) continue;
      const g = grade(ref.words, u.words);
      grades.set(u, g);
      if (faithful.has(g.fidelity)) ok++;
    }
    const score = [ok, ref.words.some((w) => w.censored) ? 0 : 1, ref.words.length];
    if (!best || compareScore(score, best.score) > 0) best = { ref, grades, score };
  }
  void docs;
  const chosen = best as { ref: QuoteUnit; grades: Map<QuoteUnit, Grade> };
  return { ref: chosen.ref, grades: chosen.grades };
}

/** Only the longest renderings are tried as reference, so a 100-source story stays fast. */
const MAX_REFERENCE_CANDIDATES = 8;

function compareScore(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** A graded cluster as the dossier prints it (id assigned later). */
export function toQuoteCluster(group: QuoteUnit[], docs: SourceDoc[]): QuoteCluster {
  const { ref, grades } = gradeCluster(group, docs);
  const variants: QuoteVariant[] = group.map((u) => {
    const doc = docs[u.source] as SourceDoc;
    const base = {
      source: doc.id,
      start: u.start,
      end: u.end,
      text: doc.text.slice(u.start, u.end),
      speaker: u.attribution.speaker,
      cue: u.attribution.cue,
      addressee: u.attribution.addressee,
    };
    if (u === ref) return { ...base, fidelity: 'verbatim' as const, reference: true };
    const g = grades.get(u) as Grade;
    const refDoc = docs[ref.source] as SourceDoc;
    const variant: QuoteVariant = {
      ...base,
      fidelity: g.fidelity,
      reference: false,
      diff: diffOps(g.hunks, refDoc.text.slice(ref.start, ref.end), base.text, ref.start, u.start),
    };
    if (g.note) variant.note = g.note;
    return variant;
  });
  variants.sort((a, b) => Number(a.source.slice(1)) - Number(b.source.slice(1)) || a.start - b.start);
  return { id: '', speaker: clusterSpeaker(group), variants };
}

/** The name most renderings give, in its fullest printed form. */
function clusterSpeaker(group: QuoteUnit[]): string | null {
  const counts = new Map<string, number>();
  const fullest = new Map<string, string>();
  for (const u of group) {
    const key = speakerKey(u.attribution.speaker);
    if (!key || !u.attribution.speaker) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const prev = fullest.get(key);
    if (!prev || u.attribution.speaker.length > prev.length) fullest.set(key, u.attribution.speaker);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return top ? (fullest.get(top[0]) ?? null) : null;
}
