import type { SparseVector } from '../cluster/index.js';
import type { CheckpointMember } from './checkpoint.js';

/** What the corpus keeps of each article of an open story, for revisions. */
export interface Member {
  seq: number;
  vector: SparseVector;
  time: number | null;
  urlKey: string;
}

/**
 * The articles of open stories (by content id), with the newest version at each URL: a new text at a
 * URL replaces the old one in revisions, since the old version is no longer current.
 */
export class OpenMembers {
  private readonly byId = new Map<string, Member>();
  private readonly byUrl = new Map<string, string>();

  get size(): number {
    return this.byId.size;
  }

  get(id: string): Member | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  add(id: string, m: Member): void {
    const previous = this.byUrl.get(m.urlKey);
    if (previous !== undefined) this.byId.delete(previous);
    this.byId.set(id, m);
    this.byUrl.set(m.urlKey, id);
  }

  /** Forgets one article (its story closed). */
  forget(id: string): void {
    const m = this.byId.get(id);
    if (m && this.byUrl.get(m.urlKey) === id) this.byUrl.delete(m.urlKey);
    this.byId.delete(id);
  }

  clear(): void {
    this.byId.clear();
    this.byUrl.clear();
  }

  /** Member ids in log order (revisions replay them in the order they arrived). */
  idsBySeq(): string[] {
    return [...this.byId].sort((a, b) => a[1].seq - b[1].seq).map(([id]) => id);
  }

  /** Rows for a checkpoint, in log order. */
  rows(): CheckpointMember[] {
    return [...this.byId]
      .sort((a, b) => a[1].seq - b[1].seq)
      .map(([id, m]) => ({ id, seq: m.seq, vector: [...m.vector], time: m.time, urlKey: m.urlKey }));
  }

  load(rows: readonly CheckpointMember[]): void {
    for (const m of rows) {
      this.byId.set(m.id, { seq: m.seq, vector: new Map(m.vector), time: m.time, urlKey: m.urlKey });
      this.byUrl.set(m.urlKey, m.id);
    }
  }
}
