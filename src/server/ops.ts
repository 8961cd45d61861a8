import { Hono } from 'hono';
import type { Metrics } from '../pipeline/metrics.js';

/**
 * Operations routes, for a load balancer and Prometheus: /healthz (the process answers), /readyz (its
 * store and queue answer: take it out of rotation otherwise), /metrics, and the failed list of the
 * pipeline at /pipeline/failed. Mounted beside the API by `serve`, and alone by `worker --port`.
 */
export interface OpsOptions {
  /** Resolves when every backend answers; rejects (or resolves false) otherwise. */
  ready: () => Promise<boolean>;
  metrics?: Metrics | null;
  failures?: (() => Promise<{ id: string; origin: string; stage: string; reason: string; at: string }[]>) | null;
}

export function opsRoutes(options: OpsOptions): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    const ok = await options.ready().catch(() => false);
    return c.json({ ready: ok }, ok ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    if (!options.metrics) return c.text('no metrics in this process\n', 404);
    c.header('Content-Type', options.metrics.registry.contentType);
    return c.body(await options.metrics.registry.metrics());
  });
  app.get('/pipeline/failed', async (c) => {
    if (!options.failures) return c.json({ failed: [], note: 'no pipeline: the store is not PostgreSQL' });
    return c.json({ failed: await options.failures() });
  });
  return app;
}
