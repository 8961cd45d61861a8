import { Corpus } from '../store/corpus.js';
import { PgStore } from '../store/postgres/store.js';
import type { StageContext } from './handlers.js';
import { PipelineItems } from './items.js';
import { SharedDossiers } from './shared-dossiers.js';

/** A PostgreSQL store with the pipeline's tables, ready for handlers: what `worker` and the tests open. */
export interface Pipeline extends StageContext {
  store: PgStore;
  close(): Promise<void>;
}

export async function openPipeline(dbUrl: string, options: { schema?: string; poolSize?: number } = {}): Promise<Pipeline> {
  const store = await PgStore.open(dbUrl, options);
  let corpus: Promise<Corpus> | null = null;
  return {
    store,
    items: new PipelineItems(store.pool),
    dossiers: new SharedDossiers(store.pool),
    // A failed open (connection cut) is not kept: the next job opens again.
    corpus: () => (corpus ??= Corpus.open(store).catch((e: unknown) => {
      corpus = null;
      throw e;
    })),
    close: () => store.close(),
  };
}
