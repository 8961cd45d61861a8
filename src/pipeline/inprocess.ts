import { HANDLERS, type StageContext } from './handlers.js';
import type { NextJob } from './stages.js';

/**
 * The single-process path: the same handlers the queue workers run, called in a loop until the item
 * is done. Story jobs (revise, dossier) are collected rather than run per article: the caller runs
 * them once at the end of a batch, as `ingest` revises once at the end.
 */
export async function runItem(ctx: StageContext, first: NextJob): Promise<NextJob[]> {
  const later: NextJob[] = [];
  const todo = [first];
  for (let job = todo.shift(); job; job = todo.shift()) {
    for (const next of await HANDLERS[job.stage](ctx, job.id)) (next.stage === 'revise' || next.stage === 'dossier' ? later : todo).push(next);
  }
  return later;
}

/** Runs story jobs collected by runItem, each distinct job once, revisions first (they change stories). */
export async function runStoryJobs(ctx: StageContext, jobs: NextJob[]): Promise<void> {
  const seen = new Set<string>();
  const distinct = jobs.filter((j) => !seen.has(`${j.stage}:${j.id}`) && seen.add(`${j.stage}:${j.id}`));
  const queue = [...distinct.filter((j) => j.stage === 'revise'), ...distinct.filter((j) => j.stage !== 'revise')];
  for (let job = queue.shift(); job; job = queue.shift()) queue.push(...(await HANDLERS[job.stage](ctx, job.id)).filter((j) => !seen.has(`${j.stage}:${j.id}`) && seen.add(`${j.stage}:${j.id}`)));
}
