import type { MergeEvent, RevisionCommit, StoryMove } from './types.js';

/** An article as a revision saw it: the story it was in. */
interface RevisedItem {
  id: string;
  story: string;
}

/**
 * What a revision commits, from where each article was (`items`) and where the revision put it
 * (`final`, same order): the moves, the stories a split started (titled after their first article)
 * and the stories all of whose articles left (their id then resolves to where the first one went).
 */
export async function revisionChange(
  items: readonly RevisedItem[],
  final: readonly string[],
  known: Set<string>,
  titleOf: (article: string) => Promise<string | null>,
): Promise<Pick<RevisionCommit, 'moves' | 'splits' | 'emptied'>> {
  const moves: StoryMove[] = [];
  const remaining = new Map<string, number>();
  for (const it of items) remaining.set(it.story, (remaining.get(it.story) ?? 0) + 1);
  const splits: RevisionCommit['splits'] = [];
  for (const [i, it] of items.entries()) {
    const to = final[i];
    if (to === undefined || to === it.story) continue;
    moves.push({ article: it.id, from: it.story, to });
    remaining.set(it.story, (remaining.get(it.story) ?? 1) - 1);
    if (!known.has(to)) {
      known.add(to);
      splits.push({ id: to, title: (await titleOf(it.id)) ?? to, from: it.story, article: it.id });
    }
  }
  const emptied: MergeEvent[] = [];
  for (const [story, n] of remaining) {
    const first = n === 0 ? moves.find((m) => m.from === story) : undefined;
    if (first) emptied.push({ into: first.to, from: story });
  }
  return { moves, splits, emptied };
}
