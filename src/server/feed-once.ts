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

/**
 * `onResult` sees each result as soon as it is known (a slow feed's items are fetched one by one), so a
 * caller can stream them; the returned list holds them all.
 */
export async function readFeedOnce(corpus: Corpus, url: string, options: FeedOnceOptions = {}, onResult: (r: FeedItemResult) => void = () => {}): Promise<FeedItemResult[]> {
  const results: FeedItemResult[] = [];
  const add = (r: FeedItemResult): void => {
    results.push(r);
    onResult(r);
  };
  const state = { url, validators: { etag: null, lastModified: null }, failures: 0 };
  const { result } = await pollOnce(corpus, state, {
    intervalSeconds: 0,
    ...options,
    log: (e) => {
      if (e.event === 'article') add({ origin: e.origin, status: e.status, id: e.id, story: e.story });
      else if (e.event === 'problem') add({ origin: e.origin, status: 'error', error: e.reason });
    },
  });
  if (result.status === 'error') add({ origin: url, status: 'error', error: result.reason });
  else if (results.length === 0) add({ origin: url, status: 'error', error: 'the feed has no items' });
  return results;
}
