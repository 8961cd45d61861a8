import type { DateMention, Sentence } from './types.js';
import { tokenize } from './tokens.js';
import { lexicons } from './lexicons.js';
import { calendarPatterns, calendarTriggers, type DatePattern } from './dates-calendar.js';

/**
 * Date expressions, absolute ("July 9, 2025", "9 July", "2025-07-09", "in 2024", "February 2022")
 * and relative ("yesterday", "on Wednesday", "last week", "earlier today", "last year"), resolved
 * against the publication date when it is known. What cannot be resolved stays `value: null`: a
 * relative expression with no publication date, a day and month with no year to anchor them.
 *
 * Own patterns rather than chrono-node: chrono parses far more than news dates need, misreads
 * "now"/"may" inside quotes, and the whole layer has a budget of 150k words/s.
 */

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const MONTH_ABBR: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11 };
/** Weekday names, Sunday first (the index is Date.getUTCDay()). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
/** A weekday name as a capturing regular-expression group. */
export const WEEKDAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const YEAR = '((?:19|20)\\d{2})';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';

/** A day after which a date without a year is taken to be in the previous year (news reports the past). */
const FUTURE_TOLERANCE_DAYS = 31;

interface Pattern {
  re: RegExp;
  read: (m: RegExpExecArray, ref: Date | null) => Omit<DateMention, 'start' | 'end' | 'text'>;
}

function monthIndex(s: string): number {
  const l = s.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(l);
  return full >= 0 ? full : (MONTH_ABBR[l] ?? -1);
}

const pad = (n: number): string => String(n).padStart(2, '0');
const isoDay = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const isoMonth = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);

/** A day and month with no year: the year of the reference, or the one before when that would lie well in the future. */
function anchorYear(month: number, day: number, ref: Date | null): string | null {
  if (!ref) return null;
  let y = ref.getUTCFullYear();
  const candidate = Date.UTC(y, month, day);
  if (candidate - ref.getTime() > FUTURE_TOLERANCE_DAYS * 86_400_000) y--;
  return `${y}-${pad(month + 1)}-${pad(day)}`;
}

function validDay(month: number, day: number): boolean {
  return month >= 0 && day >= 1 && day <= 31;
}

const day = (value: string | null, relative = false): Omit<DateMention, 'start' | 'end' | 'text'> => ({ value, granularity: 'day', relative });

const PATTERNS: Pattern[] = [
  {
    // 2025-07-09
    re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g,
    read: (m) => day(`${m[1]}-${m[2]}-${m[3]}`),
  },
  {
    // (Tuesday,) July 9(, 2025)
    re: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?\\b(?!-\\d|\\s*(?:percent|per cent|%))`, 'g'),
    read: (m, ref) => {
      const month = monthIndex(m[2] ?? '');
      const d = Number(m[3]);
      if (!validDay(month, d)) return { value: null, granularity: null, relative: false };
      return m[4] ? day(`${m[4]}-${pad(month + 1)}-${pad(d)}`) : day(anchorYear(month, d, ref));
    },
  },
  {
    // (Tuesday) 9 July (2025)
    re: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?${DAY}\\s+${MONTH}(?:,?\\s+${YEAR})?\\b`, 'g'),
    read: (m, ref) => {
      const month = monthIndex(m[3] ?? '');
      const d = Number(m[2]);
      if (!validDay(month, d)) return { value: null, granularity: null, relative: false };
      return m[4] ? day(`${m[4]}-${pad(month + 1)}-${pad(d)}`) : day(anchorYear(month, d, ref));
    },
  },
  {
    // July 2025 / February 2022
    re: new RegExp(`\\b${MONTH}\\s+(?:of\\s+)?${YEAR}\\b`, 'g'),
    read: (m) => ({ value: `${m[2]}-${pad(monthIndex(m[1] ?? '') + 1)}`, granularity: 'month', relative: false }),
  },
  {
    // today, yesterday, tomorrow, earlier today, tonight, this morning
    // eslint-disable-next-line security/detect-unsafe-regex -- one optional word, no nested repetition
    re: /\b(?:(?:earlier|later)\s+)?(today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening))\b/gi,
    read: (m, ref) => {
      if (!ref) return day(null, true);
      const w = (m[1] ?? '').toLowerCase();
      const shift = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      return day(isoDay(addDays(ref, shift)), true);
    },
  },
  {
    // (on / last / next) Wednesday: the latest such day up to the publication date, unless "next".
    re: new RegExp(`\\b(?:(last|next|this|on)\\s+)?${WEEKDAY}\\b(?!,?\\s+(?:${MONTH}|\\d))`, 'gi'),
    read: (m, ref) => {
      if (!ref) return day(null, true);
      const target = WEEKDAYS.indexOf((m[2] ?? '').toLowerCase());
      const now = ref.getUTCDay();
      const mod = (target - now + 7) % 7;
      const which = (m[1] ?? '').toLowerCase();
      let shift = which === 'next' ? mod || 7 : -((now - target + 7) % 7);
      if (which === 'last' && shift === 0) shift = -7;
      return day(isoDay(addDays(ref, shift)), true);
    },
  },
  {
    // last/this/next week|month|year
    re: /\b(last|this|next|past)\s+(week|month|year)\b/gi,
    read: (m, ref) => {
      const unit = (m[2] ?? '').toLowerCase();
      const dir = (m[1] ?? '').toLowerCase();
      const granularity = unit === 'year' ? 'year' : unit === 'month' ? 'month' : 'day';
      if (!ref) return { value: null, granularity, relative: true };
      const sign = dir === 'last' || dir === 'past' ? -1 : dir === 'next' ? 1 : 0;
      if (unit === 'year') return { value: String(ref.getUTCFullYear() + sign), granularity, relative: true };
      if (unit === 'month') {
        const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + sign, 1));
        return { value: isoMonth(d), granularity, relative: true };
      }
      // A week is not a day: give the Monday of that week, at day granularity, as its anchor.
      const monday = addDays(ref, -((ref.getUTCDay() + 6) % 7) + 7 * sign);
      return { value: isoDay(monday), granularity: 'day', relative: true };
    },
  },
  {
    // in 2024, 2019: a bare year (not part of a larger number, an amount or a count).
    re: /(?<![\d$£€.,/-])\b((?:19|20)\d{2})\b(?![\d,.]\d|\s*(?:percent|per cent|%|people|votes|km|miles))/g,
    read: (m) => ({ value: m[1] ?? null, granularity: 'year', relative: false }),
  },
];

/** Words that can start or anchor a date expression; a sentence without one (nor a year) is skipped. */
const TRIGGERS = new Set([
  ...MONTHS,
  ...Object.keys(MONTH_ABBR),
  ...WEEKDAYS,
  'today', 'yesterday', 'tomorrow', 'tonight', 'this', 'last', 'next', 'past',
]);
const YEARISH = /^(?:19|20)\d\d/;

function referenceDate(published: string | null): Date | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

const byLanguage = new Map<string, { patterns: DatePattern[]; triggers: Set<string> }>();

/** English patterns for English; a language's own month and weekday names otherwise (dates-calendar.ts). */
function patternsOfLanguage(): { patterns: DatePattern[]; triggers: Set<string> } {
  const lex = lexicons();
  if (lex.language === 'en') return { patterns: PATTERNS, triggers: TRIGGERS };
  let own = byLanguage.get(lex.language);
  if (!own) {
    own = { patterns: calendarPatterns(lex.calendar), triggers: calendarTriggers(lex.calendar) };
    byLanguage.set(lex.language, own);
  }
  return own;
}

export function findDates(text: string, sentences: Sentence[], published: string | null): DateMention[] {
  const { patterns, triggers } = patternsOfLanguage();
  const ref = referenceDate(published);
  const out: DateMention[] = [];
  const taken: { start: number; end: number }[] = [];
  const free = (s: number, e: number): boolean => !taken.some((t) => t.start < e && s < t.end);
  for (const sentence of sentences) {
    // Most sentences hold no date: a word test on the sentence's tokens is far cheaper than the patterns.
    if (!tokenize(text, sentence.start, sentence.end).some((t) => triggers.has(t.lower) || YEARISH.test(t.text))) continue;
    const chunk = text.slice(sentence.start, sentence.end);
    // Earlier patterns are more specific; a later match inside an earlier one is dropped.
    for (const p of patterns) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(chunk); m; m = p.re.exec(chunk)) {
        const start = sentence.start + m.index;
        const end = start + m[0].length;
        if (!free(start, end)) continue;
        // "May" and "March" are also words: a month name alone needs a day or a year (the patterns do).
        const read = p.read(m, ref);
        if (read.granularity === null) continue;
        taken.push({ start, end });
        out.push({ start, end, text: text.slice(start, end), ...read });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
