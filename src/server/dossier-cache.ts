import { gzipSync } from 'node:zlib';
import { runInWorker } from '../extract/pool.js';
import { fillStoredYears } from '../extract/stated-date.js';
import type { Dossier } from '../model/dossier.js';
import { renderDossier, type ReportFormat } from '../report/index.js';
import type { ArticleStore, StorySummary } from '../store/types.js';

/**
 * Story dossiers take long to build (every cross-source comparison) but only change when articles
 * join, so each is built once per story version and kept, with its renderings, in a small LRU.
 */
export const DOSSIER_CACHE_STORIES = 256;
/** Time one story's dossier may take (built in a worker): a 100-source story takes about 10 s here. */
export const DOSSIER_DEADLINE_MS = 60_000;

/** A rendering kept as bytes, plain and gzipped, so a cached response costs no encoding work. */
export interface Rendered {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

interface Entry {
  version: number;
  dossier: Dossier;
  rendered: Map<ReportFormat, Rendered>;
}

/** A dossier cache shared by processes (PostgreSQL's story_dossiers): keyed by story and version. */
export interface SharedDossierStore {
  get(storyId: string, version: number): Promise<string | null>;
  put(storyId: string, version: number, body: string): Promise<void>;
}

export class DossierCache {
  private readonly entries = new Map<string, Entry>();
  /** Builds in progress, so 200 simultaneous first requests build a dossier once. */
  private readonly pending = new Map<string, Promise<Entry>>();
  /** Dossiers built (or read from the shared store) so far: each changes a story's conflict count, so lists made before it are stale. */
  builds = 0;
  /** Stories waiting for a background build (warm), in the order asked. */
  private readonly queued = new Map<string, StorySummary>();
  private warming: Promise<void> | null = null;

  constructor(
    private readonly store: ArticleStore,
    private readonly capacity = DOSSIER_CACHE_STORIES,
    /** When given, a dossier built by any process (a dossier worker, another server) is read from it, and ours are written to it. */
    private readonly shared?: SharedDossierStore,
  ) {}

  /** Whether the dossier of this story version is at hand (no build needed). */
  has(story: StorySummary): boolean {
    return this.entries.get(story.id)?.version === story.version;
  }

  /**
   * The story's independent sources (copies and near-copies counting once), when the dossier of this
   * version is at hand; null when it is not built yet (or no longer kept).
   */
  independentSources(story: StorySummary): number | null {
    const e = this.entries.get(story.id);
    if (e?.version !== story.version) return null;
    return e.dossier.sourceGroups?.length ?? e.dossier.sources.length;
  }

  /**
   * Builds these stories' missing dossiers in the background, one at a time (a list must not wait for
   * them, and builds must not crowd the worker pool); a story already queued or built is passed over.
   */
  warm(stories: StorySummary[]): void {
    for (const s of stories) {
      if (this.has(s) || this.queued.has(s.id)) continue;
      this.queued.set(s.id, s);
    }
    if (!this.warming && this.queued.size > 0) this.warming = this.drain().finally(() => (this.warming = null));
  }

  /** Settles when the background builds queued so far are done (tests, shutdown). */
  async warmed(): Promise<void> {
    while (this.warming) await this.warming;
  }

  private async drain(): Promise<void> {
    for (const [id, s] of this.queued) {
      this.queued.delete(id);
      // A story that fails to build (over its deadline) says "not built yet"; the list goes on.
      await this.entry(s).catch(() => undefined);
    }
  }

  async dossier(story: StorySummary): Promise<Dossier> {
    return (await this.entry(story)).dossier;
  }

  async rendered(story: StorySummary, format: ReportFormat): Promise<Rendered> {
    const e = await this.entry(story);
    let out = e.rendered.get(format);
    if (out === undefined) {
      const body = Buffer.from(renderDossier(e.dossier, format), 'utf8');
      out = { body, gzip: gzipSync(body), etag: `"${story.id}-${e.version}-${format}"` };
      e.rendered.set(format, out);
    }
    return out;
  }

  private async entry(story: StorySummary): Promise<Entry> {
    const hit = this.entries.get(story.id);
    if (hit && hit.version === story.version) {
      // Refresh recency: a Map iterates in insertion order, so re-inserting marks it most recent.
      this.entries.delete(story.id);
      this.entries.set(story.id, hit);
      return hit;
    }
    const key = `${story.id}@${story.version}`;
    let p = this.pending.get(key);
    if (!p) {
      p = this.build(story).finally(() => this.pending.delete(key));
      this.pending.set(key, p);
    }
    return p;
  }

  private async build(story: StorySummary): Promise<Entry> {
    const dossier = await this.sharedOrBuilt(story);
    const entry: Entry = { version: story.version, dossier, rendered: new Map() };
    this.entries.delete(story.id);
    this.entries.set(story.id, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    await this.store.setConflictCount(story.id, story.version, dossier.conflicts.length);
    this.builds++;
    return entry;
  }

  private async sharedOrBuilt(story: StorySummary): Promise<Dossier> {
    const known = await this.shared?.get(story.id, story.version);
    if (known) return JSON.parse(known) as Dossier;
    const records = await this.store.storyArticles(story.id);
    // Built in a worker (src/server/dossier-worker.ts): the event loop stays free, and a story that
    // runs past the deadline is stopped.
    // A day stated without its year takes it from the story's other articles, else from the ingest.
    const dossier = await runInWorker<Dossier>('server/dossier-worker', fillStoredYears(records), DOSSIER_DEADLINE_MS);
    await this.shared?.put(story.id, story.version, JSON.stringify(dossier));
    return dossier;
  }
}
