import type { Article } from '../model/article.js';
import type { ArticleAnalysis } from './types.js';

// Copies of one page (issue 16: "no input shape makes one story slower than a bounded multiple of
// its size") are analysed once: the analysis is a pure function of the fields below, so a repeat
// gets a copy of the first analysis instead of a second reading. See docs/decisions.md, "Copies and
// single-source claims".

type Analyze = (article: Article) => ArticleAnalysis;

/**
 * Everything src/nlp/analyze.ts reads off an article: the text, its boilerplate (paragraphs and the
 * language are read from the prose only), the language verdict from ingest, and the published date
 * (dates without a year are resolved against it). Not the origin, outlet, title or id.
 */
export function analysisKey(article: Article): string {
  return JSON.stringify([article.text, article.boilerplate, article.language ?? null, article.published]);
}

/**
 * `analyze`, run once per distinct analysis key. Each repeat gets its own deep copy (later stages key
 * maps by quote and sentence objects, so two sources must never share one) pointing at its own article.
 */
export function analyzeOncePerText(analyze: Analyze): Analyze {
  const first = new Map<string, ArticleAnalysis>();
  return (article) => {
    const key = analysisKey(article);
    const seen = first.get(key);
    if (!seen) {
      const analysis = analyze(article);
      first.set(key, analysis);
      return analysis;
    }
    const { article: _theirs, ...rest } = seen;
    return { article, ...structuredClone(rest) };
  };
}
