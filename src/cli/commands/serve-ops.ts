import type { Hono } from 'hono';
import type { AppOptions } from '../../server/app.js';
import { opsRoutes } from '../../server/ops.js';
import type { Corpus } from '../../store/corpus.js';

/**
 * The API app with the operations routes beside it (/healthz, /readyz, /metrics, /pipeline/failed).
 * On a PostgreSQL store, dossiers are shared through story_dossiers (built once by whichever server or
 * dossier worker gets there first) and the pipeline's failed list is shown; prom-client is loaded then.
 */
export async function withOps(createApp: (o: AppOptions) => Hono, options: AppOptions & { corpus: Corpus }, postgres: boolean): Promise<Hono> {
  const store = options.corpus.store;
  const { PgStore } = postgres ? await import('../../store/postgres/store.js') : { PgStore: null };
  const pg = PgStore && store instanceof PgStore ? store : null;
  let extra: Partial<AppOptions> = {};
  let failures = null;
  let metrics = null;
  if (pg) {
    const [{ SharedDossiers }, { PipelineItems }, { createMetrics }] = await Promise.all([
      import('../../pipeline/shared-dossiers.js'),
      import('../../pipeline/items.js'),
      import('../../pipeline/metrics.js'),
    ]);
    extra = { sharedDossiers: new SharedDossiers(pg.pool) };
    const items = new PipelineItems(pg.pool);
    failures = () => items.failures();
    metrics = await createMetrics(null);
  }
  // The ops routes join the API app itself, so its guards (Host allow-list, headers), its 405 with
  // Allow and its HTML error pages cover them and every unknown path (a wrapping app would answer
  // unknown paths with Hono's bare 404).
  const app = createApp({ ...options, ...extra });
  app.route('/', opsRoutes({ ready: async () => (await store.lastSeq()) >= 0, metrics, failures }));
  return app;
}
