import { DeadlineError, runInWorker } from '../extract/pool.js';
import type { Article } from '../model/article.js';
import { analyzeArticle } from './analyze.js';
import { analyzeOncePerText } from './analyze-memo.js';
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

export function analyzeEach(articles: Article[], analyzeOne: (a: Article) => ArticleAnalysis = analyzeArticle): AnalysedBatch {
  // Identical copies of one page are read once (src/nlp/analyze-memo.ts).
  const analyze = analyzeOncePerText(analyzeOne);
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

/**
 * Articles up to this many characters are analysed in-process (well under a second each); longer ones
 * in a worker, stopped at the deadline.
 */
export const IN_PROCESS_ANALYSIS_CHARS = 100_000;
/** Time one article's analysis may take: the longest allowed article (1,000,000 characters) takes ~10 s. */
export const ANALYSIS_DEADLINE_MS = 30_000;

/** analyzeEach with a deadline per long article (the CLI's `analyze`): one that runs over is left out with that reason. */
export async function analyzeEachBounded(articles: Article[], deadlineMs = ANALYSIS_DEADLINE_MS): Promise<AnalysedBatch> {
  const remote = new Map<Article, ArticleAnalysis>();
  const failed = new Set<Article>();
  const problems: AnalysedBatch['problems'] = [];
  for (const article of articles) {
    if (article.text.length <= IN_PROCESS_ANALYSIS_CHARS) continue;
    try {
      const rest = await runInWorker<Omit<ArticleAnalysis, 'article'>>('nlp/analyze-worker', article, deadlineMs);
      remote.set(article, { article, ...rest });
    } catch (e) {
      failed.add(article);
      problems.push({ origin: article.origin, reason: e instanceof DeadlineError ? `analysing this article ${e.message}` : `cannot analyse this article (${(e as Error).message})` });
    }
  }
  const batch = analyzeEach(
    articles.filter((a) => !failed.has(a)),
    (a) => remote.get(a) ?? analyzeArticle(a),
  );
  return { ...batch, problems: [...problems, ...batch.problems] };
}
