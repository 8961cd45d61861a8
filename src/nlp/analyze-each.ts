import type { Article } from '../model/article.js';
import { analyzeArticle } from './analyze.js';
import type { ArticleAnalysis } from './types.js';

// The per-article analysis with isolation: an article whose analysis throws (a fault met on some
// input shape) is left out with a one-line reason, and the others go on to the comparison.

export interface AnalysedBatch {
  /** The articles whose analysis succeeded, in input order. */
  articles: Article[];
  /** Their analyses, for buildDossier's `analyze` option (no article is analysed twice). */
  analyze: (article: Article) => ArticleAnalysis;
  problems: { origin: string; reason: string }[];
}

export function analyzeEach(articles: Article[], analyze: (a: Article) => ArticleAnalysis = analyzeArticle): AnalysedBatch {
  const done = new Map<Article, ArticleAnalysis>();
  const problems: AnalysedBatch['problems'] = [];
  for (const article of articles) {
    try {
      done.set(article, analyze(article));
    } catch (e) {
      const why = e instanceof RangeError && /call stack/i.test(e.message) ? 'structure too deep' : (e as Error).message.split('\n')[0];
      problems.push({ origin: article.origin, reason: `cannot analyse this article (${why ?? 'unknown error'})` });
    }
  }
  return {
    articles: articles.filter((a) => done.has(a)),
    analyze: (a) => done.get(a) ?? analyze(a),
    problems,
  };
}
