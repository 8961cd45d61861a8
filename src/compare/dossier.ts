import type { Article } from '../model/article.js';
import { DOSSIER_SCHEMA, publishedInferred, type Dossier, type DossierSource } from '../model/dossier.js';
import { analyzeArticle } from '../nlp/analyze.js';
import { analyzeOncePerText } from '../nlp/analyze-memo.js';
import type { ArticleAnalysis } from '../nlp/types.js';
import { compareClaims } from './claims/index.js';
import { findConflicts } from './conflicts/index.js';
import { markContested, numberIds, sortDossier } from './finish.js';
import { applyIndependence } from './independence/index.js';
import { compareQuotes } from './quotes/index.js';
import { buildSourceDoc, type SourceDoc } from './source-doc.js';
import { withWordsCache } from './text/tokens.js';
import { withStoryMemo } from './text/story-memo.js';
import { unsupportedNote } from '../nlp/language.js';
import { markStoryBoilerplate } from '../extract/story-boilerplate.js';

export interface DossierOptions {
  /** Called between stages, for progress display. */
  onStage?: (stage: string) => void;
  /** The per-article language analysis; defaults to src/nlp's analyzeArticle. */
  analyze?: (article: Article) => ArticleAnalysis;
}

/**
 * The dossier, as a recipe:
 *   1. per article: language analysis and the structure the comparison reads (quotes, sentences);
 *   -- barrier: every source is analysed --
 *   2. quote clustering across sources, 3. fidelity grading of every rendering,
 *   4. claims grouped across sources, 5. conflicts and their sides,
 *   6. a stable sort and ids numbered in that order, so the same input gives the same bytes,
 *   7. independence (text reuse, independent-source counts, provenance, profiles, summary).
 */
export function buildDossier(input: Article[], options: DossierOptions = {}): Dossier {
  // Each sentence is tokenised once for all the stages (text/tokens.ts).
  // Pure per-text results are kept for the story too (text/story-memo.ts): copies are read once.
  return withWordsCache(() => withStoryMemo(() => dossierOf(input, options)));
}

function dossierOf(input: Article[], options: DossierOptions): Dossier {
  // Boilerplate only the whole story shows (an appended unrelated story, a spliced headline).
  const articles = markStoryBoilerplate(input);
  const stage = options.onStage ?? ((): void => undefined);
  // Identical copies of one page are read once (src/nlp/analyze-memo.ts).
  const analyze = analyzeOncePerText(options.analyze ?? analyzeArticle);

  stage('analysing articles');
  const analyses = articles.map((a) => analyze(a));
  const docs: SourceDoc[] = articles.map((a, i) => buildSourceDoc(a, analyses[i] as ArticleAnalysis, i));

  stage('clustering quotes');
  const quotes = compareQuotes(docs);

  stage('grouping claims');
  const claims = compareClaims(docs, quotes);

  stage('finding conflicts');
  const conflicts = findConflicts(docs, quotes, claims);

  const draft: Dossier = {
    schema: DOSSIER_SCHEMA,
    sources: docs.map(sourceOf),
    quotes: quotes.clusters,
    claims: markContested(claims, conflicts),
    conflicts,
    reuse: [],
    boilerplate: docs.flatMap((d) => d.article.boilerplate.map((b) => ({ source: d.id, start: b.start, end: b.end, text: d.text.slice(b.start, b.end), reason: b.reason }))),
    summary: [],
  };

  // Ids first, so the independence stage's provenance can refer to quotes and claims by id.
  stage('numbering');
  const numbered = numberIds(sortDossier(draft));

  stage('weighing independence');
  return applyIndependence(numbered, analyses);
}

function sourceOf(d: SourceDoc): DossierSource {
  const a = d.article;
  const source: DossierSource = { id: d.id, origin: a.origin, outlet: a.outlet, title: a.title, published: a.published, text: a.text, ...publishedInferred(a) };
  const lang = d.analysis.language;
  if (lang) {
    const note = unsupportedNote(lang);
    source.language = { code: lang.code, reliable: lang.reliable, supported: lang.supported, ...(note ? { note } : {}) };
  }
  return source;
}
