import type { BoilerplateSpan } from '../model/article.js';
import { unionOf, type Paragraph } from './story-terms.js';

// An unrelated story appended to an article (a digest page, a scraper that ran on into the next
// item): the last paragraphs share a topic of their own, which neither the rest of the article nor
// any other source of the story mentions. Cross-source, so a long article's background paragraphs
// (which reuse the story's names and words) are never taken for one.

/** The article proper keeps at least this many paragraphs: below it there is no topic to compare with. */
const MIN_HEAD_PARAGRAPHS = 3;
/** An appended story is at least two paragraphs: one odd closing line is commentary, not a story. */
const MIN_TAIL_PARAGRAPHS = 2;
/** Other sources needed to tell the story's vocabulary from one outlet's. */
const MIN_OTHER_SOURCES = 2;
/** Terms repeated across the tail's paragraphs (its own topic): fewer is too little to judge. */
const MIN_TAIL_TOPIC_TERMS = 5;
/** Share of those topic terms found neither in the head nor in any other source. */
const MIN_FOREIGN_SHARE = 0.5;
/** Share of the tail's terms the head also has, at most: an appended story shares little. */
const MAX_HEAD_SHARE = 0.25;
/** The story's core terms: in the head and in at least this share of the other sources. */
const CORE_SOURCE_SHARE = 0.5;
/** Share of those core terms the tail may carry: a tail that names the story's subject is about it. */
const MAX_CORE_SHARE = 0.25;

export interface TailContext {
  /** How many other sources the story has. */
  otherSources: number;
  /** In how many other sources a term occurs. */
  sourceCount: (term: string) => number;
}

interface Candidate {
  k: number;
  foreign: number;
}

/** Judges the tail of the last k paragraphs; its foreign share when it reads as another story. */
function judge(paragraphs: readonly Paragraph[], k: number, ctx: TailContext): Candidate | null {
  const n = paragraphs.length;
  const head = unionOf(paragraphs.slice(0, n - k));
  const tailPs = paragraphs.slice(n - k);
  const tail = unionOf(tailPs);
  if (!tail.size) return null;
  const counts = new Map<string, number>();
  for (const p of tailPs) for (const t of p.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  const topic = [...counts].filter(([, c]) => c >= 2).map(([t]) => t);
  if (topic.length < MIN_TAIL_TOPIC_TERMS) return null;
  const foreign = topic.filter((t) => !head.has(t) && ctx.sourceCount(t) === 0).length / topic.length;
  if (foreign < MIN_FOREIGN_SHARE) return null;
  if ([...tail].filter((t) => head.has(t)).length / tail.size > MAX_HEAD_SHARE) return null;
  const core = [...head].filter((t) => ctx.sourceCount(t) >= ctx.otherSources * CORE_SOURCE_SHARE);
  if (core.length && core.filter((t) => tail.has(t)).length / core.length > MAX_CORE_SHARE) return null;
  // The tail starts where the other story does: its first paragraph leans on the rest of the tail.
  const first = tailPs[0]?.terms ?? new Set<string>();
  const rest = unionOf(tailPs.slice(1));
  const withHead = [...first].filter((t) => head.has(t)).length;
  const withTail = [...first].filter((t) => rest.has(t)).length;
  return withHead < withTail ? { k, foreign } : null;
}

/** Marks, one per paragraph, of an appended unrelated story at the end of an article, if any. */
export function offTopicTail(paragraphs: readonly Paragraph[], ctx: TailContext): BoilerplateSpan[] {
  if (ctx.otherSources < MIN_OTHER_SOURCES) return [];
  let best: Candidate | null = null;
  for (let k = MIN_TAIL_PARAGRAPHS; paragraphs.length - k >= MIN_HEAD_PARAGRAPHS; k++) {
    const c = judge(paragraphs, k, ctx);
    if (c && (!best || c.foreign > best.foreign)) best = c;
  }
  if (!best) return [];
  return paragraphs.slice(paragraphs.length - best.k).map((p) => ({ start: p.start, end: p.end, reason: 'off-topic tail (another story)' }));
}
