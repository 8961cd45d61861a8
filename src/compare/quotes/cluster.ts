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
 * Utterances as groups of quote units, and for each unit the sentence it renders (its group before
 * consecutive sentences were joined): renderings are graded sentence by sentence where whole
 * renderings differ in extent (see gradeCluster).
 */
export interface QuoteGroups {
  groups: QuoteUnit[][];
  sentenceOf: Map<QuoteUnit, number>;
}

/**
 * Groups quote units into utterances in three steps: sentences across sources (see group.ts: links
 * above the threshold, strongest first, average link, at most MAX_VARIANTS_PER_SOURCE units from one
 * source); sentence groups that outlets quote one after the other joined into one utterance; and a
 * rendering's reworded neighbours taken in. At most MAX_VARIANTS_PER_SOURCE renderings from one
 * source throughout.
 */
export function clusterUnits(units: QuoteUnit[], m: Matcher): QuoteGroups {
  const sentences = groupItems(units, {
    score: (a, b) => unitSimilarity(m, a, b),
    link: QUOTE_LINK_THRESHOLD,
    average: QUOTE_LINK_THRESHOLD * 0.8,
    perSource: MAX_VARIANTS_PER_SOURCE,
    skip: (a, b) => a.source === b.source && a.quote === b.quote,
  });
  const sentenceOf = new Map<QuoteUnit, number>();
  sentences.forEach((g, i) => g.forEach((u) => sentenceOf.set(u, i)));
  return { groups: extendWithinQuotations(sentenceOf, sentences, joinConsecutive(sentences, units), units), sentenceOf };
}

/**
 * Sentences that two or more sources quote one after the other are parts of one utterance ("A. B."
 * in two outlets, or "A," she said. "B."): their groups merge, so that an outlet quoting only A and
 * one quoting only B meet in one cluster. One source putting two lines side by side is not enough:
 * outlets splice remarks from different moments.
 */
const MIN_SOURCES_FOR_JOIN = 2;

function joinConsecutive(groups: QuoteUnit[][], units: QuoteUnit[]): QuoteUnit[][] {
  const groupOf = new Map<QuoteUnit, number>();
  groups.forEach((g, i) => g.forEach((u) => groupOf.set(u, i)));
  const previous = previousUnits(units);
  // For each pair of groups, the sources in which a unit of one directly follows a unit of the other.
  const pairs = new Map<string, { a: number; b: number; sources: Set<number> }>();
  for (const u of units) {
    const p = previous.get(u);
    if (!p || !u.continues) continue;
    const ga = groupOf.get(p);
    const gb = groupOf.get(u);
    if (ga === undefined || gb === undefined || ga === gb) continue;
    const [a, b] = ga < gb ? [ga, gb] : [gb, ga];
    const key = `${a}:${b}`;
    const entry = pairs.get(key) ?? { a, b, sources: new Set<number>() };
    entry.sources.add(u.source);
    pairs.set(key, entry);
  }
  const parent = groups.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] as number;
    return i;
  };
  const members = new Map<number, QuoteUnit[]>(groups.map((g, i) => [i, g]));
  const candidates = [...pairs.values()].filter((p) => p.sources.size >= MIN_SOURCES_FOR_JOIN).sort((x, y) => y.sources.size - x.sources.size || x.a - y.a || x.b - y.b);
  for (const { a, b } of candidates) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const merged = [...(members.get(ra) as QuoteUnit[]), ...(members.get(rb) as QuoteUnit[])];
    // Still at most MAX_VARIANTS_PER_SOURCE renderings (runs of one quotation) from any source.
    if (maxRenderingsPerSource(merged) > MAX_VARIANTS_PER_SOURCE) continue;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    members.set(keep, merged);
    members.delete(drop);
  }
  return [...members.keys()].sort((x, y) => x - y).map((k) => members.get(k) as QuoteUnit[]);
}

/**
 * A quoted sentence no other source renders, next to a sentence of a clustered utterance in the same
 * quotation, joins that rendering when another source's rendering has a sentence in the same place
 * (before or after the corresponding sentence) sharing a content word with it: the outlet reworded
 * that sentence beyond what word overlap recognises ("we also don't know if this is real" for
 * "whether this is fake or not, we do not know"). Without such a counterpart it stays out: an outlet
 * quoting more of a speech is not evidence that others quoted it.
 */
function extendWithinQuotations(sentenceOf: Map<QuoteUnit, number>, sentenceGroups: QuoteUnit[][], groups: QuoteUnit[][], units: QuoteUnit[]): QuoteUnit[][] {
  const alone = new Set(sentenceGroups.filter((g) => g.length === 1).map((g) => g[0] as QuoteUnit));
  const previous = previousUnits(units);
  const next = new Map<QuoteUnit, QuoteUnit>();
  for (const [u, p] of previous) next.set(p, u);
  // The neighbour of `u` in one direction, with how the later of the two continues the earlier.
  const step = (u: QuoteUnit, back: boolean): { n: QuoteUnit; how: QuoteUnit['continues'] } | null => {
    const n = back ? previous.get(u) : next.get(u);
    return n ? { n, how: back ? u.continues : n.continues } : null;
  };
  const taken = new Set<QuoteUnit>();
  const out = groups.map((g) => {
    if (new Set(g.map((u) => u.source)).size < 2) return g;
    const members = new Set(g);
    const work = [...g];
    for (let u = work.shift(); u; u = work.shift()) {
      for (const back of [true, false]) {
        const own = step(u, back);
        if (!own || own.how !== 'quotation' || !alone.has(own.n) || taken.has(own.n) || members.has(own.n)) continue;
        const counterpart = [...members].find((v) => {
          if (v.source === u.source || sentenceOf.get(v) !== sentenceOf.get(u)) return false;
          const m = step(v, back);
          return m !== null && m.how !== null && members.has(m.n) && sentenceOf.get(m.n) !== sentenceOf.get(u) && m.n.keys.some((k) => own.n.keys.includes(k));
        });
        if (!counterpart) continue;
        const m = step(counterpart, back) as { n: QuoteUnit };
        taken.add(own.n);
        members.add(own.n);
        sentenceOf.set(own.n, sentenceOf.get(m.n) as number);
        work.push(own.n);
      }
    }
    return [...members];
  });
  return out.filter((g) => !(g.length === 1 && taken.has(g[0] as QuoteUnit)));
}

/** Each unit's previous unit in its source (text order). */
function previousUnits(units: QuoteUnit[]): Map<QuoteUnit, QuoteUnit> {
  const out = new Map<QuoteUnit, QuoteUnit>();
  const last = new Map<number, QuoteUnit>();
  for (const u of [...units].sort((a, b) => a.source - b.source || a.order - b.order)) {
    const p = last.get(u.source);
    if (p && p.order === u.order - 1) out.set(u, p);
    last.set(u.source, u);
  }
  return out;
}

function maxRenderingsPerSource(group: QuoteUnit[]): number {
  const n = new Map<number, number>();
  for (const r of renderings(group)) n.set(r.source, (n.get(r.source) ?? 0) + 1);
  return Math.max(0, ...n.values());
}

/**
 * A group's units as renderings: a source's consecutive sentences of one quotation make one
 * rendering (one variant, one exact span over them); other parts stay variants of their own.
 */
export interface Rendering extends QuoteUnit {
  /** The units (sentences) it is made of, in text order. */
  parts: QuoteUnit[];
}

export function renderings(group: QuoteUnit[]): Rendering[] {
  const sorted = [...group].sort((a, b) => a.source - b.source || a.order - b.order);
  const out: Rendering[] = [];
  let last: QuoteUnit | null = null;
  for (const u of sorted) {
    const prev = out[out.length - 1];
    if (prev && last && last.source === u.source && last.order === u.order - 1 && u.continues === 'quotation') {
      out[out.length - 1] = { ...prev, end: u.end, words: [...prev.words, ...u.words], keys: [...new Set([...prev.keys, ...u.keys])], parts: [...prev.parts, u] };
    } else out.push({ ...u, parts: [u] });
    last = u;
  }
  return out;
}

/**
 * Picks the reference rendering and grades the others against it. The reference is the fullest
 * faithful rendering: the one the most others are verbatim, censored or trimmed copies of; then
 * uncensored, then longest, then first by source.
 */
export interface GradedCluster {
  ref: Rendering;
  grades: Map<QuoteUnit, Grade>;
  /** The rendering each grade was taken against (the reference, or see gradeRendering). */
  against: Map<QuoteUnit, Rendering>;
}

export function gradeCluster(group: Rendering[], sentenceOf: Map<QuoteUnit, number> = new Map()): GradedCluster {
  let best: (GradedCluster & { score: number[] }) | null = null;
  const candidates = [...group].sort((a, b) => b.words.length - a.words.length || a.source - b.source || a.start - b.start).slice(0, MAX_REFERENCE_CANDIDATES);
  for (const ref of candidates) {
    const grades = new Map<QuoteUnit, Grade>();
    const against = new Map<QuoteUnit, Rendering>();
    let ok = 0;
    for (const u of group) {
      if (u === ref) continue;
      const { grade: g, against: a } = gradeRendering(ref, u, group, sentenceOf);
      grades.set(u, g);
      against.set(u, a);
      if (FAITHFUL.has(g.fidelity)) ok++;
    }
    const score = [ok, ref.words.some((w) => w.censored) ? 0 : 1, ref.words.length];
    if (!best || compareScore(score, best.score) > 0) best = { ref, grades, against, score };
  }
  const { ref, grades, against } = best as GradedCluster;
  return { ref, grades, against };
}

/**
 * Grades rendering `u` against what the cluster's reference source says of the same sentences.
 * An utterance quoted in parts ("A," she said. "B.") gives a source several renderings, and the
 * reference is one of them: a part is graded against the reference source's renderings of its own
 * sentences (all of them together, so "A. B." in one quotation is verbatim against "A" + "B"), not
 * against a part that quotes other sentences. The reference source's other parts are its own words.
 * When the reference source does not quote those sentences, the grade is taken against the fullest
 * rendering that does, unless the reference holds the words faithfully anyway.
 */
function gradeRendering(ref: Rendering, u: Rendering, group: Rendering[], sentenceOf: Map<QuoteUnit, number>): { grade: Grade; against: Rendering } {
  const ids = new Set(u.parts.map((p) => sentenceOf.get(p)).filter((x): x is number => x !== undefined));
  const idsOf = (r: Rendering): number[] => r.parts.map((p) => sentenceOf.get(p)).filter((x): x is number => x !== undefined && ids.has(x));
  const vsRef = { grade: gradeBySentence(ref, u, sentenceOf), against: ref };
  if (ids.size === 0 || new Set(idsOf(ref)).size === ids.size) return vsRef;
  if (u.source === ref.source) return idsOf(ref).length ? vsRef : { grade: { fidelity: 'verbatim', hunks: [{ kind: 'same', words: u.words }], note: 'another part of the reference rendering' }, against: u };
  // The reference source's renderings of these sentences, the reference first, each adding sentences.
  const covered = new Set<number>();
  const fromRef: Rendering[] = [];
  for (const r of [ref, ...group.filter((x) => x !== ref && x.source === ref.source).sort((x, y) => x.order - y.order)]) {
    const adds = idsOf(r).filter((id) => !covered.has(id));
    if (!adds.length) continue;
    adds.forEach((id) => covered.add(id));
    fromRef.push(r);
  }
  const count = (r: Rendering): number => new Set(idsOf(r)).size;
  const others = group
    .filter((r) => r !== u && r.source !== u.source && count(r) > 0)
    .sort((x, y) => count(y) - count(x) || y.words.length - x.words.length || x.source - y.source || x.start - y.start);
  // Outlets split sentences differently ("A, but B" / "A. But B."): when the reference holds these
  // words faithfully all the same, its grade stands.
  if (FAITHFUL.has(vsRef.grade.fidelity)) return vsRef;
  const against = fromRef.length ? joinRenderings(fromRef) : (others[0] ?? ref);
  return { grade: gradeBySentence(against, u, sentenceOf), against };
}

/** Several renderings of one source read as one, in text order (words and parts concatenated). */
function joinRenderings(rs: Rendering[]): Rendering {
  const sorted = [...rs].sort((a, b) => a.order - b.order);
  const first = sorted[0] as Rendering;
  if (sorted.length === 1) return first;
  return { ...first, end: (sorted[sorted.length - 1] as Rendering).end, words: sorted.flatMap((r) => r.words), keys: [...new Set(sorted.flatMap((r) => r.keys))], parts: sorted.flatMap((r) => r.parts) };
}

const FAITHFUL = new Set(['verbatim', 'bowdlerised', 'trimmed']);

/**
 * The grade of a rendering against another. Renderings of several sentences are aligned as wholes,
 * but when they differ in extent (one opens with a sentence the other lacks) the aligner can pair
 * words across different sentences and read, say, the "not" of a sentence only one of them quotes
 * as a negation changed. So an alteration found on the whole stands only if one of the rendering's
 * sentences is altered against the other's rendering of that same sentence; otherwise the
 * difference is one of wording and extent.
 */
function gradeBySentence(ref: Rendering, u: Rendering, sentenceOf: Map<QuoteUnit, number>): Grade {
  const whole = grade(ref.words, u.words);
  if (whole.fidelity !== 'altered' || (ref.parts.length === 1 && u.parts.length === 1)) return whole;
  let compared = 0;
  for (const p of u.parts) {
    const id = sentenceOf.get(p);
    const counterpart = ref.parts.filter((r) => id !== undefined && sentenceOf.get(r) === id);
    if (!counterpart.length) continue;
    compared++;
    const g = grade(
      counterpart.flatMap((r) => r.words),
      p.words,
    );
    if (g.fidelity === 'altered') return { ...whole, note: g.note };
  }
  return compared ? { fidelity: 'reworded', hunks: whole.hunks, note: 'other words, same content' } : whole;
}

/** Only the longest renderings are tried as reference, so a 100-source story stays fast. */
const MAX_REFERENCE_CANDIDATES = 8;

function compareScore(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** A graded cluster as the dossier prints it (id assigned later). */
export function toQuoteCluster(units: QuoteUnit[], docs: SourceDoc[], sentenceOf: Map<QuoteUnit, number> = new Map()): QuoteCluster {
  const group = renderings(units);
  const { ref, grades, against } = gradeCluster(group, sentenceOf);
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
    const other = against.get(u) ?? ref;
    const otherDoc = docs[other.source] as SourceDoc;
    const variant: QuoteVariant = {
      ...base,
      fidelity: g.fidelity,
      reference: false,
      diff: diffOps(g.hunks, otherDoc.text.slice(other.start, other.end), base.text, other.start, u.start),
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
