import type { Article, BoilerplateSpan, StatedDate } from '../model/article.js';
import { linesOf } from './boilerplate.js';
import { readLexicon } from './lexicon.js';

// The date an article states for itself, for texts whose metadata gives none: a "Published: ..." or
// date-only line near the top (marked as a dateline), an agency dateline opening the first paragraph
// ("PARIS, March 3 (Agency) -"), or "today" with the day in brackets ("Earlier today (9 July)").
// A day stated without its year gets the year from the other articles of the batch (fillStatedYears).

/** The article's own date is at its top: only this many first lines are read. */
const LEAD_LINES = 6;
/** A year-less day is placed in the year that puts it nearest the batch's dates, if this near. */
const MAX_GAP_DAYS = 14;
const DAY_MS = 86_400_000;

interface DateWords {
  months: Record<string, number>;
  today: string[];
}

let patterns: { months: Record<string, number>; dateline: RegExp; today: RegExp; full: RegExp } | undefined;
function compiled(): NonNullable<typeof patterns> {
  if (patterns) return patterns;
  const words = readLexicon<DateWords>('stated-dates.json');
  // Any word in the month's place; dateOf keeps only the lexicon's month names.
  const month = String.raw`\p{L}{3,9}`;
  const day = String.raw`(?:(\d{1,2})(?:st|nd|rd|th)?\s+(${month})\.?|(${month})\.?\s+(\d{1,2})(?:st|nd|rd|th)?)`;
  const year = String.raw`(?:,?\s+(\d{4}))?`;
  const today = words.today.map((w) => w.replace(/\s+/g, String.raw`\s+`)).join('|');
  patterns = {
    months: words.months,
    // A city in capitals (perhaps ", Region"), the day, an agency in brackets, a dash. Case matters.
    dateline: new RegExp(String.raw`^\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:,\s*[\p{L} .]{2,30})?,\s+${day}${year}\s*(?:\([^()]{1,60}\)\s*)?[-–—]`, 'u'),
    today: new RegExp(String.raw`\b(?:${today})\s*[(,]\s*(?:\p{L}+,?\s+)?${day}${year}\s*[),]`, 'iu'),
    full: new RegExp(String.raw`\b${day},?\s+(\d{4})\b`, 'iu'),
  };
  return patterns;
}

/** The date of a day-month(-year) match, from its groups (day month | month day, year). */
function dateOf(m: RegExpExecArray, at: number, offset: number): StatedDate | null {
  const { months } = compiled();
  const dayText = m[1] ?? m[4];
  const monthText = (m[2] ?? m[3] ?? '').toLowerCase().replace(/\.$/, '');
  const month = months[monthText];
  const day = Number(dayText);
  if (!month || !(day >= 1 && day <= 31)) return null;
  const year = m[5] ? Number(m[5]) : null;
  return { start: at + offset + m.index, end: at + offset + m.index + m[0].length, year, month, day };
}

/** The date the text states for itself in its first lines, or null. */
export function statedDate(text: string, boilerplate: readonly BoilerplateSpan[], from = 0): StatedDate | null {
  const p = compiled();
  for (const line of linesOf(text, from).slice(0, LEAD_LINES)) {
    const marked = boilerplate.find((b) => b.start <= line.start && line.end <= b.end);
    if (marked && marked.reason !== 'dateline') continue;
    // Every pattern has the day in groups 1-4 and the year in group 5.
    const tries = marked ? [p.full] : [p.dateline, p.today];
    for (const re of tries)
      for (const m of line.value.matchAll(new RegExp(re.source, re.flags + 'g'))) {
        const date = dateOf(m, line.start, 0);
        if (date) return date;
      }
  }
  return null;
}

const iso = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** ISO date of a stated date whose year is known, or null for an impossible day (30 February). */
export function statedIso(s: StatedDate): string | null {
  if (s.year === null) return null;
  const t = new Date(Date.UTC(s.year, s.month - 1, s.day));
  return t.getUTCMonth() === s.month - 1 ? iso(s.year, s.month, s.day) : null;
}

/** Dates the batch gives: the articles' published days, else the latest full date their texts state. */
function referenceDay(articles: readonly Article[]): number | null {
  const published = articles.map((a) => (a.published ? Date.parse(a.published.slice(0, 10)) : NaN)).filter((t) => !Number.isNaN(t));
  if (published.length) return published.sort((a, b) => a - b)[published.length >> 1] ?? null;
  let latest: number | null = null;
  const full = new RegExp(compiled().full.source, 'giu');
  for (const a of articles)
    for (const m of a.text.matchAll(full)) {
      const d = dateOf(m, 0, 0);
      const day = d ? statedIso(d) : null;
      if (day) latest = Math.max(latest ?? -Infinity, Date.parse(day));
    }
  return latest;
}

/**
 * Articles whose text states a day without its year ("Earlier today (9 July)") and that have no
 * published date get the year that puts that day nearest the batch's reference day, when within
 * MAX_GAP_DAYS; the others are returned as they are. Returns new articles, never changes its input.
 */
export function fillStatedYears(articles: readonly Article[]): Article[] {
  const open = articles.filter((a) => a.published === null && a.statedDate && a.statedDate.year === null);
  if (!open.length) return [...articles];
  const reference = referenceDay(articles);
  if (reference === null) return [...articles];
  const year = new Date(reference).getUTCFullYear();
  return articles.map((a) => {
    const s = a.statedDate;
    if (a.published !== null || !s || s.year !== null) return a;
    const best = [year - 1, year, year + 1]
      .map((y) => ({ y, day: statedIso({ ...s, year: y }) }))
      .filter((c): c is { y: number; day: string } => c.day !== null)
      .map((c) => ({ ...c, gap: Math.abs(Date.parse(c.day) - reference) / DAY_MS }))
      .sort((x, z) => x.gap - z.gap)[0];
    if (!best || best.gap > MAX_GAP_DAYS) return a;
    return { ...a, published: best.day, statedDate: { ...s, year: best.y } };
  });
}
