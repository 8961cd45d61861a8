import type { ArticleStore, StoryEvent } from '../../store/types.js';

/**
 * A story's history as the desk reads it: its own events and those of every story merged into it
 * (their articles are its articles now, and arrived there first), in log order.
 */

/** Merged-in stories followed at most: a story grown from thousands of merges still renders quickly. */
export const MAX_MERGED_HISTORIES = 200;

export async function storyHistory(store: ArticleStore, id: string): Promise<StoryEvent[]> {
  const seen = new Set([id]);
  const queue = [id];
  const bySeq = new Map<number, StoryEvent>();
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    for (const e of await store.storyEvents(at)) {
      bySeq.set(e.seq, e);
      if (e.kind === 'merged' && e.story === at && e.other && !seen.has(e.other) && seen.size <= MAX_MERGED_HISTORIES) {
        seen.add(e.other);
        queue.push(e.other);
      }
    }
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
