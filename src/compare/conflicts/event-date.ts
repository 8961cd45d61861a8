import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import type { ClaimStage, ClaimUnit } from '../claims/index.js';
import type { SourceDoc } from '../source-doc.js';
import { conflictFrom, touchesQuote, type Stance } from './common.js';
import { findDates, resolve, toKey, type Day } from './dates.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const LAST_NIGHT = /\blast\s+night\b|\byesterday\b|\btoday\b|\btonight\b|\bthis\s+morning\b/gi;
/** Sentences must be at least this similar before their dates are read as dating one event. */
const SAME_EVENT_SIMILARITY = 0.3;

/**
 * Date conflicts on when the story's event happened: inside one claim (sentences or clauses grouped
 * as stating the same fact), the day each source gives, read from a weekday, a day and month, or
 * "last night"/"yesterday" against the article's publication date. Without a publication date a
 * weekday is compared as a weekday. Sides differ when their days (or weekdays) differ.
 */
export function eventDateConflicts(docs: SourceDoc[], claims: ClaimStage): Conflict[] {
  const out: Conflict[] = [];
  const seen = new Set<string>();
  for (const g of claims.groups) {
    if (new Set(g.units.map((u) => u.source)).size < 2) continue;
    const stances: Stance[] = [];
    for (const u of g.units) {
      const doc = docs[u.source] as SourceDoc;
      const close = g.units.some((v) => v.source !== u.source && claims.matcher.similarity(u, v) >= SAME_EVENT_SIMILARITY);
      if (!close) continue;
      const d = dayOf(doc, u);
      if (d) stances.push({ source: u.source, value: d.value, span: d.span });
    }
    // Compare at the precision every side has: weekdays when any side lacks a full date.
    const allDays = stances.every((s) => /^\d{4}-/.test(s.value));
    const comparable = stances.map((s) => ({ ...s, value: allDays ? s.value : weekdayOf(s.value) }));
    const c = conflictFrom('date', 'when it happened', comparable, docs, (v) => {
      const full = [...new Set(stances.filter((s) => (allDays ? s.value : weekdayOf(s.value)) === v).map((s) => s.value))];
      return allDays ? v : `${v}${full.some((f) => f !== v) ? ` (${full.filter((f) => f !== v).join(', ')})` : ''}`;
    });
    if (!c) continue;
    const key = c.sides.map((s) => s.evidence.map((e) => `${e.source}:${e.start}`).join(',')).join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

/** The day a sentence gives for its event: the first date-like expression outside quotation marks. */
function dayOf(doc: SourceDoc, u: ClaimUnit): { value: string; span: Span } | null {
  const text = doc.text;
  const ref = publishedDay(doc);
  const body = text.slice(u.start, u.end);
  const hits: { span: Span; value: string }[] = [];
  for (const d of findDates(text, u)) {
    if (d.relative || d.month === null || d.day === null || touchesQuote(doc, d)) continue;
    // A dateline ("CADDON FERRY, July 14 (CPA) -") dates the report, not the event.
    if (/^\s*(?:\([^)]{1,40}\))?\s*[-–—]/.test(text.slice(d.end, d.end + 50))) continue;
    const r = resolve(d, ref);
    if (r.year !== null && r.month !== null && r.day !== null) hits.push({ span: d, value: toKey({ year: r.year, month: r.month, day: r.day }) });
  }
  for (const re of [WEEKDAY, LAST_NIGHT]) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const span = { start: u.start + m.index, end: u.start + m.index + m[0].length };
      if (touchesQuote(doc, span) || hits.some((h) => h.span.start <= span.end + 2 && span.start <= h.span.end + 2)) continue;
      const word = m[0].toLowerCase();
      const weekday = WEEKDAYS.indexOf(word);
      if (weekday >= 0) hits.push({ span, value: ref ? toKey(lastWeekday(ref, weekday)) : word });
      else if (ref) hits.push({ span, value: toKey(shift(ref, /today|tonight|this/.test(word) ? 0 : -1)) });
    }
  }
  // A weekday printed next to a full date ("Sunday, July 12") is one expression: keep the date.
  hits.sort((a, b) => a.span.start - b.span.start);
  return hits[0] ?? null;
}

function publishedDay(doc: SourceDoc): Day | null {
  const p = doc.article.published;
  const m = p ? /^(\d{4})-(\d{2})-(\d{2})/.exec(p) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

function shift(d: Day, days: number): Day {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** The latest day on or before `ref` falling on `weekday` (0 = Sunday). */
function lastWeekday(ref: Day, weekday: number): Day {
  const t = new Date(Date.UTC(ref.year, ref.month - 1, ref.day));
  const back = (t.getUTCDay() - weekday + 7) % 7;
  return shift(ref, -back);
}

function weekdayOf(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  return WEEKDAYS[new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay()] as string;
}
