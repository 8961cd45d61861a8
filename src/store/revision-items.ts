import { storyIdFor, type StoryClusterer, type SparseVector } from '../cluster/index.js';
import type { Member, OpenMembers } from './members.js';
import type { StorySignatures } from './signatures.js';
import type { RevisionCommit } from './types.js';

/** One article of an open story as a revision sees it. */
export interface RevisionItem {
  id: string;
  vector: SparseVector;
  time: number | null;
  story: string;
}

/**
 * The articles of the open stories, in arrival order, with the story each is in now. Open stories
 * only (their articles are members; closed stories' were swept): the whole history would make each
 * revision cost as much as the store is large.
 */
export function revisionItems(clusterer: StoryClusterer, members: OpenMembers): { items: RevisionItem[]; stories: Set<string> } {
  const storyOf = new Map<string, string>();
  for (const s of clusterer.allStories()) {
    const last = s.articles[s.articles.length - 1];
    if (last === undefined || !members.has(last)) continue;
    for (const a of s.articles) storyOf.set(a, s.id);
  }
  const items = members
    .idsBySeq()
    .filter((id) => storyOf.has(id))
    .map((id) => {
      const m = members.get(id)!;
      return { id, vector: m.vector, time: m.time, story: storyOf.get(id)! };
    });
  return { items, stories: new Set(storyOf.values()) };
}

/**
 * Names split parts: a part is named after its first article, as a story it started would be; if
 * that id is live (the article left the story it started), a suffix keeps ids unique.
 */
export function splitNamer(items: RevisionItem[], isLive: (id: string) => boolean): (firstItem: number) => string {
  const taken = new Set<string>();
  return (firstItem) => {
    const first = items[firstItem]!.id;
    let id = storyIdFor(first);
    for (let n = 2; taken.has(id) || isLive(id); n++) id = storyIdFor(`${first}#${n}`);
    taken.add(id);
    return id;
  };
}

/**
 * Applies a revision's moves to the clustering in memory: the same code runs for a process's own
 * revisions and for replayed ones. A story that changed is rebuilt from its members in arrival order.
 */
export function applyRevisionTo(rev: RevisionCommit, clusterer: StoryClusterer, members: OpenMembers, signatures: StorySignatures): void {
  const affected = new Set<string>();
  const lists = new Map<string, string[]>();
  const listOf = (story: string): string[] => {
    let l = lists.get(story);
    if (!l) lists.set(story, (l = [...(clusterer.story(story)?.articles ?? [])]));
    return l;
  };
  for (const m of rev.moves) {
    const from = listOf(m.from);
    const at = from.indexOf(m.article);
    if (at >= 0) from.splice(at, 1);
    listOf(m.to).push(m.article);
    affected.add(m.from).add(m.to);
    signatures.move(m);
  }
  for (const story of [...affected].sort()) {
    const list = listOf(story)
      .map((id) => ({ id, m: members.get(id) }))
      .filter((x): x is { id: string; m: Member } => x.m !== undefined)
      .sort((a, b) => a.m.seq - b.m.seq)
      .map(({ id, m }) => ({ id, vector: m.vector, time: m.time }));
    clusterer.rebuild(story, list);
  }
  for (const e of rev.emptied) signatures.rename(e.from, e.into);
}
