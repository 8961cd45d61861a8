import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import extractTask, { type ExtractTask } from './worker.js';
import type { HtmlResult } from './html.js';
import { extractOncePerPage } from './page-memo.js';

// Work on untrusted input with a deadline, in worker threads (piscina). HTML extraction: Large pages are extracted in a worker thread (piscina), so a page
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

const pools = new Map<string, Piscina>();
/** Tasks running now: the pools are only closed when none is (another caller may still be using them). */
let inFlight = 0;

/** The pool running the default export of `module` (a path relative to src/, without extension). */
async function workerPool(module: string): Promise<Piscina> {
  let pool = pools.get(module);
  if (pool) return pool;
  // Loaded on first use: most runs never need a worker.
  const { Piscina } = await import('piscina');
  // Under tsx (tests, scripts) the worker is the .ts source; when built, the .js beside this file.
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  pool = new Piscina({
    filename: new URL(`../${module}${ext}`, import.meta.url).href,
    maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
    minThreads: 0,
    idleTimeout: IDLE_MS,
  });
  pools.set(module, pool);
  return pool;
}

/** A task stopped at its deadline (its worker is terminated). */
export class DeadlineError extends Error {
  constructor(readonly deadlineMs: number) {
    super(`took over ${deadlineMs / 1000} s: stopped`);
    this.name = 'DeadlineError';
  }
}

/** Runs `task` in a worker of `module`, stopping it at the deadline. */
export async function runInWorker<T>(module: string, task: unknown, deadlineMs: number): Promise<T> {
  inFlight++;
  try {
    const pool = await workerPool(module);
    return (await pool.run(task, { signal: AbortSignal.timeout(deadlineMs) })) as T;
  } catch (e) {
    if ((e as Error).name === 'AbortError' || /aborted/i.test((e as Error).message)) throw new DeadlineError(deadlineMs);
    throw e;
  } finally {
    inFlight--;
  }
}

export interface BoundedOptions {
  deadlineMs?: number;
  /** Send every page to the worker (serve: the event loop must stay free whatever the size). */
  alwaysInWorker?: boolean;
}

/** extractHtml within a deadline: a page that takes longer is refused with that reason. */
export async function extractHtmlBounded(html: string, pageUrl: string | null, options: BoundedOptions = {}): Promise<HtmlResult> {
  if (!options.alwaysInWorker && html.length <= IN_PROCESS_MAX_CHARS) return extractOncePerPage(html, pageUrl, (h, u) => extractTask({ html: h, pageUrl: u }));
  const deadline = options.deadlineMs ?? EXTRACT_DEADLINE_MS;
  const task: ExtractTask = { html, pageUrl };
  try {
    return await runInWorker<HtmlResult>('extract/worker', task, deadline);
  } catch (e) {
    if (e instanceof DeadlineError) return { ok: false, reason: `extracting the HTML ${e.message}` };
    return { ok: false, reason: `cannot extract the HTML (${(e as Error).message})` };
  }
}

/** Stops the workers (commands call this when done; the pool starts again if needed). */
export async function closeExtractPool(): Promise<void> {
  if (inFlight > 0) return;
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.destroy()));
}
