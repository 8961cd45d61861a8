import type { Span } from '../../model/span.js';
import { WEEKDAYS } from '../../nlp/dates.js';

/**
 * Date expressions the conflict detectors need, read with their precision: a bare year, a day and
 * month with or without a year, and the relative words news copy uses for the publication day.
 * The language layer resolves dates too; this reader is kept small and local so date conflicts
 * can reason about partial dates ("9 July" has no year) explicitly.
 */
export interface DateExpr extends Span {
  year: number | null;
  month: number | null;
  day: number | null;
  /** "today", "yesterday": resolved against the reference date. */
  relative: boolean;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?`;
const monthOf = (m: string): number => MONTHS.findIndex((x) => x.startsWith(m.toLowerCase().slice(0, 3))) + 1;

/** Built once and shared (lastIndex reset per use), not four new regexes on each call: findDates runs on every sentence. */
const PATTERNS: [RegExp, (m: RegExpExecArray) => [number | null, number | null, number | null]][] = [
  [new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'g'), (m) => [Number(m[3]), monthOf(m[1] as string), Number(m[2])]],
  [new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\s+(\d{4})\b`, 'g'), (m) => [Number(m[3]), monthOf(m[2] as string), Number(m[1])]],
  [new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?\d{4})`, 'g'), (m) => [null, monthOf(m[1] as string), Number(m[2])]],
  [new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\b(?!\s+\d{4})`, 'g'), (m) => [null, monthOf(m[2] as string), Number(m[1])]],
  [/\b(1[89]\d\d|20\d\d)\b/g, (m) => [Number(m[1]), null, null]],
];

export function findDates(text: string, span: Span): DateExpr[] {
  const slice = text.slice(span.start, span.end);
  const out: DateExpr[] = [];
  const add = (index: number, length: number, year: number | null, month: number | null, day: number | null, relative = false): void => {
    const s = { start: span.start + index, end: span.start + index + length };
    if (out.some((d) => d.start < s.end && s.start < d.end)) return;
    out.push({ ...s, year, month, day, relative });
  };
  for (const [re, read] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const [y, mo, d] = read(m);
      if (d !== null && (d < 1 || d > 31)) continue;
      add(m.index, m[0].length, y, mo, d);
    }
  }
  // eslint-disable-next-line security/detect-unsafe-regex -- one optional word, no nested repetition
  const rel = /\b(?:earlier\s+)?(today|yesterday)\b/gi;
  for (let m = rel.exec(slice); m; m = rel.exec(slice)) add(m.index, m[0].length, null, null, m[1]?.toLowerCase() === 'yesterday' ? -1 : 0, true);
  return out.sort((a, b) => a.start - b.start);
}

/** An ISO day, or null. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** The latest full date (day, month and year) printed in a text: a stand-in publication date. */
export function latestFullDate(text: string): Day | null {
  let best: Day | null = null;
  for (const d of findDates(text, { start: 0, end: text.length })) {
    if (d.year === null || d.month === null || d.day === null || d.relative) continue;
    const day = { year: d.year, month: d.month, day: d.day };
    if (!best || toKey(day) > toKey(best)) best = day;
  }
  return best;
}

export const toKey = (d: Day): string => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** Resolves a date expression against a reference day; null parts stay unknown. */
export function resolve(d: DateExpr, ref: Day | null): { year: number | null; month: number | null; day: number | null } {
  if (d.relative) return ref ? shift(ref, d.day ?? 0) : { year: null, month: null, day: null };
  if (d.year === null && d.month !== null && ref) return { year: ref.year, month: d.month, day: d.day };
  return { year: d.year, month: d.month, day: d.day };
}

/** An article's publication day, from its metadata. */
export function publishedDay(article: { published: string | null }): Day | null {
  const m = article.published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(article.published) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/**
 * The story's reference day: the latest publication day of its sources, or the latest full date a
 * source prints when it has none. Dates of sources without a date of their own are read against it.
 */
export function storyDay(docs: { article: { published: string | null }; text: string }[]): Day | null {
  return docs.map((d) => publishedDay(d.article) ?? latestFullDate(d.text)).reduce<Day | null>((a, b) => (!a ? b : !b ? a : toKey(b) > toKey(a) ? b : a), null);
}

/** The day `days` after `d` (before it when negative). */
export function shift(d: Day, days: number): Day {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Days from `ref` to `d` (negative when `d` is earlier). */
export function daysBetween(ref: Day, d: Day): number {
  return (Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(ref.year, ref.month - 1, ref.day)) / 86_400_000;
}

/** The latest day on or before `ref` falling on `weekday` (0 = Sunday). */
export function lastWeekday(ref: Day, weekday: number): Day {
  const back = (new Date(Date.UTC(ref.year, ref.month - 1, ref.day)).getUTCDay() - weekday + 7) % 7;
  return shift(ref, -back);
}

/** The weekday name of an ISO day key ("2026-07-12" -> "sunday"); any other value is returned as is. */
export function weekdayOf(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  return WEEKDAYS[new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay()] as string;
}
