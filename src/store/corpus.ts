import { bodyOf, type Article } from '../model/article.js';
import {
  DocumentFrequencies,
  StoryClusterer,
  extractFeatures,
  featureKeys,
  storyTitle,
  vectorize,
  type ClusterParams,
  type SparseVector,
} from '../cluster/index.js';
import { contentId, urlKey } from './identity.js';
import { jaccardEstimate, minhash, NEAR_DUPLICATE_JACCARD } from './minhash.js';
import { StoreConflictError, type ArticleRecord, type ArticleStore, type MergeEvent } from './types.js';

/** How an ingested article landed. */
export interface IngestOutcome {
  status: 'stored' | 'duplicate' | 'version';
  /** Content id of the stored (or already stored) article. */
  id: string;
  story: string;
  seq: number;
  nearDuplicateOf: string | null;
  merged: string[];
}

/** Times a commit is retried after another writer got in first; each retry first replays their articles. */
const MAX_CONFLICT_RETRIES = 20;
/** Story members compared for near-duplicates: the most recent ones, where syndicated copies land. */
const NEAR_DUPLICATE_PEERS = 200;

/**
 * Corpus mode: articles go into a store and into stories. The clustering state lives in memory and
 * is rebuilt from the store on open (replaying each article into the story it first joined and the
 * merges it caused), then kept up to date with articles other processes commit, so `ingest`, `watch`
 * and `serve` can write to one store at once.
 */
export class Corpus {
  private df = new DocumentFrequencies();
  private clusterer: StoryClusterer;
  private readonly signatures = new Map<string, { id: string; minhash: number[] }[]>();
  private seen = 0;
  /** Serialises ingests within this process: clustering decisions are sequential. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly store: ArticleStore,
    private readonly params: Partial<ClusterParams>,
  ) {
    this.clusterer = new StoryClusterer(params);
  }

  static async open(store: ArticleStore, params: Partial<ClusterParams> = {}): Promise<Corpus> {
    const c = new Corpus(store, params);
    await c.catchUp();
    return c;
  }

  get lastSeq(): number {
    return this.seen;
  }

  /** Replays records committed since we last looked (by us at start-up, or by other processes). */
  async catchUp(): Promise<void> {
    for await (const { record, merges } of this.store.replay(this.seen)) this.apply(record, merges);
  }

  private apply(record: ArticleRecord, merges: MergeEvent[]): void {
    this.df.add(record.terms);
    this.clusterer.restore(record.firstStory, record.id, new Map(record.vector), timeOf(record.article));
    for (const m of merges) this.clusterer.mergeById(m.into, m.from);
    this.remember(record.firstStory, record.id, record.minhash);
    for (const m of merges) this.renameSignatures(m.from, m.into);
    this.seen = record.seq;
  }

  private remember(story: string, id: string, sig: number[]): void {
    const list = this.signatures.get(story) ?? [];
    list.push({ id, minhash: sig });
    if (list.length > NEAR_DUPLICATE_PEERS) list.shift();
    this.signatures.set(story, list);
  }

  private renameSignatures(from: string, into: string): void {
    const moved = this.signatures.get(from);
    if (!moved) return;
    this.signatures.delete(from);
    const list = [...(this.signatures.get(into) ?? []), ...moved].slice(-NEAR_DUPLICATE_PEERS);
    this.signatures.set(into, list);
  }

  /** Stores one article (idempotent) and places it in a story. Calls are serialised. */
  ingest(article: Article): Promise<IngestOutcome> {
    const run = this.queue.then(() => this.ingestNow(article));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async ingestNow(article: Article): Promise<IngestOutcome> {
    for (let attempt = 0; ; attempt++) {
      await this.catchUp();
      try {
        return await this.decideAndCommit(article);
      } catch (e) {
        if (!(e instanceof StoreConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw e;
        // Another writer committed first: the in-memory decision may be stale, so rebuild from the store.
        await this.rebuild();
      }
    }
  }

  private async rebuild(): Promise<void> {
    this.clusterer = new StoryClusterer(this.params);
    this.df = new DocumentFrequencies();
    this.signatures.clear();
    this.seen = 0;
    await this.catchUp();
  }

  private async decideAndCommit(article: Article): Promise<IngestOutcome> {
    const id = contentId(article);
    const existing = await this.store.byId(id);
    if (existing) return { status: 'duplicate', id, story: existing.storyId, seq: existing.seq, nearDuplicateOf: existing.nearDuplicateOf, merged: [] };
    const key = urlKey(article);
    const previous = await this.store.byUrl(key);
    const features = extractFeatures(article);
    const terms = featureKeys(features);
    const sig = minhash(bodyOf(article));
    const at = new Date().toISOString();
    let vector: SparseVector;
    let story: string;
    let newStory: { id: string; title: string } | null = null;
    let merged: MergeEvent[] = [];
    // On any failure below, memory is rebuilt from the store, so it never holds an unstored article.
    const df = this.df;
    df.add(terms);
    try {
      vector = vectorize(features, df);
      if (previous) {
        // A changed text at a known URL stays in that article's story.
        story = previous.storyId;
        this.clusterer.restore(story, id, vector, features.time);
      } else {
        const a = this.clusterer.add(id, vector, features.time);
        story = a.story;
        if (a.created) newStory = { id: a.story, title: storyTitle(article) };
        merged = a.merged.map((from) => ({ into: a.story, from }));
      }
    } catch (e) {
      await this.rebuild();
      throw e;
    }
    // With merges, the clusterer reports the surviving story; replay joins it there and then folds
    // the others in, which gives the same sums, so the survivor is the story to record.
    const firstStory = story;
    const nearDuplicateOf = this.nearDuplicate(story, sig, merged);
    try {
      const record = await this.store.commit(
        {
          record: {
            id,
            urlKey: key,
            version: previous ? previous.version + 1 : 1,
            current: true,
            storyId: story,
            firstStory,
            nearDuplicateOf,
            ingestedAt: at,
            article,
            vector: [...vector],
            terms,
            minhash: sig,
          },
          newStory,
          merges: merged,
          supersedes: previous?.id ?? null,
        },
        this.seen,
      );
      this.seen = record.seq;
      this.remember(firstStory, id, sig);
      for (const m of merged) this.renameSignatures(m.from, m.into);
      return { status: previous ? 'version' : 'stored', id, story: record.storyId, seq: record.seq, nearDuplicateOf, merged: merged.map((m) => m.from) };
    } catch (e) {
      // The in-memory clustering already holds this article: rebuild it from what the store holds.
      await this.rebuild();
      throw e;
    }
  }

  private nearDuplicate(story: string, sig: number[], merges: MergeEvent[]): string | null {
    const pools = [story, ...merges.map((m) => m.from)];
    let best: { id: string; j: number } | null = null;
    for (const p of pools) {
      for (const peer of this.signatures.get(p) ?? []) {
        const j = jaccardEstimate(sig, peer.minhash);
        if (j >= NEAR_DUPLICATE_JACCARD && (!best || j > best.j)) best = { id: peer.id, j };
      }
    }
    return best?.id ?? null;
  }
}

function timeOf(a: Article): number | null {
  const t = a.published ? Date.parse(a.published) : NaN;
  return Number.isNaN(t) ? null : t;
}
