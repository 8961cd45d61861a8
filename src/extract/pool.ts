import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import extractTask, { type ExtractTask } from './worker.js';
import type { HtmlResult } from './html.js';

// HTML extraction with a deadline. Large pages are extracted in a worker thread (piscina), so a page
// that runs away is stopped at its deadline (the worker is terminated) and the process goes on;
// small pages stay in-process, where starting a worker would cost more than the page itself.

/**
 * Pages up to this many characters are extracted in-process. The markup budget (depth, element count)
 * keeps such a page to well under a second; a worker costs ~100 ms to start and the page's copy.
 */
export const IN_PROCESS_MAX_CHARS = 256 * 1024;
/** Time one page may take to extract: a 5 MB page takes about 3 s on a laptop core. */
export const EXTRACT_DEADLINE_MS = 20_000;
/** Idle workers stop after this, so a finished command exits promptly. */
const IDLE_MS = 1000;

let pool: Piscina | null = null;

async function workerPool(): Promise<Piscina> {
  // Loaded on first use: most runs never need a worker.
  const { Piscina } = await import('piscina');
  // Under tsx (tests, scripts) the worker is the .ts source; when built, the .js beside this file.
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  pool ??= new Piscina({
    filename: new URL(`./worker${ext}`, import.meta.url).href,
    maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
    minThreads: 0,
    idleTimeout: IDLE_MS,
  });
  return pool;
}

export interface BoundedOptions {
  deadlineMs?: number;
  /** Send every page to the worker (serve: the event loop must stay free whatever the size). */
  alwaysInWorker?: boolean;
}

/** extractHtml within a deadline: a page that takes longer is refused with that reason. */
export async function extractHtmlBounded(html: string, pageUrl: string | null, options: BoundedOptions = {}): Promise<HtmlResult> {
  if (!options.alwaysInWorker && html.length <= IN_PROCESS_MAX_CHARS) return extractTask({ html, pageUrl });
  const deadline = options.deadlineMs ?? EXTRACT_DEADLINE_MS;
  const task: ExtractTask = { html, pageUrl };
  try {
    return (await (await workerPool()).run(task, { signal: AbortSignal.timeout(deadline) })) as HtmlResult;
  } catch (e) {
    if ((e as Error).name === 'AbortError' || /aborted/i.test((e as Error).message)) {
      return { ok: false, reason: `extracting the HTML took over ${deadline / 1000} s: stopped` };
    }
    return { ok: false, reason: `cannot extract the HTML (${(e as Error).message})` };
  }
}

/** Stops the workers (commands call this when done; the pool starts again if needed). */
export async function closeExtractPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}
