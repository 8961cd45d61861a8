import type { Registry } from 'prom-client';
import type { StageQueues, WorkerEvent } from './queues.js';
import { STAGES } from './stages.js';

/**
 * Prometheus metrics of a worker or API server (prom-client, loaded on first use): jobs and their
 * durations per stage, parked jobs, and, when a queue is given, each queue's depth read at scrape time.
 */
export interface Metrics {
  registry: Registry;
  observe(e: WorkerEvent): void;
}

export async function createMetrics(queues: StageQueues | null): Promise<Metrics> {
  const client = await import('prom-client');
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'crosscheck_' });
  const jobs = new client.Counter({ name: 'crosscheck_jobs_total', help: 'Jobs finished, by stage and outcome (done, retry, parked)', labelNames: ['stage', 'outcome'], registers: [registry] });
  const duration = new client.Histogram({
    name: 'crosscheck_job_duration_seconds',
    help: 'Time to run one job, by stage',
    labelNames: ['stage'],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [registry],
  });
  const articles = new client.Counter({ name: 'crosscheck_articles_assigned_total', help: 'Articles placed in a story (rate() of it: articles per second)', registers: [registry] });
  if (queues) {
    new client.Gauge({
      name: 'crosscheck_queue_depth',
      help: 'Jobs per queue and state (waiting, active, delayed, failed)',
      labelNames: ['stage', 'state'],
      registers: [registry],
      async collect() {
        const counts = await queues.counts();
        for (const s of STAGES) for (const state of ['waiting', 'active', 'delayed', 'failed'] as const) this.set({ stage: s, state }, counts[s][state]);
      },
    });
  }
  return {
    registry,
    observe(e) {
      jobs.inc({ stage: e.stage, outcome: e.event });
      if (e.event === 'done') {
        duration.observe({ stage: e.stage }, e.ms / 1000);
        if (e.stage === 'assign') articles.inc();
      }
    },
  };
}
