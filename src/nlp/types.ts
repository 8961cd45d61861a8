import type { Article } from '../model/article.js';
import type { Span } from '../model/span.js';
import type { LanguageInfo } from './language.js';

/**
 * What the language layer reads off one article. Every item is a span into `article.text`
 * (UTF-16, end exclusive). Produced by `analyzeArticle` (src/nlp/analyze.ts); consumed by the
 * cross-source stages in src/compare.
 */
export interface ArticleAnalysis {
  article: Article;
  paragraphs: Span[];
  sentences: Sentence[];
  quotes: Quote[];
  mentions: Mention[];
  /** Canonical entities of this article (after within-article coreference). */
  entities: Entity[];
  dates: DateMention[];
  numbers: NumberMention[];
  /** The article's language as detected (src/nlp/language.ts); absent on analyses built by hand. */
  language?: LanguageInfo;
}

export interface Sentence extends Span {
  /** Index into `paragraphs`. */
  paragraph: number;
  /** True for a line without final punctuation that reads as a headline or standfirst. */
  headline: boolean;
}

export interface Quote extends Span {
  /** The quoted words without the quotation marks (`article.text.slice(start, end)`). */
  text: string;
  /**
   * A quote interrupted by its attribution ("We are," he said, "and ...") has several parts; the
   * quote's own span runs from the first part's start to the last part's end. One part otherwise.
   */
  parts: Span[];
  /** Span of the opening and closing marks (when direct). */
  open: Span | null;
  close: Span | null;
  /** Canonical speaker name within the article, or null when the text does not say. */
  speaker: string | null;
  /** Where the speaker is named or referred to for this quote (a pronoun or descriptor counts). */
  speakerSpan: Span | null;
  /** The cue word or phrase: "said", "told", "according to". */
  cue: string | null;
  cueSpan: Span | null;
  /** Who it was said to, or the channel: "reporters", "Russian state news agency Tass", "social media". */
  addressee: string | null;
  addresseeSpan: Span | null;
  direct: boolean;
  /** A quote inside a quote: index of the enclosing quote in `quotes`. */
  nestedIn: number | null;
  /** The text marks words as censored (sh*t, f---) or as an insertion ([the minister]) or elision (…). */
  censored: boolean;
  /** Partial quote inside a sentence (a few quoted words, not a whole clause). */
  partial: boolean;
}

export type EntityKind = 'person' | 'org' | 'place';

export interface Mention extends Span {
  text: string;
  kind: EntityKind;
  /** Canonical name within the article ("Maria Okafor" for "Okafor"; "TASS" for "Tass"). */
  canonical: string;
  /** The role or status the outlet attached to this mention ("former President", "spokesman"). */
  descriptor: string | null;
  descriptorSpan: Span | null;
}

export interface Entity {
  canonical: string;
  kind: EntityKind;
  /** Indices into `mentions`. */
  mentions: number[];
  /** Every descriptor the article attaches to this entity, with its span. */
  descriptors: { text: string; span: Span }[];
}

export interface DateMention extends Span {
  text: string;
  /**
   * The resolved value, as precise as the text allows: "2025-07-09", "2025-07", "2025", or null when it
   * cannot be resolved (a relative expression with no publication date) — never a guess.
   */
  value: string | null;
  granularity: 'day' | 'month' | 'year' | 'time' | null;
  relative: boolean;
}

export interface NumberMention extends Span {
  text: string;
  /** The value in base units: "23.4 million" -> 23400000; "10 per cent" -> 10 (with unit "%"). */
  value: number | null;
  /** "%", "USD", "EUR", "GBP", "km", "people", ... or null for a bare count. */
  unit: string | null;
  /** "thousands", "dozens", "several": a quantity with no exact value. */
  vague: boolean;
  /** For a vague quantity, the order of magnitude it implies ("thousands" -> 1000), when it implies one. */
  magnitude?: number;
}

/** One entity across several articles ("Okafor" in one, "Maria Okafor" in another). */
export interface LinkedEntity {
  /** The fullest name any article gives it. */
  canonical: string;
  kind: EntityKind;
  /** Every article-level canonical name merged into it. */
  names: string[];
  /** Where it occurs: index into the analyses passed in, and into that analysis's `entities`. */
  occurrences: { article: number; entity: number }[];
}

export interface EntityLinks {
  entities: LinkedEntity[];
  /** Per article (same order as the analyses): article-level canonical name -> cross-article canonical name. */
  canonicalByArticle: Map<string, string>[];
}
