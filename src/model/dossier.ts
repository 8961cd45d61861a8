import type { Article } from './article.js';
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
  /** `published` was in no metadata: it is the date the text states here (inferred). */
  publishedInferred?: { start: number; end: number; text: string };
  /** The language the source is written in, as detected (added; absent in older dossiers). */
  language?: SourceLanguage;
}

/** A source's language and whether the language layer reads it (src/nlp/language.ts). */
export interface SourceLanguage {
  /** ISO 639-1 code, or "und" when the text gave too little to tell. */
  code: string;
  reliable: boolean;
  supported: boolean;
  /** The plain warning shown when the layer does not read this language. */
  note?: string;
}

/** The addition of an article's source entry: `publishedInferred` (its date was read from its text). */
export function publishedInferred(a: Article): Pick<DossierSource, 'publishedInferred'> {
  const s = a.statedDate;
  return s && a.published !== null ? { publishedInferred: { start: s.start, end: s.end, text: a.text.slice(s.start, s.end) } } : {};
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
  /** Several sources report it but all reuse one article's text: not corroborated (independence stage). */
  copiesOnly?: boolean;
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
  /** Added (number conflicts): the figures differ between publication times; the later side, which may be an update. */
  possibleUpdate?: { value: string; sources: string[] };
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
  // Written by the independence stage as Provenance[] and SourceProfile[] (below); typed loosely until
  // every reader (src/report's fixtures) uses those shapes, so tightening breaks no one's build.
  provenance?: unknown[];
  profiles?: unknown[];
  /** Sources that reuse one another's text, merged (every source in exactly one group). */
  sourceGroups?: string[][];
  /** What a reader must know before trusting the counts (identical inputs, copies); absent when none. */
  warnings?: DossierWarning[];
}

/** A dossier-level warning: `identical-inputs` (the same text given more than once), `copies` (sources reusing one another's text). */
export interface DossierWarning {
  kind: 'identical-inputs' | 'copies';
  /** The sources concerned, sorted. */
  sources: string[];
  message: string;
}

/** Added by the independence stage: how a quote or claim travelled, as the sources tell it. */
export type ProvenanceRole = 'speaker' | 'channel' | 'outlet' | 'obtained-by' | 'published-by';

export interface ProvenanceStep {
  actor: string;
  role: ProvenanceRole;
  /** Where a source names this step; empty for an outlet step (the source itself publishes it). */
  evidence: Evidence[];
  /** Sources whose account includes this step, sorted. */
  sources: string[];
}

export interface Provenance {
  id: string;
  subject: { kind: 'quote' | 'claim'; id: string };
  chain: ProvenanceStep[];
  /** Sources name different actors for one role (e.g. two different agencies the speaker talked to). */
  disputed: boolean;
  /** What the sources disagree on, in words, when disputed. */
  note?: string;
}

/** One finding in a source profile: a term from a lexicon and where it occurs. */
export interface ProfileFinding {
  term: string;
  evidence: Evidence[];
}

export interface LoadedFinding extends ProfileFinding {
  /** The same fact in another source without the loaded word, when one was found. */
  neutral: Evidence | null;
}

export interface SpellingFinding {
  /** This source's spelling, found in no other source. */
  name: string;
  /** The spelling the other sources use. */
  others: string;
  evidence: Evidence[];
  otherEvidence: Evidence[];
}

export interface SourceProfile {
  source: string;
  words: number;
  quotes: number;
  claims: number;
  /** Share of this source's claims that no other source reports (null without claims). */
  singleSourceShare: number | null;
  hedges: ProfileFinding[];
  unsourcedGeneralisations: ProfileFinding[];
  loadedLanguage: LoadedFinding[];
  engagementBait: ProfileFinding[];
  nameSpellings: SpellingFinding[];
}

/** Source ids follow input order: `s0`, `s1`, ... */
export const sourceId = (index: number): string => `s${index}`;

/**
 * A dossier with its sources and their boilerplate and no findings yet: where the cross-source stages
 * start, and what a stage can be tested on alone.
 */
export function sourcesOnlyDossier(articles: Article[]): Dossier {
  return {
    schema: DOSSIER_SCHEMA,
    sources: articles.map((a, i) => ({ id: sourceId(i), origin: a.origin, outlet: a.outlet, title: a.title, published: a.published, text: a.text, ...publishedInferred(a) })),
    quotes: [],
    claims: [],
    conflicts: [],
    reuse: [],
    boilerplate: articles.flatMap((a, i) =>
      a.boilerplate.map((b) => ({ source: sourceId(i), start: b.start, end: b.end, text: a.text.slice(b.start, b.end), reason: b.reason })),
    ),
    summary: [],
  };
}
