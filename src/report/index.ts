import type { Dossier } from '../model/dossier.js';
import { renderHtml } from './html/page.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTerminal } from './terminal.js';

export type ReportFormat = 'terminal' | 'json' | 'md' | 'html';

export const REPORT_FORMATS: readonly ReportFormat[] = ['terminal', 'json', 'md', 'html'];

export interface RenderOptions {
  /** ANSI colour (terminal format only). Callers pass true only when writing to a terminal. */
  color?: boolean;
  /** Columns available (terminal format only); 80 when not given. */
  width?: number;
}

/** Renders a dossier in one format. Pure: the same dossier and options always give the same string. */
export function renderDossier(dossier: Dossier, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(dossier);
    case 'md':
      return renderMarkdown(dossier);
    case 'html':
      return renderHtml(dossier);
    case 'terminal':
      return renderTerminal(dossier, options);
  }
}
