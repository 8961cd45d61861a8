import { jaccardEstimate, NEAR_DUPLICATE_JACCARD } from './minhash.js';
import type { MergeEvent, StoryMove } from './types.js';

/** Story members compared for near-duplicates: the most recent ones, where syndicated copies land. */
const NEAR_DUPLICATE_PEERS = 200;

/** The MinHash signatures of each story's latest members, for near-duplicate detection. */
export class StorySignatures {
  private readonly byStory = new Map<string, { id: string; minhash: number[] }[]>();

  remember(story: string, id: string, sig: number[]): void {
    const list = this.byStory.get(story) ?? [];
    list.push({ id, minhash: sig });
    if (list.length > NEAR_DUPLICATE_PEERS) list.shift();
    this.byStory.set(story, list);
  }

  rename(from: string, into: string): void {
    const moved = this.byStory.get(from);
    if (!moved) return;
    this.byStory.delete(from);
    this.byStory.set(into, [...(this.byStory.get(into) ?? []), ...moved].slice(-NEAR_DUPLICATE_PEERS));
  }

  move(m: StoryMove): void {
    const from = this.byStory.get(m.from);
    const at = from?.findIndex((x) => x.id === m.article) ?? -1;
    if (!from || at < 0) return;
    const [sig] = from.splice(at, 1);
    if (sig) this.remember(m.to, sig.id, sig.minhash);
  }

  forget(story: string): void {
    this.byStory.delete(story);
  }

  clear(): void {
    this.byStory.clear();
  }

  /** The most similar member of the story (or of the stories merged into it) at or above the near-duplicate threshold. */
  nearest(story: string, sig: number[], merges: MergeEvent[]): string | null {
    let best: { id: string; j: number } | null = null;
    for (const p of [story, ...merges.map((m) => m.from)]) {
      for (const peer of this.byStory.get(p) ?? []) {
        const j = jaccardEstimate(sig, peer.minhash);
        if (j >= NEAR_DUPLICATE_JACCARD && (!best || j > best.j)) best = { id: peer.id, j };
      }
    }
    return best?.id ?? null;
  }

  entries(): [string, { id: string; minhash: number[] }[]][] {
    return [...this.byStory];
  }

  load(entries: [string, { id: string; minhash: number[] }[]][]): void {
    for (const [story, list] of entries) this.byStory.set(story, list);
  }
}
