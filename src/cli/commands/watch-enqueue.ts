import { readFeed } from '../../ingest/feed.js';
import { conditionalGet, type ConditionalOptions, type Validators } from '../../watch/conditional-fetch.js';
import { DEFAULT_MAX_BACKOFF_SECONDS, nextDelaySeconds } from '../../watch/watcher.js';
import { safeLine } from './corpus-shared.js';
import { requirePostgres } from './worker.js';

/**
 * `watch --redis`: polls the feeds here (conditional requests, back-off as `watch`), and queues each new
 * item for the workers: full-text items at analyze, links at fetch (the page is fetched by a worker).
 * Items already in the pipeline (same URL, same content) are not queued again.
 */
export async function watchAndEnqueue(
  feeds: string[],
  o: { db: string; redis: string; prefix: string; interval: number; once: boolean; signal: AbortSignal; fetch: ConditionalOptions },
): Promise<void> {
  requirePostgres(o.db, 'watch --redis');
  const [{ openPipeline }, { StageQueues }] = await Promise.all([import('../../pipeline/context.js'), import('../../pipeline/queues.js')]);
  const pipeline = await openPipeline(o.db, { poolSize: 2 });
  const queues = await StageQueues.open({ redisUrl: o.redis, prefix: o.prefix });
  const pollFeed = async (url: string, validators: Validators): Promise<{ validators: Validators; ok: boolean }> => {
    const r = await conditionalGet(url, validators, o.fetch);
    if (r.status === 'error') process.stderr.write(`crosscheck: ${safeLine(url)}: ${safeLine(r.reason)}\n`);
    if (r.status !== 'ok') return { validators, ok: r.status === 'not-modified' };
    const feed = readFeed(url, r.body);
    if (!feed.ok) return { validators: r.validators, ok: false };
    let queued = 0;
    for (const e of feed.entries) {
      const added = e.kind === 'article' ? await pipeline.items.addArticle(e.article) : e.kind === 'link' ? await pipeline.items.addUrl(e.url, e.origin) : null;
      if (!added?.added) continue;
      await queues.enqueue([{ stage: e.kind === 'article' ? 'analyze' : 'fetch', id: added.id }]);
      queued++;
    }
    process.stdout.write(`${safeLine(url)}: ${queued} new items queued\n`);
    return { validators: r.validators, ok: true };
  };
  try {
    await Promise.all(
      feeds.map(async (url) => {
        let validators: Validators = { etag: null, lastModified: null };
        for (let failures = 0; !o.signal.aborted; ) {
          const r = await pollFeed(url, validators).catch(() => ({ validators, ok: false }));
          validators = r.validators;
          failures = r.ok ? 0 : failures + 1;
          if (o.once) return;
          await new Promise<void>((done) => {
            const t = setTimeout(done, nextDelaySeconds(o.interval, failures, DEFAULT_MAX_BACKOFF_SECONDS) * 1000);
            o.signal.addEventListener('abort', () => (clearTimeout(t), done()), { once: true });
          });
        }
      }),
    );
  } finally {
    await queues.close();
    await pipeline.close();
  }
}
