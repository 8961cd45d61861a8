import { quantityLexicon } from './lexicon.js';
import { phraseAt, type QToken } from './tokens.js';

/**
 * A figure read as a value with unit and scale: "$41bn" (41e9, money:USD), "fell 12%" (12, %),
 * "a third" (33.3, %), "minus 17 degrees" (-17, temperature), "two hours" (7200, duration),
 * "60-year-old" (60, age), "35 to 40" (range 35..40). `precision` is the step the figure is written
 * to (41bn: 1e9; 41.3bn: 1e8), so a rounded figure can be told from a different one.
 */
export interface Value {
  /** Token indexes of the figure's first and last tokens (currency sign to unit word). */
  first: number;
  last: number;
  value: number;
  /** A range ("35 to 40", "three or four") gives its ends; a single figure lo = hi = value. */
  lo: number;
  hi: number;
  precision: number;
  /** Written rounded (a scale word, or three trailing zeros), so it may be a larger figure cut short. */
  rounded: boolean;
  /** count, %, pp, money:USD, duration, distance, weight, temperature, area, age. */
  dim: string;
  /** Index of the unit word (hours, miles), if any: it is not the thing counted. */
  unitAt: number | null;
}

/** The widest rounding a round figure is read with, as a share of it (see mantissaAt). */
const ROUND_SHARE = 0.1;

interface Mantissa {
  value: number;
  precision: number;
  rounded?: boolean;
  end: number;
  /** The last token of a fraction told after the unit ("a mile and a half"), part of the figure's words. */
  tail?: number;
}

/**
 * A figure with a trailing fraction: "two and a half (miles)" is 2.5; "a mile and a half" is 1.5 miles
 * (the figure is "a", its unit follows and the fraction after the unit is added to it).
 */
function mantissaAt(tokens: QToken[], i: number): (Mantissa & { fraction: boolean }) | null {
  const lex = quantityLexicon();
  const t = tokens[i];
  if (t?.kind === 'word' && /^an?$/.test(t.lower) && lex.units[tokens[i + 1]?.lower ?? ''] !== undefined) {
    const f = andFraction(tokens, i + 2);
    if (f) return { value: 1 + f.value, precision: f.value, end: i, fraction: false, tail: f.end };
  }
  const m = simpleMantissaAt(tokens, i);
  if (!m || m.fraction) return m;
  const f = andFraction(tokens, m.end + 1);
  return f ? { ...m, value: m.value + f.value, precision: Math.min(m.precision, f.value), end: f.end, rounded: false } : m;
}

/** "and a half" / "and three quarters" at `i`: the fraction's value and its last token. */
function andFraction(tokens: QToken[], i: number): { value: number; end: number } | null {
  if (tokens[i]?.lower !== 'and') return null;
  for (const n of [2, 1]) {
    const p = phraseAt(tokens, i + 1, n);
    const f = p === null ? undefined : quantityLexicon().fractions[p];
    if (f !== undefined) return { value: f, end: i + n };
  }
  return null;
}

/** True when "and" (or "and a") before `i` follows a figure or a unit ("two and a half", "a mile and a half"). */
function afterAnd(tokens: QToken[], i: number): boolean {
  let j = i - 1;
  if (/^(?:a|an|one)$/.test(tokens[j]?.lower ?? '')) j--;
  if (tokens[j]?.lower !== 'and') return false;
  const before = tokens[j - 1];
  if (!before) return false;
  const lex = quantityLexicon();
  return before.kind === 'number' || lex.numberWords[before.lower] !== undefined || lex.units[before.lower] !== undefined;
}

/** "3,400", "20, 000", "5.4"; number words ("two", "twenty-five", "a dozen"); fractions ("a third"). */
function simpleMantissaAt(tokens: QToken[], i: number): (Mantissa & { fraction: boolean }) | null {
  const lex = quantityLexicon();
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === 'number') {
    const raw = t.text.replace(/[,\s]/g, '');
    const decimals = raw.includes('.') ? (raw.split('.')[1] ?? '').length : 0;
    const value = Number(raw);
    // "43,000" is often 43,350 rounded: a figure ending in three or more zeros is read to its last
    // non-zero digit, but never looser than ROUND_SHARE of itself ("20,000" is 19,000-21,000).
    const zeros = decimals ? 0 : (/0+$/.exec(raw)?.[0].length ?? 0);
    const precision = zeros >= 3 ? Math.min(10 ** zeros, ROUND_SHARE * value) : 10 ** -decimals;
    return { value, precision, end: i, fraction: false, rounded: zeros >= 3 };
  }
  if (t.kind !== 'word') return null;
  for (const n of [3, 2, 1]) {
    const p = phraseAt(tokens, i, n);
    if (p === null) continue;
    const f = lex.fractions[p];
    // "half a mile": a fraction of one unit; "a third of its value": a share.
    const unitNext = /^an?$/.test(tokens[i + n]?.lower ?? '') && lex.units[tokens[i + n + 1]?.lower ?? ''] !== undefined;
    if (f !== undefined && unitNext) return { value: f, precision: f, end: i + n, fraction: false };
    // "two and a half", "a mile and a half": the fraction belongs to the figure before it.
    if (f !== undefined && afterAnd(tokens, i)) return null;
    if (f !== undefined) return { value: f * 100, precision: 1, end: i + n - 1, fraction: true };
    const w = lex.numberWords[p];
    if (w === undefined) continue;
    // "twenty-five": a tens word joined to a units word.
    const next = tokens[i + n];
    const unit = next?.joined && w >= 20 && w < 100 ? lex.numberWords[next.lower] : undefined;
    if (unit !== undefined && unit < 10) return { value: w + unit, precision: 1, end: i + n, fraction: false };
    return { value: w, precision: 1, end: i + n - 1, fraction: false };
  }
  return null;
}

/** Why a number is not a quantity: part of a name or code ("AK-47"), a rank, a time, an ordinal, a score. */
function notAQuantity(tokens: QToken[], i: number, end: number): boolean {
  const t = tokens[i] as QToken;
  const prev = tokens[i - 1];
  const next = tokens[end + 1];
  if (t.kind === 'number' && prev?.kind === 'word' && prev.end === t.start) return true; // glued to a word: "e80", "p74million"
  if (t.joined && prev?.kind === 'word' && !quantityLexicon().numberWords[prev.lower] && prev.lower !== 'minus') return true;
  if (t.kind === 'number' && prev?.kind === 'word' && /^[A-Z]{1,4}$/.test(prev.text) && !t.joined && prev.end === t.start - 1) return true; // "AK 47", "G 20"
  if (prev?.text === ':' && tokens[i - 2]?.kind === 'number') return true; // a time: "15: 14"
  if (prev && (prev.text === '#' || (prev.lower === 'no' && tokens[i - 1]?.end === t.start - 2))) return true;
  // A word stuck to the figure that is not its scale or unit: "76ers", "3rd", "4x4".
  if (t.kind === 'number' && next?.kind === 'word' && next.start === tokens[end]?.end && !isUnitWord(next.lower)) return true;
  // "one of the players", "15 of them": a member or a part of a set counted elsewhere, not a count.
  const of = tokens[end + 1]?.lower === 'of' ? tokens[end + 2]?.lower : undefined;
  if (of !== undefined && (t.lower === 'one' || /^(?:them|those|these|us|whom|which)$/.test(of))) return true;
  if (next && (next.text === ':' || /^(?:a\.?m|p\.?m|am|pm|gmt|utc|bst|est|edt)$/.test(next.lower))) return true;
  if ((next?.joined && next.kind === 'number') || (t.joined && prev?.kind === 'number')) return true; // a score: 104-72
  return false;
}

function isUnitWord(w: string): boolean {
  const lex = quantityLexicon();
  return w in lex.scales || w in lex.units || w in lex.currencyWords || lex.percent.includes(w);
}

const YEAR = /^(?:1[89]|20)\d\d$/;

/** Reads the figure whose number starts at token `i` (a currency sign may stand just before it). */
export function valueAt(tokens: QToken[], i: number): Value | null {
  const lex = quantityLexicon();
  const sign = tokens[i - 1]?.kind === 'sign' ? (tokens[i - 1] as QToken) : null;
  const currency = sign ? (lex.currencySigns[sign.text] ?? null) : null;
  const m = mantissaAt(tokens, i);
  if (!m || notAQuantity(tokens, i, m.end)) return null;
  let first = currency ? i - 1 : i;
  let value = m.value;
  let precision = m.precision;
  let k = m.end + 1;
  const minus = tokens[i - 1]?.lower === 'minus' || (tokens[i - 1]?.lower === '-' && !currency);
  if (minus) {
    value = -value;
    first = i - 1;
  }
  const scale = scaleAt(tokens, k, currency !== null);
  if (scale) {
    // "$80 million" is written to the million: the scale, not trailing zeros, says how it is rounded.
    value *= scale;
    precision = (tokens[i]?.text.includes('.') ? m.precision : 1) * scale;
    k++;
  }
  const unit = unitAt(tokens, k, currency, m.fraction);
  if (!unit && YEAR.test(tokens[i]?.text ?? '') && !currency && !scale) return null;
  if (unit?.dim === 'age' && unit.before) first = unit.at;
  const factor = unit?.factor ?? 1;
  const last = Math.max(unit && !unit.before ? unit.at : k - 1, m.tail ?? -1);
  const v: Value = { first, last, value: value * factor, lo: value * factor, hi: value * factor, precision: precision * factor, rounded: scale !== null || m.rounded === true, dim: unit?.dim ?? 'count', unitAt: unit?.unitWord ? unit.at : null };
  return v;
}

function scaleAt(tokens: QToken[], k: number, money: boolean): number | null {
  const t = tokens[k];
  if (!t || t.kind !== 'word') return null;
  const s = quantityLexicon().scales[t.lower];
  if (s === undefined) return null;
  // "5m" is five metres unless it is money; "k", "m", "b" only count as scales stuck to a sum.
  if (t.lower.length <= 1 && !money) return null;
  return s;
}

interface Unit {
  dim: string;
  factor: number;
  at: number;
  before: boolean;
  unitWord: boolean;
}

/** The unit after a figure (per cent, a currency word, hours, miles, "-year-old"), or "aged"/"age" before it. */
function unitAt(tokens: QToken[], k: number, currency: string | null, fraction: boolean): Unit | null {
  const lex = quantityLexicon();
  const t = tokens[k];
  if (currency) return { dim: `money:${currency}`, factor: 1, at: k - 1, before: false, unitWord: false };
  if (fraction) return { dim: '%', factor: 1, at: k - 1, before: false, unitWord: false };
  const prev = tokens[k - 2];
  if (prev && /^(?:aged|age)$/.test(prev.lower)) return { dim: 'age', factor: 1, at: k - 2, before: true, unitWord: false };
  if (!t) return null;
  if (t.text === '%' || lex.percent.includes(t.lower)) return { dim: '%', factor: 1, at: k, before: false, unitWord: false };
  if (phraseAt(tokens, k, 2) === 'per cent') return { dim: '%', factor: 1, at: k + 1, before: false, unitWord: false };
  if (phraseAt(tokens, k, 2)?.startsWith('percentage point')) return { dim: 'pp', factor: 1, at: k + 1, before: false, unitWord: false };
  const cur = lex.currencyWords[t.lower];
  if (cur) return { dim: `money:${cur}`, factor: 1, at: k, before: false, unitWord: false };
  const u = lex.units[t.lower];
  if (!u) return null;
  const [dim, factor] = u;
  // "60-year-old", "60 years old": an age, not a duration.
  if (dim === 'duration' && /^years?$/.test(t.lower) && tokens[k + 1]?.lower === 'old') return { dim: 'age', factor: 1, at: k + 1, before: false, unitWord: false };
  return { dim, factor, at: k, before: false, unitWord: true };
}
