import { readFeed } from '../ingest/feed.js';
import { readInputs, type ReadOptions } from '../ingest/index.js';
import type { Article } from '../model/article.js';
import { urlKey } from '../store/identity.js';
import type { Corpus, IngestOutcome } from '../store/corpus.js';
import { conditionalGet, type ConditionalOptions, type ConditionalResult, type Validators } from './conditional-fetch.js';

/**
 * Polls feeds for weeks: each feed on its own timer, conditional requests so an unchanged feed costs
 * one 304, exponential back-off with jitter after errors (reset by the first success), and new items'
 * pages fetched and ingested. Items already stored (same URL) are not fetched again, and each feed's
 * validators are kept in the store (when it keeps them: SQLite), so a restart, or the next
 * `watch --once`, starts with a conditional request.
 */
export interface WatchOptions extends ConditionalOptions {
  /** Seconds between polls of a healthy feed. */
  intervalSeconds: number;
  /** Longest wait after repeated errors. */
  maxBackoffSeconds?: number;
  /** Poll every feed once and stop (for cron-style use and tests). */
  once?: boolean;
  log?: (event: WatchEvent) => void;
  /** Stops the loop when aborted. */
  signal?: AbortSignal;
  /** The conditional GET to use (tests stub it; defaults to conditionalGet). */
  get?: (url: string, v: Validators, o: ConditionalOptions) => Promise<ConditionalResult>;
}

export type WatchEvent =
  | { event: 'poll'; feed: string; status: 'not-modified' | 'ok' | 'error'; items?: number; reason?: string; nextInSeconds: number }
  | { event: 'article'; feed: string; origin: string; status: IngestOutcome['status']; id: string; story: string }
  | { event: 'problem'; feed: string; origin: string; reason: string }
  | { event: 'revision'; feed: string; moved: number; splits: number; stories: string[] };

/** Back-off doubles per consecutive failure from the interval up to this cap (6 hours): a dead feed costs 4 requests a day. */
export const DEFAULT_MAX_BACKOFF_SECONDS = 6 * 3600;
/** Random spread applied to each wait (±10%) so many feeds on one host do not poll in lockstep. */
const JITTER = 0.1;

interface FeedState {
  url: string;
  validators: Validators;
  failures: number;
}

export function nextDelaySeconds(interval: number, failures: number, maxBackoff: number, retryAfterSeconds: number | null = null, random = Math.random): number {
  const base = failures === 0 ? interval : Math.min(maxBackoff, interval * 2 ** Math.min(failures, 30));
  const jittered = base * (1 + JITTER * (2 * random() - 1));
  return Math.max(retryAfterSeconds ?? 0, jittered);
}

export async function pollOnce(corpus: Corpus, state: FeedState, options: WatchOptions): Promise<{ result: ConditionalResult; articles: number }> {
  const get = options.get ?? conditionalGet;
  const result = await get(state.url, state.validators, options);
  if (result.status !== 'ok') return { result, articles: 0 };
  const feed = readFeed(state.url, result.body);
  if (!feed.ok) return { result: { status: 'error', reason: feed.reason, retryAfterMs: null }, articles: 0 };
  let n = 0;
  let problems = 0;
  const problem = (origin: string, reason: string): void => {
    problems++;
    options.log?.({ event: 'problem', feed: state.url, origin, reason });
  };
  const readOptions: ReadOptions = { fetch: true };
  if (options.allowPrivateNetwork) readOptions.allowPrivateNetwork = true;
  if (options.timeoutMs !== undefined) readOptions.timeoutMs = options.timeoutMs;
  if (options.maxBytes !== undefined) readOptions.maxBytes = options.maxBytes;
  for (const entry of feed.entries) {
    let articles: Article[];
    if (entry.kind === 'error') {
      problem(entry.origin, entry.reason);
      continue;
    }
    if (entry.kind === 'article') articles = [entry.article];
    else {
      // Known URL: stored already (a changed page is picked up when its feed item changes to full text).
      if (await corpus.store.byUrl(urlKey({ url: entry.url, origin: entry.url }))) continue;
      const read = await readInputs([entry.url], readOptions);
      for (const p of read.problems) if (p.level === 'error') problem(p.origin, p.reason);
      articles = read.articles.map((a) => ({ ...a, title: a.title ?? entry.meta.title ?? null, published: a.published ?? entry.meta.published ?? null, outlet: a.outlet ?? entry.meta.outlet ?? null }));
    }
    for (const a of articles) {
      try {
        const o = await corpus.ingest(a);
        if (o.status !== 'duplicate') n++;
        options.log?.({ event: 'article', feed: state.url, origin: a.origin, status: o.status, id: o.id, story: o.story });
      } catch (e) {
        problem(a.origin, (e as Error).message);
      }
    }
  }
  // Kept only after a read with nothing left to retry: a 304 next time must not hide a failed item.
  if (problems === 0) {
    state.validators = result.validators;
    await corpus.store.saveFeedValidators?.(state.url, result.validators);
  }
  return { result, articles: n };
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

/** Runs until `signal` aborts (or after one round with `once`). */
export async function watchFeeds(corpus: Corpus, feeds: string[], options: WatchOptions): Promise<void> {
  const maxBackoff = options.maxBackoffSeconds ?? DEFAULT_MAX_BACKOFF_SECONDS;
  const loops = feeds.map(async (url) => {
    const kept = await corpus.store.feedValidators?.(url);
    const state: FeedState = { url, validators: kept ?? { etag: null, lastModified: null }, failures: 0 };
    while (!options.signal?.aborted) {
      let outcome;
      try {
        outcome = await pollOnce(corpus, state, options);
      } catch (e) {
        outcome = { result: { status: 'error' as const, reason: (e as Error).message, retryAfterMs: null }, articles: 0 };
      }
      if (outcome.articles > 0) {
        // New articles: revise the open stories (moves and splits are recorded as story events).
        try {
          const rev = await corpus.revise();
          if (rev && rev.moved > 0) options.log?.({ event: 'revision', feed: url, moved: rev.moved, splits: rev.splits, stories: rev.stories });
        } catch (e) {
          options.log?.({ event: 'problem', feed: url, origin: url, reason: `revision failed: ${(e as Error).message}` });
        }
      }
      const r = outcome.result;
      state.failures = r.status === 'error' ? state.failures + 1 : 0;
      const wait = nextDelaySeconds(options.intervalSeconds, state.failures, maxBackoff, r.status === 'error' && r.retryAfterMs !== null ? r.retryAfterMs / 1000 : null);
      options.log?.({
        event: 'poll',
        feed: url,
        status: r.status,
        ...(r.status === 'ok' ? { items: outcome.articles } : {}),
        ...(r.status === 'error' ? { reason: r.reason } : {}),
        nextInSeconds: Math.round(wait),
      });
      if (options.once) return;
      await sleep(wait * 1000, options.signal);
    }
  });
  await Promise.all(loops);
}
