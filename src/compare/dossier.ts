import type { Article } from '../model/article.js';
import { DOSSIER_SCHEMA, type Dossier } from '../model/dossier.js';

export interface DossierOptions {
  /** Called between stages, for progress display. */
  onStage?: (stage: string) => void;
}

// PLACEHOLDER until the dossier issue lands: sources and boilerplate only, no findings.
export function buildDossier(articles: Article[], _options: DossierOptions = {}): Dossier {
  const sources = articles.map((a, i) => ({ id: `s${i}`, origin: a.origin, outlet: a.outlet, title: a.title, published: a.published, text: a.text }));
  return {
    schema: DOSSIER_SCHEMA,
    sources,
    quotes: [],
    claims: [],
    conflicts: [],
    reuse: [],
    boilerplate: articles.flatMap((a, i) => a.boilerplate.map((b) => ({ source: `s${i}`, start: b.start, end: b.end, text: a.text.slice(b.start, b.end), reason: b.reason }))),
    summary: [],
  };
}
