import type { Quantity } from '../../nlp/quantities/index.js';

/**
 * How far an "about"/"nearly" figure may be from another and still agree with it: reporters round,
 * so "about 3,400" is consistent with 3,350 but not with 4,300, and "almost three hours" is not two.
 */
export const ABOUT_TOLERANCE = 0.1;

/** The values a figure allows: its bound (data/lexicons/compare/number-bounds.tsv), range and rounding. */
export function allowed(q: Quantity): [number, number] {
  const half = q.precision / 2;
  const lo = q.lo - half;
  // A rounded figure may also be cut short: "$43 million" for $43,885,310.
  const hi = q.hi + (q.rounded ? q.precision : half);
  const tol = ABOUT_TOLERANCE * Math.max(Math.abs(q.lo), Math.abs(q.hi));
  switch (q.bound) {
    case 'at-least':
      return [q.lo, Infinity];
    case 'at-most':
      return [-Infinity, q.hi];
    case 'about':
      return [q.lo - tol, q.hi + tol];
    case 'just-under':
      return [q.lo - tol, q.hi];
    case 'just-over':
      return [q.lo, q.hi + tol];
    default:
      return [lo, hi];
  }
}

/**
 * Two figures of one measure can both hold: their allowed values overlap. Two bounds of the same
 * kind with different figures ("at least seven" vs "at least six" killed) are two different counts
 * so far, each outlet's confirmed figure: a reader must see them, so they do not agree.
 */
export function compatible(a: Quantity, b: Quantity): boolean {
  if (a.direction !== b.direction) return false;
  if (isRange(a) || isRange(b)) return sameRange(a, b);
  if (a.bound && a.bound === b.bound && a.bound !== 'about') {
    return Math.abs(a.lo - b.lo) <= Math.max(a.precision, b.precision) / 2 && Math.abs(a.hi - b.hi) <= Math.max(a.precision, b.precision) / 2;
  }
  const [alo, ahi] = allowed(a);
  const [blo, bhi] = allowed(b);
  // Exact figures must overlap strictly: 60 and 61 touch at 60.5 but cannot both be exact. Bounds
  // may touch: "nearly 100" and "100" agree.
  if (a.bound || b.bound) return alo <= bhi && blo <= ahi;
  return alo < bhi && blo < ahi;
}

/** "35 to 40", "three or four", "between 30 and 40": a figure given with two ends. */
export const isRange = (q: Quantity): boolean => q.hi > q.lo;

/**
 * A range is an estimate, not a bound: an outlet that writes "three or four robbers" or "30 to 40
 * firefighters" says the count is not known closer than that. Another range with other ends ("35 to
 * 40") or one figure ("four", "as many as 40") is another estimate a reader must see; only the same
 * ends, to the rounding of each, agree.
 */
function sameRange(a: Quantity, b: Quantity): boolean {
  if (!isRange(a) || !isRange(b)) return false;
  const slack = Math.max(a.precision, b.precision) / 2;
  return Math.abs(a.lo - b.lo) <= slack && Math.abs(a.hi - b.hi) <= slack;
}
