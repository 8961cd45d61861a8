import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Heap in use (MB) above which a long ingest asks V8 for a full collection. V8 sizes its heap by
 * the allocation rate, not by what is alive: ingesting generated articles, the heap grew to 190-210 MB
 * of which 36 MB was still reachable after a full collection (issue 15: `ingest` must stay under
 * 300 MB at any size). Each article allocates its analysis and drops it, so the garbage is the
 * growth. 96 MB keeps the heap within about three times what is alive at 10k-20k articles.
 * Operators can change it with CROSSCHECK_HEAP_BUDGET_MB (0 leaves V8 alone).
 */
const DEFAULT_HEAP_BUDGET_MB = 96;
/**
 * After a collection the next one waits until the heap is this many times what survived, so a
 * store whose live state outgrows the budget is not collected after every article (the cost would
 * then grow with the heap; at twice the live size it stays a fixed share of the work).
 */
const GROWTH_AFTER_COLLECTION = 2;
/** How often a command that does not call `check` itself (watch, worker) looks at the heap. */
const CHECK_EVERY_MS = 500;

export interface HeapBudget {
  /** Collects when the heap is over its limit; cheap enough to call after every article. */
  check(): void;
  /** Full collections made so far. */
  readonly collections: number;
  /** Stops the timer of `watchHeap`. */
  stop(): void;
}

/** The budget in bytes: CROSSCHECK_HEAP_BUDGET_MB when set to a number (0: none), else the default. */
export function heapBudgetBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['CROSSCHECK_HEAP_BUDGET_MB'];
  const mb = raw !== undefined && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Math.max(0, Number(raw)) : DEFAULT_HEAP_BUDGET_MB;
  return mb * 2 ** 20;
}

let collector: (() => void) | null = null;

/** V8's own full collection, without `node --expose-gc` (the flag exposes `gc` to new contexts). */
function fullCollection(): () => void {
  if (!collector) {
    setFlagsFromString('--expose-gc');
    collector = runInNewContext('gc') as () => void;
  }
  return collector;
}

/**
 * A heap budget for a long-running command. With `everyMs` it also checks on a timer (unref'd: it
 * never keeps the process alive), for commands whose work runs in callbacks.
 */
export function heapBudget(budget = heapBudgetBytes(), everyMs?: number): HeapBudget {
  let limit = budget;
  let collections = 0;
  const check = (): void => {
    if (budget <= 0 || getHeapStatistics().used_heap_size <= limit) return;
    fullCollection()();
    collections++;
    limit = Math.max(budget, GROWTH_AFTER_COLLECTION * getHeapStatistics().used_heap_size);
  };
  const timer = everyMs && budget > 0 ? setInterval(check, everyMs) : null;
  timer?.unref();
  return {
    check,
    get collections() {
      return collections;
    },
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}

/** The budget for `watch` and `worker`, checked on a timer. */
export function watchHeap(): HeapBudget {
  return heapBudget(heapBudgetBytes(), CHECK_EVERY_MS);
}
