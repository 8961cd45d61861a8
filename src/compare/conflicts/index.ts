import type { Conflict } from '../../model/dossier.js';
import type { ClaimStage } from '../claims/index.js';
import type { QuoteStage } from '../quotes/index.js';
import type { SourceDoc } from '../source-doc.js';
import { attributionConflicts } from './attribution.js';
import { dateConflicts } from './date.js';
import { descriptorConflicts } from './descriptor.js';
import { numberConflicts } from './number.js';
import { polarityConflicts } from './polarity.js';
import { quoteConflicts } from './quote.js';

/**
 * Not run: event-date conflicts (./event-date.ts) fired on 22 of 100 BASIL events, mostly on
 * different events' dates inside loosely grouped claims; they need event matching first.
 *
 * Every conflict detector, each a small pass over the sources (and the quote and claim stages),
 * in the order the dossier lists their kinds.
 */
export function findConflicts(docs: SourceDoc[], quotes: QuoteStage, claims: ClaimStage): Conflict[] {
  return [
    ...attributionConflicts(docs, quotes),
    ...dateConflicts(docs),
    ...numberConflicts(docs, claims),
    ...descriptorConflicts(docs),
    ...polarityConflicts(docs),
    ...quoteConflicts(quotes.clusters),
  ];
}
