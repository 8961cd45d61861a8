import type { Corpus } from '../store/corpus.js';
import { pollOnce } from '../watch/watcher.js';

/**
 * Reads a feed once, as one poll of `watch` does: the safe fetcher (private addresses refused unless
 * allowed, redirect, time and size caps), each full-text item ingested, each link-only item fetched
 * the same way. Results come one per item, in feed order; a feed that cannot be read is one error.
 */
export interface FeedItemResult {
  origin: string;
  status: 'stored' | 'duplicate' | 'version' | 'error';
  id?: string;
  story?: string;
  error?: string;
}

export interface FeedOnceOptions {
  allowPrivateNetwork?: boolean;
  timeoutMs?: number;
}

export async function readFeedOnce(corpus: Corpus, url: string, options: FeedOnceOptions = {}): Promise<FeedItemResult[]> {
  const results: FeedItemResult[] = [];
  const state = { url, validators: { etag: null, lastModified: null }, failures: 0 };
  const { result } = await pollOnce(corpus, state, {
    intervalSeconds: 0,
    ...options,
    log: (e) => {
      if (e.event === 'article') results.push({ origin: e.origin, status: e.status, id: e.id, story: e.story });
      else if (e.event === 'problem') results.push({ origin: e.origin, status: 'error', error: e.reason });
    },
  });
  if (result.status === 'error') return [{ origin: url, status: 'error', error: result.reason }];
  if (results.length === 0) return [{ origin: url, status: 'error', error: 'the feed has no items' }];
  return results;
}
