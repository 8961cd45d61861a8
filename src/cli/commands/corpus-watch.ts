import type { Command } from 'commander';
import type { WatchEvent } from '../../watch/watcher.js';
import { watchHeap } from '../heap-budget.js';
import { addInputOptions, readOptionsFrom, type InputFlags } from '../load-inputs.js';
import { addDbOption, openForWrite, parsePositiveInt, safeLine } from './corpus-shared.js';

interface WatchFlags extends InputFlags {
  db: string;
  interval: number;
  once?: boolean;
  json?: boolean;
  redis?: string;
  prefix: string;
}

/** One log line; with --once there is no next poll, so none is announced. */
export function describe(e: WatchEvent, once = false): string {
  switch (e.event) {
    case 'poll':
      return `${safeLine(e.feed)}: ${e.status === 'ok' ? `${e.items ?? 0} new` : e.status === 'error' ? `error: ${safeLine(e.reason ?? '')}` : 'unchanged'}${once ? '' : `; next poll in ${e.nextInSeconds} s`}`;
    case 'article':
      return `${e.status} ${e.id} -> ${e.story}  ${safeLine(e.origin)}`;
    case 'problem':
      return `crosscheck: ${safeLine(e.origin)}: ${safeLine(e.reason)}`;
    case 'revision':
      return `revision: ${e.moved} articles moved, ${e.splits} stories split off (${e.stories.join(', ')})`;
  }
}

async function enqueueWatch(feeds: string[], flags: WatchFlags, redis: string): Promise<void> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const read = readOptionsFrom(flags);
  const fetch = {
    ...(read.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}),
    ...(read.timeoutMs !== undefined ? { timeoutMs: read.timeoutMs } : {}),
    ...(read.maxBytes !== undefined ? { maxBytes: read.maxBytes } : {}),
  };
  const { watchAndEnqueue } = await import('./watch-enqueue.js');
  try {
    await watchAndEnqueue(feeds, { db: flags.db, redis, prefix: flags.prefix, interval: flags.interval, once: !!flags.once, signal: controller.signal, fetch });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** `crosscheck watch FEED...`: polls RSS/Atom feeds and ingests new items until interrupted. */
export function registerWatch(program: Command): void {
  const cmd = program
    .command('watch')
    .description('poll RSS/Atom feeds (conditional requests, back-off on errors) and ingest new items')
    .argument('<feeds...>', 'feed URLs')
    .option('--interval <seconds>', 'seconds between polls of each feed', parsePositiveInt, 900)
    .option('--once', 'poll each feed once and exit')
    .option('--json', 'machine-readable log: one JSON object per line on stdout')
    .option('--redis <url>', 'queue new items for `crosscheck worker` instead of ingesting them here (needs a postgres:// --db)')
    .option('--prefix <prefix>', 'Redis key prefix of the queues (with --redis)', 'crosscheck');
  addDbOption(cmd);
  addInputOptions(cmd).action(async (feeds: string[], flags: WatchFlags) => {
    if (flags.redis) return enqueueWatch(feeds, flags, flags.redis);
    const [{ Corpus }, { watchFeeds, DEFAULT_MAX_BACKOFF_SECONDS }] = await Promise.all([import('../../store/index.js'), import('../../watch/watcher.js')]);
    const store = await openForWrite(flags.db);
    const corpus = await Corpus.open(store);
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const read = readOptionsFrom(flags);
    // A watch runs for days: its heap is kept near what is alive (heap-budget.ts).
    const heap = watchHeap();
    try {
      await watchFeeds(corpus, feeds, {
        intervalSeconds: flags.interval,
        maxBackoffSeconds: DEFAULT_MAX_BACKOFF_SECONDS,
        signal: controller.signal,
        ...(flags.once ? { once: true } : {}),
        ...(read.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}),
        ...(read.timeoutMs !== undefined ? { timeoutMs: read.timeoutMs } : {}),
        ...(read.maxBytes !== undefined ? { maxBytes: read.maxBytes } : {}),
        log: (e) => {
          if (flags.json) process.stdout.write(JSON.stringify(e) + '\n');
          else (e.event === 'problem' ? process.stderr : process.stdout).write(describe(e, flags.once === true) + '\n');
        },
      });
    } finally {
      heap.stop();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await store.close();
    }
  });
}
