import type { Dossier, DossierSource, Reuse } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import type { ArticleAnalysis } from '../../nlp/types.js';
import { copyReuse, copyWarnings, identicalInputs } from './copies.js';
import { recountClaims, sourceGroups } from './independence.js';
import { readLexicon } from './lexicon.js';
import { buildProfiles } from './profiles.js';
import { buildProvenance } from './provenance.js';
import { computeReuse, type ReuseResult } from './reuse.js';
import { buildSummary } from './summary.js';
import { buildSourceText, byId as byIdOrder, type SourceText } from './text.js';

/**
 * The independence stage, the last pass over a built dossier:
 *   1. text reuse between every pair of sources (`reuse`),
 *   2. groups of sources that reuse one another, and every claim's `independentSources` recounted,
 *   3. provenance chains of quotes and key claims,
 *   4. source profiles,
 *   5. the summary, from the sources' own sentences, each backed by two independent sources.
 * Returns a new dossier; the input is not changed.
 */
export interface IndependenceOptions {
  /** Called between steps, for progress display. */
  onStage?: (stage: string) => void;
}

export { computeReuse, REUSE_LINK_THRESHOLD } from './reuse.js';
export { sourceGroups } from './independence.js';

/** The analysis of a dossier source: same text (and origin when both have one), else none. */
function analysisFor(source: DossierSource, analyses: ArticleAnalysis[], index: number): ArticleAnalysis | null {
  const same = (a: ArticleAnalysis | undefined): boolean => !!a && a.article.text === source.text;
  const byIndex = analyses[index];
  if (same(byIndex) && byIndex?.article.origin === source.origin) return byIndex;
  return analyses.find((a) => same(a) && a.article.origin === source.origin) ?? analyses.find(same) ?? null;
}

export function sourceTexts(dossier: Dossier, analyses: ArticleAnalysis[]): { texts: SourceText[]; byId: Map<string, ArticleAnalysis | null> } {
  const byId = new Map<string, ArticleAnalysis | null>();
  const texts = dossier.sources.map((s, i) => {
    const analysis = analysisFor(s, analyses, i);
    byId.set(s.id, analysis);
    const boilerplate: Span[] = dossier.boilerplate.filter((b) => b.source === s.id);
    const quotes: Span[] = (analysis?.quotes ?? []).filter((q) => q.direct).flatMap((q) => q.parts);
    const sentences: Span[] = (analysis?.sentences ?? []).filter((x) => !x.headline);
    return buildSourceText(s.id, s.text, boilerplate, { quotes, sentences });
  });
  return { texts, byId };
}

function publicReuse(r: ReuseResult): Reuse {
  const { linked: _linked, identity: _identity, copiedProse: _copied, ...rest } = r;
  return rest;
}

export function applyIndependence(dossier: Dossier, analyses: ArticleAnalysis[], options: IndependenceOptions = {}): Dossier {
  const stage = options.onStage ?? ((): void => undefined);
  const stopWords = new Set(readLexicon('function-words.json', 'words'));
  const { texts, byId } = sourceTexts(dossier, analyses);

  stage('reuse');
  const published = new Map(dossier.sources.map((s) => [s.id, s.published]));
  // Identical inputs are compared once: the first stands for its copies, each copy linked to it.
  const identical = identicalInputs(dossier.sources);
  const distinct = texts.filter((t) => identical.representative.get(t.id) === t.id);
  const reuse = [...computeReuse(distinct, { published, stopWords }), ...copyReuse(identical, dossier.sources)].sort((x, y) => byIdOrder(x.a, y.a) || byIdOrder(x.b, y.b));

  stage('independence');
  const groups = sourceGroups(
    dossier.sources.map((s) => s.id),
    reuse.filter((r) => r.linked),
  );
  const copied = reuse.flatMap((r) => r.copiedProse);
  const claims = recountClaims(dossier.claims, groups, copied);

  stage('provenance');
  const provenance = buildProvenance({ dossier: { ...dossier, claims }, analyses: byId });

  stage('profiles');
  const profiles = buildProfiles({ dossier: { ...dossier, claims }, texts, analyses: byId, stopWords });

  stage('summary');
  const summary = buildSummary({ sources: texts, groups, copied, claims, conflicts: dossier.conflicts, stopWords });

  const warnings = copyWarnings(identical, groups);
  return { ...dossier, claims, reuse: reuse.map(publicReuse), summary, provenance, profiles, sourceGroups: groups, ...(warnings.length ? { warnings } : {}) };
}
