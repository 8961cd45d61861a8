import { bodyOf, type Article } from '../model/article.js';
import type { Span } from '../model/span.js';
import type { ArticleAnalysis, Quote } from './types.js';
import { splitParagraphs } from './paragraphs.js';
import { quoteMarksFor, scanQuotes } from './quote-scan.js';
import { detectLanguage, languageInfo, readingLanguage } from './language.js';
import { withLanguage } from './lexicons.js';
import { splitSentences } from './sentences.js';
import { findNames } from './names.js';
import { attributeQuotesTraced } from './attribution/index.js';
import { findIndirectSpeechTraced } from './attribution/indirect/index.js';
import { findDates } from './dates.js';
import { findNumbers } from './numbers.js';

export { linkEntitiesAcrossArticles, linkedName } from './link.js';

/** An analysis with, for each quote, the attribution pass that decided its speaker (for the eval). */
export interface TracedAnalysis {
  analysis: ArticleAnalysis;
  passOf: Map<Quote, string>;
}

/**
 * Reads one article: paragraphs, quotation marks, sentences (never split inside a quotation),
 * names, quotes with their speakers, indirect speech, dates and numbers. Every span indexes
 * `article.text`; only prose (not boilerplate) is read.
 */
export function analyzeArticle(article: Article): ArticleAnalysis {
  return analyzeArticleTraced(article).analysis;
}

/**
 * The article's language decides the words every pass reads (speech verbs, titles, months, ...) and
 * how its quotation marks pair; a language the layer lacks is read with no words at all.
 */
export function analyzeArticleTraced(article: Article): TracedAnalysis {
  // Read at ingest when the verdict was reliable (src/extract/language.ts); else detected here.
  const language = article.language ? languageInfo(article.language) : detectLanguage(bodyOf(article));
  // A language the layer lacks is read with the neutral words (data/lexicons/neutral/), so no English rule fires.
  const rules = readingLanguage(language);
  const traced = withLanguage(rules, () => readArticle(article, language.reliable ? language.code : rules));
  return { analysis: { ...traced.analysis, language }, passOf: traced.passOf };
}

function readArticle(article: Article, marksLanguage: string): TracedAnalysis {
  const { text } = article;
  const paragraphs = splitParagraphs(article);
  const scanned = scanQuotes(text, paragraphs, quoteMarksFor(marksLanguage));
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
  const tracedDirect = attributeQuotesTraced(ctx, scanned);
  const direct = tracedDirect.map((t) => t.quote);
  const tracedIndirect = findIndirectSpeechTraced(ctx, direct);
  const passOf = new Map<Quote, string>([...tracedDirect, ...tracedIndirect].map((t) => [t.quote, t.pass]));
  const quotes = [...direct, ...tracedIndirect.map((t) => t.quote)].sort((a, b) => a.start - b.start || Number(b.direct) - Number(a.direct));
  // Keep nestedIn pointing at the right quote after sorting.
  const position = new Map(quotes.map((q, i) => [q, i]));
  for (const q of quotes) {
    if (q.nestedIn === null || !q.direct) continue;
    const parent = direct[q.nestedIn];
    q.nestedIn = parent ? (position.get(parent) ?? null) : null;
  }
  const dates = findDates(text, sentences, article.published);
  const numbers = findNumbers(text, sentences, dates);
  return { analysis: { article, paragraphs, sentences, quotes, mentions, entities, dates, numbers }, passOf };
}
