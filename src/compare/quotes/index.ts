import type { QuoteCluster } from '../../model/dossier.js';
import { LexicalMatcher, type Matcher } from '../matcher.js';
import type { SourceDoc } from '../source-doc.js';
import { clusterUnits, toQuoteCluster } from './cluster.js';
import { quoteUnits, type QuoteUnit } from './units.js';

export interface QuoteStage {
  units: QuoteUnit[];
  clusters: QuoteCluster[];
  /** The unit groups behind `clusters`, same order. */
  groups: QuoteUnit[][];
}

/**
 * Quote clustering and fidelity grading: every quoted sentence of every source, grouped into
 * utterances across sources (consecutive sentences that outlets quote together joined into one; see
 * cluster.ts), each group's renderings (a source's consecutive sentences of one quotation) graded
 * against its reference rendering. Only utterances rendered by two or more sources are kept: one
 * source alone has nothing to compare. `groups` hold sentence units, `clusters` renderings.
 */
export function compareQuotes(docs: SourceDoc[], makeMatcher: (units: QuoteUnit[]) => Matcher = (u) => new LexicalMatcher(u)): QuoteStage {
  const units = docs.flatMap(quoteUnits);
  const matcher = makeMatcher(units);
  const { groups: all, sentenceOf } = clusterUnits(units, matcher);
  const groups = all.filter((g) => new Set(g.map((u) => u.source)).size >= 2);
  return { units, groups, clusters: groups.map((g) => toQuoteCluster(g, docs, sentenceOf)) };
}
