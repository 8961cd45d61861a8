import { createHash } from 'node:crypto';
import type { Span } from './span.js';

/** Why a stretch of an article's text is not article prose. Kept with the span so extraction can be audited. */
export interface BoilerplateSpan extends Span {
  reason: string;
}

/** A date the text states for itself (a dateline, "today (9 July)"), with its span; year null when not stated. */
export interface StatedDate extends Span {
  year: number | null;
  month: number;
  day: number;
  /** The weekday the text names with the day (0 Sunday), when it names one. */
  weekday?: number;
}

export interface Diagnostic {
  level: 'warning' | 'error';
  message: string;
}

/** The form an input came in; it decides what `text` is (see docs/architecture.md). */
export type InputKind = 'text' | 'markdown' | 'html' | 'jsonl' | 'feed';

/**
 * One input document. `text` is never rewritten after ingest: every later span indexes it.
 * For .txt/.md input it is the file exactly as read (UTF-8, BOM skipped, front matter included and
 * marked as boilerplate); for HTML, feeds and JSONL it is the extracted article text.
 */
export interface Article {
  /** Content-derived id: the same origin and text always give the same id. */
  id: string;
  /** Path or URL the article was read from (for feed/JSONL items: the file plus `#N`). */
  origin: string;
  kind: InputKind;
  outlet: string | null;
  title: string | null;
  /** ISO 8601 (date or date-time) when known. */
  published: string | null;
  author: string | null;
  url: string | null;
  text: string;
  /** Non-article stretches of `text`, sorted by start, non-overlapping. Marked, never deleted. */
  boilerplate: BoilerplateSpan[];
  diagnostics: Diagnostic[];
  /**
   * Set when no metadata gave a published date and the text states one (src/extract/stated-date.ts):
   * `published` then holds it, inferred from this span, once its year is known.
   */
  statedDate?: StatedDate;
  /** The language the text is written in (ISO 639-1 code), when detected (src/extract/language.ts). */
  language?: string;
}

export type ArticleMeta = Pick<Article, 'outlet' | 'title' | 'published' | 'author' | 'url'>;

export const EMPTY_META: ArticleMeta = { outlet: null, title: null, published: null, author: null, url: null };

export function articleId(origin: string, text: string): string {
  return createHash('sha256').update(origin).update('\u0000').update(text).digest('hex').slice(0, 16);
}

export function makeArticle(init: {
  origin: string;
  kind: InputKind;
  text: string;
  meta?: Partial<ArticleMeta>;
  boilerplate?: BoilerplateSpan[];
  diagnostics?: Diagnostic[];
  statedDate?: StatedDate;
}): Article {
  return {
    id: articleId(init.origin, init.text),
    origin: init.origin,
    kind: init.kind,
    ...EMPTY_META,
    ...init.meta,
    text: init.text,
    boilerplate: normaliseBoilerplate(init.boilerplate ?? []),
    diagnostics: init.diagnostics ?? [],
    ...(init.statedDate ? { statedDate: init.statedDate } : {}),
  };
}

/** Sorts and merges overlapping marks (the first reason wins) so `boilerplate` is a clean partition. */
export function normaliseBoilerplate(spans: BoilerplateSpan[]): BoilerplateSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: BoilerplateSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end, reason: s.reason });
  }
  return out;
}

/** `text` less the marked spans: what later stages read as article prose. */
export function bodyOf(article: Pick<Article, 'text' | 'boilerplate'>): string {
  let out = '';
  let at = 0;
  for (const b of article.boilerplate) {
    out += article.text.slice(at, b.start);
    at = b.end;
  }
  return out + article.text.slice(at);
}

/** True when the span touches no boilerplate. */
export function isProse(article: Pick<Article, 'boilerplate'>, span: Span): boolean {
  return !article.boilerplate.some((b) => Math.min(b.end, span.end) > Math.max(b.start, span.start));
}

/**
 * The publication time given by metadata, leaving out a date read from the text (`statedDate`).
 * Clustering reads this one: a date the text states may be another event's ("a September quake"),
 * and on ECB+ letting it open or close the story window split real stories (B3F1 0.907 -> 0.861).
 */
export function metadataPublished(a: Pick<Article, 'published' | 'statedDate'>): string | null {
  return a.statedDate ? null : a.published;
}
