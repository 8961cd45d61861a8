import type { Evidence } from './span.js';

/**
 * The dossier: crosscheck's main output, `crosscheck analyze --format json`.
 * Shape and meaning are fixed by docs/contract.md (copied from the team's contract) and
 * schemas/dossier.schema.json. Fields may be added; none renamed or removed without a new schema.
 */
export const DOSSIER_SCHEMA = 'crosscheck/dossier@1';

export type Fidelity = 'verbatim' | 'bowdlerised' | 'trimmed' | 'reworded' | 'altered';
export type ClaimStatus = 'corroborated' | 'single-source' | 'contested';
export type ConflictKind = 'attribution' | 'date' | 'number' | 'descriptor' | 'polarity' | 'quote' | 'other';

export interface DossierSource {
  id: string;
  origin: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  text: string;
  author?: string | null;
  url?: string | null;
}

/** One token-level edit of a variant against its cluster's reference. */
export interface DiffOp {
  op: 'same' | 'add' | 'remove';
  text: string;
}

export interface QuoteVariant extends Evidence {
  fidelity: Fidelity;
  reference: boolean;
  speaker: string | null;
  /** Word-level diff against the reference (absent on the reference itself). */
  diff?: DiffOp[];
  /** Why the grade was given, in words ("number differs: 10% vs 20%"). */
  note?: string;
  cue?: string | null;
  addressee?: string | null;
}

export interface QuoteCluster {
  id: string;
  speaker: string | null;
  variants: QuoteVariant[];
}

export interface Claim {
  id: string;
  text: string;
  status: ClaimStatus;
  independentSources: number;
  evidence: Evidence[];
  /** Ids of the sources that support it (evidence sources), sorted. */
  sources?: string[];
}

export interface ConflictSide {
  value: string;
  evidence: Evidence[];
}

export interface Conflict {
  id: string;
  kind: ConflictKind;
  summary: string;
  sides: ConflictSide[];
}

export interface ReusePassage {
  a: Evidence;
  b: Evidence;
}

export interface Reuse {
  a: string;
  b: string;
  score: number;
  passages: ReusePassage[];
  /** Added by the independence stage (docs/contract.md lists the additions). */
  kind?: 'copy' | 'light-rewrite' | 'paraphrase' | 'shared-quotes';
  derivedFrom?: string | null;
  quoteShare?: number;
}

export interface BoilerplateEvidence extends Evidence {
  reason: string;
}

export interface SummarySentence {
  text: string;
  evidence: Evidence[];
}

export interface Dossier {
  schema: typeof DOSSIER_SCHEMA;
  sources: DossierSource[];
  quotes: QuoteCluster[];
  claims: Claim[];
  conflicts: Conflict[];
  reuse: Reuse[];
  boilerplate: BoilerplateEvidence[];
  summary: SummarySentence[];
  /** Added fields (issue: provenance and profiles). Optional so older dossiers still validate. */
  provenance?: unknown[];
  profiles?: unknown[];
}
