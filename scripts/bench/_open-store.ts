// One store opened in a fresh process (store-open.ts): node --import tsx scripts/bench/_open-store.ts DB
// Prints one line: the file's open (its check and migrations) and the whole Corpus.open, wall and CPU, peak RSS.
import { Corpus, SqliteStore } from '../../src/store/index.js';

const phase = async <T>(fn: () => T | Promise<T>): Promise<[T, string]> => {
  const t = performance.now();
  const c = process.cpuUsage();
  const v = await fn();
  const d = process.cpuUsage(c);
  return [v, `${((performance.now() - t) / 1000).toFixed(2)} s (CPU ${((d.user + d.system) / 1e6).toFixed(2)} s)`];
};

const [store, file] = await phase(() => new SqliteStore(process.argv[2]!));
const cp = await store.loadCheckpoint();
const [corpus, whole] = await phase(() => Corpus.open(store));
console.log(
  `open: the store file ${file}; Corpus.open (checkpoint ${cp ? `${(cp.body.length / 1e6).toFixed(0)} MB at seq ${cp.seq}` : 'none'}, log to ${corpus.lastSeq}) ${whole}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
await store.close();
