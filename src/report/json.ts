import type { Dossier } from '../model/dossier.js';

/** The dossier as JSON (schemas/dossier.schema.json), two-space indented, with a final newline. */
export function renderJson(dossier: Dossier): string {
  return JSON.stringify(dossier, null, 2) + '\n';
}
