import type { Article, BoilerplateSpan, StatedDate } from '../model/article.js';
import { linesOf } from './boilerplate.js';
import { readLexicon } from './lexicon.js';

// The date an article states for itself, for texts whose metadata gives none: a "Published: ..." or
// date-only line near the top (marked as a dateline), an agency dateline opening the first paragraph
// ("PARIS, March 3 (Agency) -"), "today" with the day in brackets ("Earlier today (9 July)"), or a
// weekday with its date in the lead ("... on Tuesday 9 July"). A day stated without its year gets the
// year from the other articles of the batch, else from when it was ingested (fillStatedYears); a
// weekday picks, of the years near, the one it falls on.

/** The article's own date is at its top: only this many first lines are read. */
const LEAD_LINES = 6;
/** A year-less day is placed in the year that puts it nearest the batch's dates, if this near. */
const MAX_GAP_DAYS = 14;
/** Against the ingest time, a year-less day is the latest one not after it (a day's grace for time zones)... */
const INGEST_GRACE_DAYS = 1;
/** ...within this many years back (a weekday names its year within 11). */
const INGEST_YEARS_BACK = 11;
const DAY_MS = 86_400_000;

interface DateWords {
  months: Record<string, number>;
  weekdays: string[];
  today: string[];
}

interface Patterns {
  months: Record<string, number>;
  weekdays: string[];
  dateline: RegExp;
  today: RegExp;
  onWeekday: RegExp;
  full: RegExp;
}

let patterns: Patterns | undefined;
function compiled(): Patterns {
  if (patterns) return patterns;
  const words = readLexicon<DateWords>('stated-dates.json');
  // Any word in the month's place; dateOf keeps only the lexicon's month names.
  const month = String.raw`\p{L}{3,9}`;
  const day = String.raw`(?:(\d{1,2})(?:st|nd|rd|th)?\s+(${month})\.?|(${month})\.?\s+(\d{1,2})(?:st|nd|rd|th)?)`;
  const year = String.raw`(?:,?\s+(\d{4}))?`;
  const weekday = `(?:${words.weekdays.join('|')})`;
  // The dateline is read case-sensitively: its weekday as written, capitalised or in capitals.
  const anyCase = `(?:${words.weekdays.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]).join('|')})`;
  const today = words.today.map((w) => w.replace(/\s+/g, String.raw`\s+`)).join('|');
  patterns = {
    months: words.months,
    weekdays: words.weekdays,
    // A city in capitals (perhaps ", Region"), perhaps a weekday, the day, an agency in brackets, a dash. Case matters.
    dateline: new RegExp(String.raw`^\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:,\s*[\p{L} .]{2,30})?,\s+(?:${anyCase},?\s+)?${day}${year}\s*(?:\([^()]{1,60}\)\s*)?[-–—]`, 'u'),
    today: new RegExp(String.raw`\b(?:${today})\s*[(,]\s*(?:\p{L}+,?\s+)?${day}${year}\s*[),]`, 'iu'),
    // Without its year only: a day of this week is written so, and one with a year may be history
    // ('On Tuesday, Oct. 10, 1972' in the first lines of an ECB+ article about a later day).
    onWeekday: new RegExp(String.raw`\bon\s+${weekday},?\s+${day}(?!\.?,?\s+\d{4})\b`, 'iu'),
    full: new RegExp(String.raw`\b${day},?\s+(\d{4})\b`, 'iu'),
  };
  return patterns;
}

/** The weekday (0 Sunday) a match names, if it names one. */
function weekdayOf(text: string): number | undefined {
  const first = /\p{L}+/gu;
  for (const w of text.toLowerCase().match(first) ?? []) {
    const i = compiled().weekdays.indexOf(w);
    if (i >= 0) return i;
  }
  return undefined;
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
  const weekday = weekdayOf(m[0]);
  const date: StatedDate = { start: at + offset + m.index, end: at + offset + m.index + m[0].length, year, month, day, ...(weekday === undefined ? {} : { weekday }) };
  // A full date whose weekday is another day's is misread or mistyped: not the article's date.
  return year !== null && weekday !== undefined && !fallsOn(date, year) ? null : date;
}

/** The date the text states for itself in its first lines, or null. */
export function statedDate(text: string, boilerplate: readonly BoilerplateSpan[], from = 0): StatedDate | null {
  const p = compiled();
  for (const line of linesOf(text, from).slice(0, LEAD_LINES)) {
    const marked = boilerplate.find((b) => b.start <= line.start && line.end <= b.end);
    if (marked && marked.reason !== 'dateline') continue;
    // Every pattern has the day in groups 1-4 and the year in group 5.
    const tries = marked ? [p.full] : [p.dateline, p.today, p.onWeekday];
    for (const re of tries) {
      // Every pattern needs at least a digit: no empty match, so exec moves on.
      const g = globalTwin(re);
      g.lastIndex = 0;
      for (let m = g.exec(line.value); m; m = g.exec(line.value)) {
        const date = dateOf(m, line.start, 0);
        if (date) return date;
      }
    }
  }
  return null;
}

const twins = new Map<RegExp, RegExp>();

/** The pattern with the g flag, built once for the run, not once per line read (71 for the seed story). */
function globalTwin(re: RegExp): RegExp {
  let g = twins.get(re);
  if (!g) twins.set(re, (g = new RegExp(re.source, re.flags + 'g')));
  return g;
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

/** Whether the stated weekday (if any) is the weekday of that day in `year`. */
function fallsOn(s: StatedDate, year: number): boolean {
  const day = statedIso({ ...s, year });
  return day !== null && (s.weekday === undefined || new Date(day).getUTCDay() === s.weekday);
}

/** The year, among the ones near the batch's reference day, that puts the day nearest it (within MAX_GAP_DAYS). */
function yearNear(s: StatedDate, reference: number): number | null {
  const y = new Date(reference).getUTCFullYear();
  const gaps = [y - 1, y, y + 1]
    .filter((year) => statedIso({ ...s, year }) !== null)
    .map((year) => ({ year, on: fallsOn(s, year), gap: Math.abs(Date.parse(statedIso({ ...s, year })!) - reference) / DAY_MS }))
    .filter((c) => c.gap <= MAX_GAP_DAYS);
  // A stated weekday decides between two near years; one it does not fall on is still near.
  const best = gaps.sort((a, b) => Number(b.on) - Number(a.on) || a.gap - b.gap)[0];
  return best ? best.year : null;
}

/** The latest year in which the day (on its weekday, if stated) is not after the ingest day. */
function yearBefore(s: StatedDate, ingested: number): number | null {
  const y = new Date(ingested).getUTCFullYear();
  const limit = ingested + INGEST_GRACE_DAYS * DAY_MS;
  const years = Array.from({ length: INGEST_YEARS_BACK + 1 }, (_, k) => y + 1 - k).filter((year) => {
    const day = statedIso({ ...s, year });
    return day !== null && Date.parse(day) <= limit;
  });
  return years.find((year) => fallsOn(s, year)) ?? (s.weekday === undefined ? null : (years[0] ?? null));
}

export interface FillOptions {
  /** When the articles were ingested (ISO 8601): the context for a day the batch cannot place. */
  ingested?: string | null;
}

/**
 * Articles whose text states a day without its year ("Earlier today (9 July)") and that have no
 * published date get the year that puts that day nearest the batch's reference day, when within
 * MAX_GAP_DAYS, else (given `ingested`) the latest year that day is not after the ingest; the others
 * are returned as they are. Returns new articles, never changes its input.
 */
export function fillStatedYears(articles: readonly Article[], options: FillOptions = {}): Article[] {
  const open = articles.filter((a) => a.published === null && a.statedDate && a.statedDate.year === null);
  if (!open.length) return [...articles];
  const reference = referenceDay(articles);
  const ingested = options.ingested ? Date.parse(options.ingested) : NaN;
  return articles.map((a) => {
    const s = a.statedDate;
    if (a.published !== null || !s || s.year !== null) return a;
    const year = (reference === null ? null : yearNear(s, reference)) ?? (Number.isNaN(ingested) ? null : yearBefore(s, ingested));
    const day = year === null ? null : statedIso({ ...s, year });
    return day === null || year === null ? a : { ...a, published: day, statedDate: { ...s, year } };
  });
}

/** Stored articles (a story's): years from the story's other articles, else from when they were ingested. */
export function fillStoredYears(records: readonly { article: Article; ingestedAt: string }[]): Article[] {
  const latest = records.reduce<string | null>((m, r) => (m === null || r.ingestedAt > m ? r.ingestedAt : m), null);
  return fillStatedYears(
    records.map((r) => r.article),
    { ingested: latest },
  );
}
