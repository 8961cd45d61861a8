import { makeArticle, normaliseBoilerplate, type Article, type ArticleMeta, type BoilerplateSpan, type InputKind } from '../model/article.js';
import { markBoilerplateLines } from '../extract/boilerplate.js';
import type { HtmlResult } from '../extract/html.js';
import { extractHtmlBounded, type BoundedOptions } from '../extract/pool.js';
import extractTask from '../extract/worker.js';
import { normalisePublished } from '../extract/dates.js';
import { firstLineTitle } from '../extract/title.js';
import { statedDate, statedIso } from '../extract/stated-date.js';
import { parseFrontMatter } from './front-matter.js';
import { textBudgetProblem } from './budgets.js';

// Builds Articles from decoded text, one function per kind of text. Each returns the article or the
// one-sentence reason it could not be read.

export type Built = { ok: true; article: Article } | { ok: false; reason: string };

const diagnosticsOf = (warnings: string[]): Article['diagnostics'] => warnings.map((message) => ({ level: 'warning', message }));

/**
 * Plain text or Markdown: `text` is the input exactly as read; front matter supplies metadata and is
 * marked as boilerplate, as are junk lines in the rest. Without a title in the metadata, the first
 * line is the title (src/extract/title.ts).
 */
export function plainTextArticle(origin: string, kind: InputKind, text: string, warnings: string[] = [], meta: Partial<ArticleMeta> = {}): Built {
  const over = textBudgetProblem(text);
  if (over) return { ok: false, reason: over };
  const front = parseFrontMatter(text);
  const boilerplate: BoilerplateSpan[] = [];
  if (front) boilerplate.push({ ...front.span, reason: 'front-matter' });
  const from = front?.span.end ?? 0;
  if (!text.slice(from).trim()) return { ok: false, reason: front ? 'no text after the front matter' : 'empty input' };
  boilerplate.push(...markBoilerplateLines(text, from));
  const merged = { ...meta, ...front?.meta };
  if (!merged.title) {
    const title = firstLineTitle(text, boilerplate, from);
    if (title) merged.title = title;
  }
  if (merged.published) merged.published = normalisePublished(merged.published) ?? merged.published;
  // No date in the metadata: the date the text states for itself, if any (recorded as inferred).
  const stated = merged.published ? null : statedDate(text, normaliseBoilerplate(boilerplate), from);
  if (stated) merged.published = statedIso(stated);
  return {
    ok: true,
    article: makeArticle({
      origin,
      kind,
      text,
      meta: merged,
      boilerplate,
      diagnostics: diagnosticsOf([...warnings, ...(front?.warnings ?? [])]),
      ...(stated ? { statedDate: stated } : {}),
    }),
  };
}

/** An HTML page: the extracted article text, with metadata from the page (given metadata wins). */
export function htmlArticle(origin: string, kind: InputKind, html: string, pageUrl: string | null, warnings: string[] = [], meta: Partial<ArticleMeta> = {}): Built {
  return fromExtraction(origin, kind, extractTask({ html, pageUrl }), warnings, meta);
}

/**
 * htmlArticle within a deadline: large pages (or all, with `alwaysInWorker`) are extracted in a worker
 * that is stopped when the deadline passes, so no page can stall the process.
 */
export async function htmlArticleBounded(
  origin: string,
  kind: InputKind,
  html: string,
  pageUrl: string | null,
  warnings: string[] = [],
  options: BoundedOptions = {},
  meta: Partial<ArticleMeta> = {},
): Promise<Built> {
  return fromExtraction(origin, kind, await extractHtmlBounded(html, pageUrl, options), warnings, meta);
}

function fromExtraction(origin: string, kind: InputKind, r: HtmlResult, warnings: string[], meta: Partial<ArticleMeta>): Built {
  if (!r.ok) return r;
  const over = textBudgetProblem(r.text);
  if (over) return { ok: false, reason: over };
  const given = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== null && v !== undefined)) as Partial<ArticleMeta>;
  return {
    ok: true,
    article: makeArticle({ origin, kind, text: r.text, meta: { ...r.meta, ...given }, boilerplate: r.boilerplate, diagnostics: diagnosticsOf(warnings) }),
  };
}
