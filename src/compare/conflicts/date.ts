import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexicons } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { conflictFrom, touchesQuote, type Stance } from './common.js';
import { findDates, latestFullDate, publishedDay, resolve, storyDay, toKey } from './dates.js';

/** A date further than this many words from the release verb dates something else. */
const MAX_WORDS_TO_VERB = 8;

/**
 * Date conflicts on when the story's item (recording, report, video) was released: in a sentence
 * naming such an item with a release verb, the date nearest that verb (and nearer to it than to any
 * word dating the event itself, such as "took place") is the release date. Relative and partial
 * dates are resolved against the article's date, or failing that the latest full date the story
 * prints. Sides differ when their years differ, or their days do at day precision.
 */
export function dateConflicts(docs: SourceDoc[]): Conflict[] {
  const lex = lexicons();
  const storyRef = storyDay(docs);
  const stances: Stance[] = [];
  for (const doc of docs) {
    const ref = publishedDay(doc.article) ?? latestFullDate(doc.text) ?? storyRef;
    for (const s of doc.sentences) {
      const body = doc.text.slice(s.start, s.end);
      const tokens = [...body.matchAll(/[\p{L}\p{N}’'-]+/gu)].map((m) => ({ w: m[0].toLowerCase(), at: s.start + (m.index ?? 0) }));
      if (!tokens.some((t) => lex.artifacts.has(t.w))) continue;
      const verbs = tokens.filter((t) => lex.releaseVerbs.has(t.w));
      if (!verbs.length) continue;
      const dating = tokens.filter((t) => lex.occurrenceWords.has(t.w));
      for (const d of findDates(doc.text, s)) {
        if (touchesQuote(doc, d)) continue;
        const dist = (at: number): number => tokens.filter((t) => (t.at >= Math.min(at, d.start) && t.at < Math.max(at, d.end))).length;
        const verb = [...verbs].sort((a, b) => dist(a.at) - dist(b.at))[0];
        if (!verb || dist(verb.at) > MAX_WORDS_TO_VERB) continue;
        // An event word closer to the date, or just before it with no release verb between, dates
        // the event itself: "took place at a fundraiser in 2024 - was published".
        const between = (a: number, b: number): boolean => verbs.some((v) => v.at > a && v.at < b);
        if (dating.some((o) => dist(o.at) < dist(verb.at) || (o.at < d.start && dist(o.at) <= MAX_WORDS_TO_VERB && !between(o.at, d.start)))) continue;
        const r = resolve(d, ref);
        if (r.year === null) continue;
        const value = r.month !== null && r.day !== null ? toKey({ year: r.year, month: r.month, day: r.day }) : String(r.year);
        const span: Span = { start: Math.min(d.start, verb.at), end: Math.max(d.end, verb.at + verb.w.length) };
        stances.push({ source: doc.index, value, span });
      }
    }
  }
  // Values that agree at the coarser precision ("2025" and "2025-07-09") are one side.
  const years = new Set(stances.map((s) => s.value.slice(0, 4)));
  if (years.size < 2) return [];
  const byYear = stances.map((s) => ({ ...s, value: s.value.slice(0, 4) }));
  const c = conflictFrom('date', 'when the item was released', byYear, docs, (y) => {
    const days = [...new Set(stances.filter((s) => s.value.startsWith(y) && s.value.length > 4).map((s) => s.value))];
    return days.length ? days.join(', ') : y;
  });
  return c ? [c] : [];
}
