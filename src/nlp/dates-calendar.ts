import type { CalendarFile } from './lexicons.js';
import type { DateMention } from './types.js';

/**
 * Date patterns of a language other than English, built from its month and weekday names
 * (data/lexicons/<lang>/calendar.json): "9. Juli 2025", "9 juillet 2025", "9 de julio de 2025",
 * "Juli 2025", "julio de 2025", and a weekday on its own ("am Montag", "lundi", "el lunes"), read as
 * the latest such day up to the publication date. English keeps its own richer patterns (dates.ts).
 */

export interface DatePattern {
  re: RegExp;
  read: (m: RegExpExecArray, ref: Date | null) => Omit<DateMention, 'start' | 'end' | 'text'>;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Word edges that know accented letters ("März", "août"), unlike \b. */
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
/** A date without a year more than this far after the publication day is last year's (news reports the past). */
const FUTURE_TOLERANCE_DAYS = 31;
const DAY_MS = 86_400_000;

function monthIndexIn(cal: CalendarFile, s: string): number {
  const l = s.toLowerCase().replace(/\.$/, '');
  const full = cal.months.indexOf(l);
  return full >= 0 ? full : (cal.monthAbbreviations[l] ?? -1);
}

function dayValue(year: string | undefined, month: number, d: number, ref: Date | null): string | null {
  if (year) return `${year}-${pad(month + 1)}-${pad(d)}`;
  if (!ref) return null;
  let y = ref.getUTCFullYear();
  if (Date.UTC(y, month, d) - ref.getTime() > FUTURE_TOLERANCE_DAYS * DAY_MS) y--;
  return `${y}-${pad(month + 1)}-${pad(d)}`;
}

export function calendarPatterns(cal: CalendarFile): DatePattern[] {
  const names = [...cal.months, ...Object.keys(cal.monthAbbreviations)].sort((a, b) => b.length - a.length).map(escape);
  const month = `(${names.join('|')})`;
  const weekday = `(${cal.weekdays.map(escape).join('|')})`;
  const year = '((?:19|20)\\d{2})';
  const iso: DatePattern = {
      re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g,
      read: (m) => ({ value: `${m[1]}-${m[2]}-${m[3]}`, granularity: 'day', relative: false }),
  };
  const bareYear: DatePattern = {
    re: /(?<![\d$£€.,/-])\b((?:19|20)\d{2})\b(?![\d,.]\d|\s*%)/g,
    read: (m) => ({ value: m[1] ?? null, granularity: 'year', relative: false }),
  };
  // A language with no names (the neutral lexicon) reads only ISO dates and years.
  if (cal.months.length === 0 || cal.weekdays.length === 0) return [iso, bareYear];
  return [
    iso,
    {
      // (Montag,) 9. Juli (2025) / 9 juillet 2025 / 9 de julio de 2025
      re: new RegExp(`${START}(?:${weekday},?\\s+)?(\\d{1,2})\\.?\\s+(?:de\\s+)?${month}(?:\\s+(?:de\\s+)?${year})?${END}`, 'giu'),
      read: (m, ref) => {
        const mi = monthIndexIn(cal, m[3] ?? '');
        const d = Number(m[2]);
        if (mi < 0 || d < 1 || d > 31) return { value: null, granularity: null, relative: false };
        return { value: dayValue(m[4], mi, d, ref), granularity: 'day', relative: false };
      },
    },
    {
      re: new RegExp(`${START}${month}\\s+(?:de\\s+)?${year}${END}`, 'giu'),
      read: (m) => ({ value: `${m[2]}-${pad(monthIndexIn(cal, m[1] ?? '') + 1)}`, granularity: 'month', relative: false }),
    },
    {
      re: new RegExp(`${START}${weekday}${END}`, 'giu'),
      read: (m, ref) => {
        if (!ref) return { value: null, granularity: 'day', relative: true };
        const target = cal.weekdays.indexOf((m[1] ?? '').toLowerCase());
        const back = (ref.getUTCDay() - target + 7) % 7;
        const d = new Date(ref.getTime() - back * DAY_MS);
        return { value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, granularity: 'day', relative: true };
      },
    },
    bareYear,
  ];
}

/** Words that can start a date of this calendar (a sentence without one, nor a year, is skipped). */
export function calendarTriggers(cal: CalendarFile): Set<string> {
  return new Set([...cal.months, ...Object.keys(cal.monthAbbreviations), ...cal.weekdays]);
}
