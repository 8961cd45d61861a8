// Where a joining process's time goes (`npm run bench -- big-store`): reading the checkpoint row,
// decoding it, and the whole Corpus.open (decode + restoring the in-memory window + catching up on the
// log after the checkpoint). Measured on a fresh store handle each, so no phase warms another's cache
// beyond what PostgreSQL or the OS keep. CPU is read from process.cpuUsage, so a loaded machine's
// waiting shows as wall minus CPU.
import { decodeCheckpoint } from '../../src/store/checkpoint.js';
import { Corpus, type ArticleStore } from '../../src/store/index.js';

interface Phase {
  wallS: number;
  cpuS: number;
}

async function timed(fn: () => Promise<unknown>): Promise<Phase> {
  const t = performance.now();
  const c = process.cpuUsage();
  await fn();
  const d = process.cpuUsage(c);
  return { wallS: (performance.now() - t) / 1000, cpuS: (d.user + d.system) / 1e6 };
}

const show = (p: Phase): string => `${p.wallS.toFixed(1)} s (CPU ${p.cpuS.toFixed(1)} s)`;

/** One line: read row / decode / whole open, for a store that already holds a checkpoint. */
export async function joinPhases(open: () => Promise<ArticleStore> | ArticleStore): Promise<string> {
  const store = await open();
  try {
    let body: Buffer | undefined;
    const read = await timed(async () => (body = (await store.loadCheckpoint?.())?.body));
    if (!body) return 'join phases: the store keeps no checkpoint';
    const b = body;
    const decode = await timed(() => Promise.resolve(decodeCheckpoint(b)));
    let corpus: Corpus | undefined;
    const whole = await timed(async () => (corpus = await Corpus.open(store)));
    void corpus;
    return `join phases: read checkpoint row ${show(read)}, decode ${show(decode)}, Corpus.open in all ${show(whole)}`;
  } finally {
    await store.close();
  }
}
