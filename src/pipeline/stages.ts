/**
 * The stages of the worker pipeline, in order. Per-input stages move one row of pipeline_items along;
 * revise and dossier work on stories (revise the open stories; rebuild one changed story's dossier).
 */
export const ITEM_STAGES = ['fetch', 'extract', 'analyze', 'assign'] as const;
export const STORY_STAGES = ['revise', 'dossier'] as const;
export const STAGES = [...ITEM_STAGES, ...STORY_STAGES] as const;

export type ItemStage = (typeof ITEM_STAGES)[number];
export type StoryStage = (typeof STORY_STAGES)[number];
export type Stage = (typeof STAGES)[number];
/** Where an item is: the next stage to run, or finished. */
export type ItemState = ItemStage | 'done' | 'failed';

export const isStage = (s: string): s is Stage => (STAGES as readonly string[]).includes(s);

/** What a handler asks the plumbing to do next: more jobs, each a stage and an id. */
export interface NextJob {
  stage: Stage;
  id: string;
}

/** Parses `--stages fetch,extract,...`; throws naming the unknown stage. */
export function parseStages(value: string): Stage[] {
  const out = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of out) if (!isStage(s)) throw new Error(`unknown stage "${s}" (stages: ${STAGES.join(', ')})`);
  return [...new Set(out)] as Stage[];
}
