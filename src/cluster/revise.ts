import { refineAssignments, type RefineItem } from './refine.js';
import { splitStories, type SplitParams } from './split.js';

/**
 * Revision of single-pass clustering, shared by `crosscheck cluster` (once, over the whole batch) and
 * the store (over the stories still open, every so often): first each article may move to a story it
 * fits better (refine.ts), then a story holding two events is cut in two (split.ts). Moves go first so
 * that articles merely misplaced settle before a story is judged to hold two groups.
 */
export interface Revision {
  /** Each item's story after the moves. */
  refined: string[];
  /** Each item's story after the moves and splits. */
  final: string[];
}

export interface ReviseOptions {
  joinThreshold: number;
  windowDays: number;
  refine: boolean;
  split: SplitParams | null;
  /**
   * Stories to revise (default: all). Only their articles may move, and only they and the stories
   * that received articles are examined for a split; the other items still count as move targets.
   */
  only?: Set<string>;
}

/** `items` in arrival order; a split-off part is named by `nameOf(index of its first item)`. */
export function reviseAssignments(items: RefineItem[], options: ReviseOptions, nameOf: (firstItem: number) => string): Revision {
  const only = options.only;
  const refined = options.refine
    ? refineAssignments(items, options.joinThreshold, options.windowDays, undefined, only ? (i) => only.has(items[i]!.story) : undefined)
    : items.map((it) => it.story);
  let examine: Set<string> | undefined;
  if (only) {
    examine = new Set(only);
    refined.forEach((story, i) => {
      if (story !== items[i]!.story) examine!.add(story);
    });
  }
  const final = options.split
    ? splitStories(
        refined.map((story, i) => ({ vector: items[i]!.vector, story })),
        nameOf,
        options.split,
        examine,
      )
    : refined;
  return { refined, final };
}
