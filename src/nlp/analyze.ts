import type { Article } from '../model/article.js';
import type { Span } from '../model/span.js';
import type { ArticleAnalysis } from './types.js';
import { splitParagraphs } from './paragraphs.js';
import { scanQuotes } from './quote-scan.js';
import { splitSentences } from './sentences.js';
import { findNames } from './names.js';
import { attributeQuotes } from './attribution/index.js';
import { findIndirectSpeech } from './indirect.js';
import { findDates } from './dates.js';
import { findNumbers } from './numbers.js';

export { linkEntitiesAcrossArticles, linkedName } from './link.js';

/**
 * Reads one article: paragraphs, quotation marks, sentences (never split inside a quotation),
 * names, quotes with their speakers, indirect speech, dates and numbers. Every span indexes
 * `article.text`; only prose (not boilerplate) is read.
 */
export function analyzeArticle(article: Article): ArticleAnalysis {
  const { text } = article;
  const paragraphs = splitParagraphs(article);
  const scanned = scanQuotes(text, paragraphs);
  // Sentences must not break inside any top-level quotation, marks included.
  const protectedSpans: Span[] = scanned
    .filter((q) => q.parent === null)
    .flatMap((q) => {
      const first = q.parts[0];
      const last = q.parts[q.parts.length - 1];
      if (!first || !last) return [];
      return [{ start: q.open?.start ?? first.start, end: q.close?.end ?? last.end }];
    });
  const sentences = splitSentences(text, paragraphs, protectedSpans);
  const { mentions, entities } = findNames(text, sentences);
  const ctx = { text, paragraphs, sentences, mentions };
  const direct = attributeQuotes(ctx, scanned);
  const indirect = findIndirectSpeech(ctx, direct);
  const quotes = [...direct, ...indirect].sort((a, b) => a.start - b.start || Number(b.direct) - Number(a.direct));
  // Keep nestedIn pointing at the right quote after sorting.
  const position = new Map(quotes.map((q, i) => [q, i]));
  for (const q of quotes) {
    if (q.nestedIn === null || !q.direct) continue;
    const parent = direct[q.nestedIn];
    q.nestedIn = parent ? (position.get(parent) ?? null) : null;
  }
  const dates = findDates(text, sentences, article.published);
  const numbers = findNumbers(text, sentences, dates);
  return { article, paragraphs, sentences, quotes, mentions, entities, dates, numbers };
}
