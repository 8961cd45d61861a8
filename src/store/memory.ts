import {
  StoreConflictError,
  type ArticleCommit,
  type ArticleRecord,
  type ArticleStore,
  type ListOptions,
  type MergeEvent,
  type StoryEvent,
  type StorySummary,
} from './types.js';
import { summarise, type StoryRow } from './summary.js';

/** An in-process store: for `cluster`-like one-off jobs and tests; it also pins the conformance suite. */
export class MemoryStore implements ArticleStore {
  private readonly records: ArticleRecord[] = [];
  private readonly byContent = new Map<string, ArticleRecord>();
  private readonly latestByUrl = new Map<string, ArticleRecord>();
  private readonly stories = new Map<string, StoryRow>();
  private readonly mergesBySeq = new Map<number, MergeEvent[]>();
  private readonly events: StoryEvent[] = [];

  lastSeq(): Promise<number> {
    return Promise.resolve(this.records.length);
  }

  commit(change: ArticleCommit, expectedSeq: number): Promise<ArticleRecord> {
    if (expectedSeq !== this.records.length) return Promise.reject(new StoreConflictError(expectedSeq, this.records.length));
    if (this.byContent.has(change.record.id)) return Promise.reject(new Error(`article ${change.record.id} is already stored`));
    const record: ArticleRecord = structuredClone({ ...change.record, seq: this.records.length + 1 });
    const at = record.ingestedAt;
    const ev = (kind: StoryEvent['kind'], story: string, other: string | null): void => {
      this.events.push({ seq: this.events.length + 1, kind, story, other, article: record.id, at });
    };
    if (change.newStory) {
      this.stories.set(change.newStory.id, { id: change.newStory.id, title: change.newStory.title, mergedInto: null, version: 0, updatedAt: at, conflicts: null, conflictsVersion: -1 });
      ev('created', change.newStory.id, null);
    } else ev('joined', record.firstStory, null);
    if (change.supersedes) {
      const old = this.byContent.get(change.supersedes);
      if (old) old.current = false;
      ev('version', record.firstStory, null);
    }
    this.records.push(record);
    this.byContent.set(record.id, record);
    this.latestByUrl.set(record.urlKey, record);
    this.touch(record.firstStory, at);
    for (const m of change.merges) {
      for (const r of this.records) if (r.storyId === m.from) r.storyId = m.into;
      const gone = this.stories.get(m.from);
      if (gone) gone.mergedInto = m.into;
      this.touch(m.into, at);
      ev('merged', m.into, m.from);
    }
    record.storyId = this.resolveSync(record.firstStory) ?? record.firstStory;
    if (change.merges.length) this.mergesBySeq.set(record.seq, structuredClone(change.merges));
    return Promise.resolve(structuredClone(record));
  }

  private touch(id: string, at: string): void {
    const s = this.stories.get(id);
    if (s) {
      s.version++;
      s.updatedAt = at;
    }
  }

  byId(id: string): Promise<ArticleRecord | null> {
    const r = this.byContent.get(id);
    return Promise.resolve(r ? structuredClone(r) : null);
  }

  byUrl(urlKey: string): Promise<ArticleRecord | null> {
    const r = this.latestByUrl.get(urlKey);
    return Promise.resolve(r ? structuredClone(r) : null);
  }

  async *replay(after: number): AsyncIterable<{ record: ArticleRecord; merges: MergeEvent[] }> {
    for (const r of this.records.slice(after)) {
      await Promise.resolve();
      yield { record: structuredClone(r), merges: structuredClone(this.mergesBySeq.get(r.seq) ?? []) };
    }
  }

  countArticles(): Promise<number> {
    return Promise.resolve(this.records.length);
  }

  private live(): StoryRow[] {
    return [...this.stories.values()].filter((s) => s.mergedInto === null);
  }

  listStories(options: ListOptions = {}): Promise<StorySummary[]> {
    const all = this.live()
      .map((s) => summarise(s, this.records.filter((r) => r.storyId === s.id && r.current).map((r) => r.article)))
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : 1));
    const offset = options.offset ?? 0;
    return Promise.resolve(all.slice(offset, offset + (options.limit ?? all.length)));
  }

  countStories(): Promise<number> {
    return Promise.resolve(this.live().length);
  }

  story(id: string): Promise<StorySummary | null> {
    const s = this.stories.get(id);
    if (!s || s.mergedInto !== null) return Promise.resolve(null);
    return Promise.resolve(summarise(s, this.records.filter((r) => r.storyId === id && r.current).map((r) => r.article)));
  }

  storyArticles(id: string): Promise<ArticleRecord[]> {
    return Promise.resolve(structuredClone(this.records.filter((r) => r.storyId === id && r.current)));
  }

  private resolveSync(id: string): string | null {
    let s = this.stories.get(id);
    if (!s) return null;
    for (let guard = 0; s.mergedInto !== null && guard < 10_000; guard++) {
      const next = this.stories.get(s.mergedInto);
      if (!next) break;
      s = next;
    }
    return s.id;
  }

  resolveStory(id: string): Promise<string | null> {
    const s = this.stories.get(id);
    return Promise.resolve(s && s.mergedInto !== null ? this.resolveSync(id) : null);
  }

  storyEvents(id: string): Promise<StoryEvent[]> {
    return Promise.resolve(structuredClone(this.events.filter((e) => e.story === id || e.other === id)));
  }

  setConflictCount(id: string, version: number, conflicts: number): Promise<void> {
    const s = this.stories.get(id);
    if (s && s.version === version) {
      s.conflicts = conflicts;
      s.conflictsVersion = version;
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
