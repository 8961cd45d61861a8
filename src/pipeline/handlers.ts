import { buildDossier } from '../compare/dossier.js';
import { fillStoredYears } from '../extract/stated-date.js';
import { htmlArticle, plainTextArticle } from '../ingest/articles.js';
import { charsetOf, fetchUrl, FetchError, type FetchOptions } from '../ingest/fetch.js';
import { decodeBytes } from '../ingest/decode.js';
import type { Article } from '../model/article.js';
import { analyzeArticle } from '../nlp/analyze.js';
import type { ArticleAnalysis } from '../nlp/types.js';
import type { Corpus } from '../store/corpus.js';
import { contentId } from '../store/identity.js';
import type { ArticleStore } from '../store/types.js';
import type { ItemRow, PipelineItems } from './items.js';
import type { SharedDossiers } from './shared-dossiers.js';
import type { ItemStage, NextJob, Stage } from './stages.js';

/**
 * Stage handlers: each a function of an id and the stores, returning the jobs to run next. They keep
 * no state and are idempotent: a handler given an item that already passed its stage does nothing
 * but point at where the item is now, so a job delivered twice stores nothing twice. The queue
 * workers (queues.ts) and the in-process path (inprocess.ts) call these same functions.
 */
export interface StageContext {
  items: PipelineItems;
  store: ArticleStore;
  /** The clustering state, opened on first use (only assign and revise need it). */
  corpus: () => Promise<Corpus>;
  dossiers: SharedDossiers;
  fetch?: FetchOptions;
}

/** A failure that retrying cannot fix (a page with no article text): the item is parked at once. */
export class PoisonError extends Error {
  override name = 'PoisonError';
}

export type Handler = (ctx: StageContext, id: string) => Promise<NextJob[]>;

/** The single id of the revise job: one revision of the open stories at a time is enough. */
export const REVISE_ID = 'open-stories';

/** Where a row that is past `stage` goes next (re-delivered job): its current stage, if it is still moving. */
function whereNow(row: ItemRow): NextJob[] {
  return row.stage === 'done' || row.stage === 'failed' ? [] : [{ stage: row.stage, id: row.id }];
}

async function itemAt(ctx: StageContext, id: string, stage: ItemStage): Promise<{ row: ItemRow; next: null } | { row: null; next: NextJob[] }> {
  const row = await ctx.items.get(id);
  if (!row) return { row: null, next: [] };
  if (row.stage !== stage) return { row: null, next: whereNow(row) };
  return { row, next: null };
}

const articleOf = (row: ItemRow): Article => {
  if (!row.article) throw new PoisonError(`${row.origin}: no article stored for this item`);
  return JSON.parse(row.article) as Article;
};

const fetchStage: Handler = async (ctx, id) => {
  const { row, next } = await itemAt(ctx, id, 'fetch');
  if (!row) return next;
  let page;
  try {
    page = await fetchUrl(row.url ?? row.origin, ctx.fetch ?? {});
  } catch (e) {
    // 4xx other than 408/429 will not change on retry; network errors and 5xx may.
    const status = e instanceof FetchError ? e.status : null;
    if (status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429) throw new PoisonError((e as Error).message);
    throw e;
  }
  await ctx.items.advance(id, 'fetch', 'extract', { raw: page.bytes, content_type: page.contentType });
  return [{ stage: 'extract', id }];
};

const extractStage: Handler = async (ctx, id) => {
  const { row, next } = await itemAt(ctx, id, 'extract');
  if (!row) return next;
  const decoded = decodeBytes(row.raw ?? Buffer.alloc(0), Infinity, charsetOf(row.content_type));
  if (!decoded.ok) throw new PoisonError(`${row.origin}: ${decoded.reason}`);
  const html = /html|xml/i.test(row.content_type ?? 'text/html');
  const built = html ? htmlArticle(row.origin, 'html', decoded.text, row.url, decoded.warnings) : plainTextArticle(row.origin, 'text', decoded.text, decoded.warnings);
  if (!built.ok) throw new PoisonError(`${row.origin}: ${built.reason}`);
  await ctx.items.advance(id, 'extract', 'analyze', { article_id: contentId(built.article), article: JSON.stringify(built.article) });
  return [{ stage: 'analyze', id }];
};

const analyzeStage: Handler = async (ctx, id) => {
  const { row, next } = await itemAt(ctx, id, 'analyze');
  if (!row) return next;
  const { article: _article, ...rest } = analyzeArticle(articleOf(row));
  // The article is stored once, beside the analysis; it is put back when the analysis is read.
  await ctx.items.advance(id, 'analyze', 'assign', { analysis: JSON.stringify(rest) });
  return [{ stage: 'assign', id }];
};

const assignStage: Handler = async (ctx, id) => {
  const { row, next } = await itemAt(ctx, id, 'assign');
  if (!row) return next;
  // Corpus.ingest is idempotent by content id: a retry after a crash between the commit and the
  // advance below finds the article stored and returns its story.
  const outcome = await (await ctx.corpus()).ingest(articleOf(row));
  await ctx.items.advance(id, 'assign', 'done', { story_id: outcome.story });
  return [
    { stage: 'dossier', id: outcome.story },
    { stage: 'revise', id: REVISE_ID },
  ];
};

const reviseStage: Handler = async (ctx) => {
  const corpus = await ctx.corpus();
  await corpus.catchUp();
  if (corpus.arrivalsSinceRevision === 0) return [];
  const rev = await corpus.revise();
  return (rev?.stories ?? []).map((s) => ({ stage: 'dossier' as const, id: s }));
};

const dossierStage: Handler = async (ctx, id) => {
  const live = (await ctx.store.story(id)) ?? (await ctx.store.story((await ctx.store.resolveStory(id)) ?? ''));
  if (!live || (await ctx.dossiers.has(live.id, live.version))) return [];
  const records = await ctx.store.storyArticles(live.id);
  const stored = await ctx.items.analyses(records.map((r) => r.id));
  // A day stated without its year takes it from the story's other articles, else from the ingest;
  // an article so dated is analysed again (its analysis was made without a date).
  const articles = fillStoredYears(records);
  const dated = new Set(articles.filter((a, i) => a !== records[i]?.article).map((a) => contentId(a)));
  const analyze = (a: Article): ArticleAnalysis => {
    const json = dated.has(contentId(a)) ? undefined : stored.get(contentId(a));
    return json ? { ...(JSON.parse(json) as Omit<ArticleAnalysis, 'article'>), article: a } : analyzeArticle(a);
  };
  const dossier = buildDossier(articles, { analyze });
  await ctx.dossiers.put(live.id, live.version, JSON.stringify(dossier));
  await ctx.store.setConflictCount(live.id, live.version, dossier.conflicts.length);
  return [];
};

export const HANDLERS: Record<Stage, Handler> = {
  fetch: fetchStage,
  extract: extractStage,
  analyze: analyzeStage,
  assign: assignStage,
  revise: reviseStage,
  dossier: dossierStage,
};
