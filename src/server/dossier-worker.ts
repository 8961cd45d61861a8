import { buildDossier } from '../compare/dossier.js';
import type { Article } from '../model/article.js';
import type { Dossier } from '../model/dossier.js';
import { analyzeEach } from '../nlp/analyze-each.js';

// The worker side of serve's dossier builds (src/server/dossier-cache.ts): a story's dossier built off
// the event loop, so /health and cached reads answer while it runs, and stopped at its deadline.

export default function dossierTask(articles: Article[]): Dossier {
  // An article whose analysis fails is left out of the dossier, not the whole story.
  const { articles: analysed, analyze } = analyzeEach(articles);
  return buildDossier(analysed, { analyze });
}
