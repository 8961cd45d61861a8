import type { Article } from '../model/article.js';
import type { ArticleAnalysis } from './types.js';

// PLACEHOLDER until the language layer lands: returns an analysis with nothing found.
export function analyzeArticle(article: Article): ArticleAnalysis {
  return { article, paragraphs: [], sentences: [], quotes: [], mentions: [], entities: [], dates: [], numbers: [] };
}
