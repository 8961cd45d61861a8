import type { Dossier } from '../model/dossier.js';
import type { RenderOptions, ReportFormat } from './index.js';

/**
 * renderDossier for a one-shot command: loads only the chosen format's renderer (the HTML page, its
 * script and styles are not loaded to print JSON). The same renderers as renderDossier, so the same
 * output.
 */
export async function renderDossierLoading(dossier: Dossier, format: ReportFormat, options: RenderOptions = {}): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).renderJson(dossier);
    case 'md':
      return (await import('./markdown.js')).renderMarkdown(dossier);
    case 'html':
      return (await import('./html/page.js')).renderHtml(dossier);
    case 'terminal':
      return (await import('./terminal.js')).renderTerminal(dossier, options);
  }
}
