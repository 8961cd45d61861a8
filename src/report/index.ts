import type { Dossier } from '../model/dossier.js';

export type ReportFormat = 'terminal' | 'json' | 'md' | 'html';

export interface RenderOptions {
  /** ANSI colour (terminal format only). */
  color?: boolean;
  /** Columns available (terminal format only). */
  width?: number;
}

// PLACEHOLDER until the reports issue lands: JSON for every format.
export function renderDossier(dossier: Dossier, format: ReportFormat, _options: RenderOptions = {}): string {
  void format;
  return JSON.stringify(dossier, null, 2) + '\n';
}
