import type { Article } from '../model/article.js';
import { analyzeArticle } from './analyze.js';
import type { ArticleAnalysis } from './types.js';

// The worker side of bounded analysis (src/nlp/analyze-each.ts): one long article analysed off the
// main thread, so it can be stopped at its deadline. The article is not sent back (the caller has it).

export default function analyzeTask(article: Article): Omit<ArticleAnalysis, 'article'> {
  const { article: _unused, ...rest } = analyzeArticle(article);
  return rest;
}
