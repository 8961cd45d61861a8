import type { Command } from 'commander';
import { registerCluster } from './corpus-cluster.js';
import { registerIngest } from './corpus-ingest.js';
import { registerServe } from './corpus-serve.js';
import { registerStories } from './corpus-stories.js';
import { registerStore } from './corpus-store.js';
import { registerWatch } from './corpus-watch.js';
import { registerQueue } from './queue.js';
import { registerWorker } from './worker.js';

// Corpus mode: a store that groups incoming articles into stories, and a web server over it.
export function registerCorpus(program: Command): void {
  registerIngest(program);
  registerWatch(program);
  registerCluster(program);
  registerStories(program);
  registerServe(program);
  registerStore(program);
  registerWorker(program);
  registerQueue(program);
}
