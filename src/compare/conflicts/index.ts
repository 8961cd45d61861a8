import type { Conflict } from '../../model/dossier.js';
import type { ClaimStage } from '../claims/index.js';
import type { QuoteStage } from '../quotes/index.js';
import type { SourceDoc } from '../source-doc.js';

export function findConflicts(_docs: SourceDoc[], _quotes: QuoteStage, _claims: ClaimStage): Conflict[] {
  return [];
}
