import type { BoilerplateSpan } from '../model/article.js';
import { linesOf } from './boilerplate.js';

// The title of a plain text with no title metadata: its first line of prose (after front matter and
// marked lines such as "URL: http..."), the way people paste an article: headline first. One rule for
// every command (extract, analyze, cluster, ingest).

/** Longest first line taken as a title: headlines are shorter; a longer first line is prose. */
export const TITLE_MAX_CHARS = 160;
/** A line ending a sentence is prose, not a headline (headlines carry no full stop). */
const SENTENCE_END = /[.,;]$/u;
/** A Markdown heading's marks are not part of its words. */
const MARKDOWN_HEADING = /^#{1,6}\s+/;

/** The first unmarked line of text[from, end) (trimmed, heading marks dropped), or null. */
export function firstLine(text: string, boilerplate: readonly BoilerplateSpan[], from = 0): string | null {
  for (const line of linesOf(text, from)) {
    if (boilerplate.some((b) => b.start < line.end && line.start < b.end)) continue;
    const value = line.value.replace(MARKDOWN_HEADING, '').trim();
    if (value) return value;
  }
  return null;
}

/** The title a plain text gives itself: its first line, when that is a headline (short, no full stop). */
export function firstLineTitle(text: string, boilerplate: readonly BoilerplateSpan[], from = 0): string | null {
  const line = firstLine(text, boilerplate, from);
  return line !== null && line.length <= TITLE_MAX_CHARS && !SENTENCE_END.test(line) ? line : null;
}
