import type { Conflict } from '../../model/dossier.js';
import type { ClaimStage } from '../claims/index.js';
import { lexiconMap, lexicons } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { stem } from '../text/stem.js';
import { conflictFrom, type Stance } from './common.js';

/** Similarity two sentences need before their numbers are read as counts of one thing. */
const SAME_FACT_SIMILARITY = 0.25;
/**
 * How far an "about"/"around" figure may be from another and still agree with it: reporters round, so
 * "about 3,400" is consistent with 3,350 but not with 4,300.
 */
const ABOUT_TOLERANCE = 0.1;
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
// eslint-disable-next-line security/detect-unsafe-regex -- no failing suffix: the match ends wherever the repetition stops, so it never backtracks through the choices
const NUMBER = /(?<![\p{L}\p{N}.,])([$£€])?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion))?(\s*(?:%|per\s*cent|percent))?(?:\s+([\p{L}-]+))?(?:\s+([\p{L}-]+))?/giu;

/**
 * Number conflicts: inside one claim (sentences grouped as stating the same fact), the same
 * quantity (same unit and head noun) given different values by different sources. Years and
 * day numbers are dates, not quantities.
 */
export function numberConflicts(docs: SourceDoc[], claims: ClaimStage): Conflict[] {
  const out: Conflict[] = [];
  for (const g of claims.groups) {
    if (new Set(g.units.map((u) => u.source)).size < 2) continue;
    const byQuantity = new Map<string, Stance[]>();
    const ranges = new Map<Stance, [number, number]>();
    for (const u of g.units) {
      const doc = docs[u.source] as SourceDoc;
      const body = doc.text.slice(u.start, u.end);
      NUMBER.lastIndex = 0;
      for (let m = NUMBER.exec(body); m; m = NUMBER.exec(body)) {
        // A rank ("No. 3 position") is not a quantity; the total in a partitive ("15 of the 19
        // hijackers") counts a different set from the part.
        // eslint-disable-next-line security/detect-unsafe-regex -- anchored at the end of a clause; one optional word
        if (/(?:\bNo\.|#|\bof(?:\s+the)?)\s*$/i.test(body.slice(0, m.index))) continue;
        const raw = (m[2] as string).replace(/,/g, '');
        let value = Number(raw);
        if (!m[1] && !m[3] && !m[4] && /^(?:1[89]|20)\d\d$/.test(raw)) continue; // a year
        if (m[3]) value *= SCALE[m[3].toLowerCase()] ?? 1;
        const unit = m[4] ? '%' : (m[1] ?? '');
        const head = headNoun(m[5], m[6]);
        if (!head) continue; // "$43 million" alone may be any sum; "3,400 residents" is a quantity
        const key = `${unit}|${head ?? ''}`;
        const span = { start: u.start + m.index, end: u.start + m.index + m[0].trimEnd().length };
        const stance = { source: u.source, value: `${m[1] ?? ''}${formatValue(value)}${unit === '%' ? '%' : ''}`, span };
        ranges.set(stance, rangeOf(value, body.slice(0, m.index)));
        byQuantity.set(key, [...(byQuantity.get(key) ?? []), stance]);
      }
    }
    for (const [key, stances] of byQuantity) {
      const [, head] = key.split('|');
      // The sentences must say nearly the same thing, so the numbers count the same thing.
      const units = g.units.filter((u) => stances.some((s) => s.source === u.source && s.span.start >= u.start && s.span.end <= u.end));
      const close = units.some((u) => units.some((v) => v.source !== u.source && claims.matcher.similarity(u, v) >= SAME_FACT_SIMILARITY));
      if (!close) continue;
      // Bounds and estimates ("more than 5,000", "about 3,400") disagree only when no value fits both.
      const disjoint = stances.some((a) => stances.some((b) => a.source !== b.source && !rangesOverlap(ranges.get(a), ranges.get(b))));
      if (!disjoint) continue;
      const c = conflictFrom('number', `how many ${head || 'there are'}`, stances, docs);
      if (c) out.push(c);
    }
  }
  return out;
}

function headNoun(a: string | undefined, b: string | undefined): string | null {
  const { stopwords } = lexicons();
  for (const w of [a, b]) {
    if (!w) continue;
    const lw = w.toLowerCase();
    if (stopwords.has(lw)) return null;
    if (/^(?:years?-old|year|years|month|months|day|days)$/.test(lw)) return null;
    return stem(lw);
  }
  return null;
}

const formatValue = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0+$/, ''));

/** The values a figure allows, from the bound or estimate word just before it (data/lexicons/compare/number-bounds.tsv). */
function rangeOf(value: number, before: string): [number, number] {
  const words = before.toLowerCase().replace(/[$£€]\s*$/, '').trimEnd().split(/\s+/).slice(-3);
  const bounds = lexiconMap('number-bounds.tsv');
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const kind = bounds.get(words.slice(-n).join(' '));
    if (kind === 'at-least') return [value, Infinity];
    if (kind === 'at-most') return [0, value];
    if (kind === 'about') return [value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE)];
  }
  return [value, value];
}

function rangesOverlap(a: [number, number] | undefined, b: [number, number] | undefined): boolean {
  if (!a || !b) return false;
  return a[0] <= b[1] && b[0] <= a[1];
}
