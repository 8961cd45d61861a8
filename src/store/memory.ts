import { metadataPublished } from '../model/article.js';
import {
  StoreConflictError,
  type ArticleCommit,
  type ArticleRecord,
  type ArticleStore,
  type ListOptions,
  type LogEntry,
  type MergeEvent,
  type RevisionCommit,
  type StoryEvent,
  type StoryPage,
  type StoryQuery,
  type StorySummary,
} from './types.js';
import { summarise, type StoryRow } from './summary.js';
import { queryStoriesIn } from './story-query.js';

/** An in-process store: for `cluster`-like one-off jobs and tests; it also pins the conformance suite. */
export class MemoryStore implements ArticleStore {
  private readonly records: ArticleRecord[] = [];
  private readonly byContent = new Map<string, ArticleRecord>();
  private readonly latestByUrl = new Map<string, ArticleRecord>();
  private readonly stories = new Map<string, StoryRow>();
  private readonly mergesBySeq = new Map<number, MergeEvent[]>();
  private readonly events: StoryEvent[] = [];
  /** Revisions by seq; with `records`, the log. */
  private readonly revisions: { seq: number; revision: RevisionCommit }[] = [];
  private seq = 0;

  lastSeq(): Promise<number> {
    return Promise.resolve(this.seq);
  }

  commit(change: ArticleCommit, expectedSeq: number): Promise<ArticleRecord> {
    if (expectedSeq !== this.seq) return Promise.reject(new StoreConflictError(expectedSeq, this.seq));
    if (this.byContent.has(change.record.id)) return Promise.reject(new Error(`article ${change.record.id} is already stored`));
    const record: ArticleRecord = structuredClone({ ...change.record, seq: ++this.seq });
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

  revise(change: RevisionCommit, expectedSeq: number): Promise<number> {
    if (expectedSeq !== this.seq) return Promise.reject(new StoreConflictError(expectedSeq, this.seq));
    const seq = ++this.seq;
    const at = change.at;
    const ev = (kind: StoryEvent['kind'], story: string, other: string | null, article: string): void => {
      this.events.push({ seq: this.events.length + 1, kind, story, other, article, at });
    };
    this.revisions.push({ seq, revision: structuredClone(change) });
    const splitIds = new Set<string>();
    for (const sp of change.splits) {
      const known = this.stories.get(sp.id);
      if (known) {
        known.mergedInto = null;
        known.title = sp.title;
      } else this.stories.set(sp.id, { id: sp.id, title: sp.title, mergedInto: null, version: 0, updatedAt: at, conflicts: null, conflictsVersion: -1 });
      ev('split', sp.id, sp.from, sp.article);
      splitIds.add(sp.id);
    }
    const touched = new Set<string>();
    for (const m of change.moves) {
      const r = this.byContent.get(m.article);
      if (r) r.storyId = m.to;
      if (!splitIds.has(m.to)) ev('moved', m.to, m.from, m.article);
      touched.add(m.from).add(m.to);
    }
    for (const e of change.emptied) {
      const gone = this.stories.get(e.from);
      if (gone) gone.mergedInto = e.into;
      ev('merged', e.into, e.from, change.moves.find((m) => m.from === e.from)?.article ?? '');
    }
    for (const id of [...touched].sort()) this.touch(id, at);
    return Promise.resolve(seq);
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

  async *replay(after: number): AsyncIterable<LogEntry> {
    const log: LogEntry[] = [
      ...this.records.slice(firstAfter(this.records, after)).map((r): LogEntry => {
        const { article, ...rest } = r;
        return { kind: 'article', seq: r.seq, record: structuredClone({ ...rest, published: metadataPublished(article) }), merges: structuredClone(this.mergesBySeq.get(r.seq) ?? []) };
      }),
      ...this.revisions.slice(firstAfter(this.revisions, after)).map((r): LogEntry => ({ kind: 'revision', seq: r.seq, revision: structuredClone(r.revision) })),
    ].sort((a, b) => a.seq - b.seq);
    for (const entry of log) {
      await Promise.resolve();
      yield entry;
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

  queryStories(query: StoryQuery): Promise<StoryPage> {
    const candidates = this.live().map((s) => {
      const current = this.records.filter((r) => r.storyId === s.id && r.current).map((r) => r.article);
      return { summary: summarise(s, current), articles: current };
    });
    return Promise.resolve(structuredClone(queryStoriesIn(candidates, query)));
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

/** Index of the first entry with seq > after in a list sorted by seq (catch-up runs before every ingest). */
function firstAfter(list: { seq: number }[], after: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.seq <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
