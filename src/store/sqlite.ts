import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { assertSound, openCheckFor } from './sqlite-health.js';
import { metadataPublished } from '../model/article.js';
import { REPLAY_COLUMNS, toRecord, toReplayRecord, toStoryRow, type ArticleRow, type ReplayRow, type StoryDbRow } from './rows.js';
import {
  StoreConflictError,
  type ArticleCommit,
  type ArticleRecord,
  type ArticleStore,
  type FeedValidators,
  type ListOptions,
  type LogEntry,
  type MergeEvent,
  type RevisionCommit,
  type StoryEvent,
  type StoryPage,
  type StoryQuery,
  type StorySummary,
} from './types.js';
import { summarise } from './summary.js';
import { storyQuerySql } from './sqlite-query.js';

/**
 * Waiting time for a lock held by another process (ingest and serve share one file): WAL lets
 * readers go on during a write, and writers queue for up to this long before failing.
 */
const BUSY_TIMEOUT_MS = 10_000;

/** Schema migrations, applied in order; PRAGMA user_version records how many ran. Never edit one: add one. */
const MIGRATIONS: string[] = [
  `CREATE TABLE articles (
     seq INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     url_key TEXT NOT NULL,
     version INTEGER NOT NULL,
     current INTEGER NOT NULL,
     story_id TEXT NOT NULL,
     first_story TEXT NOT NULL,
     near_duplicate_of TEXT,
     ingested_at TEXT NOT NULL,
     outlet TEXT,
     published TEXT,
     article TEXT NOT NULL,
     vector TEXT NOT NULL,
     terms TEXT NOT NULL,
     minhash TEXT NOT NULL
   );
   CREATE INDEX articles_url ON articles(url_key, version);
   CREATE INDEX articles_story ON articles(story_id, current);
   CREATE TABLE stories (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     merged_into TEXT,
     version INTEGER NOT NULL DEFAULT 0,
     updated_at TEXT NOT NULL,
     conflicts INTEGER,
     conflicts_version INTEGER NOT NULL DEFAULT -1
   );
   CREATE INDEX stories_updated ON stories(merged_into, updated_at);
   CREATE TABLE story_events (
     seq INTEGER PRIMARY KEY,
     kind TEXT NOT NULL,
     story TEXT NOT NULL,
     other TEXT,
     article TEXT NOT NULL,
     article_seq INTEGER NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX story_events_story ON story_events(story);
   CREATE INDEX story_events_other ON story_events(other);
   CREATE INDEX story_events_article ON story_events(article_seq);`,
  // Revisions of the clustering (moves and splits) take seq numbers in the same log as articles.
  `CREATE TABLE revisions (
     seq INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     body TEXT NOT NULL
   );`,
  // The article title as a column, so the story list can be searched without parsing every article.
  `ALTER TABLE articles ADD COLUMN title TEXT;
   UPDATE articles SET title = json_extract(article, '$.title');`,
  // Clustering checkpoints (store/checkpoint.ts): opening replays only the log after the latest.
  `CREATE TABLE cluster_checkpoints (
     seq INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     body BLOB NOT NULL
   );`,
  // Watched feeds' validators (ETag, Last-Modified), so a later `watch` sends conditional requests.
  `CREATE TABLE feed_validators (
     url TEXT PRIMARY KEY,
     etag TEXT,
     last_modified TEXT,
     at TEXT NOT NULL
   );`,
];

/** Checkpoints kept: the latest, and one before it in case the latest is being written. */
const CHECKPOINTS_KEPT = 2;

/** The default backend: one SQLite file in WAL mode, shared by `ingest`, `watch` and `serve`. */
export class SqliteStore implements ArticleStore {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared statements are cached: preparing costs more than running most of these queries. */
  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  constructor(private readonly path: string) {
    this.db = new Database(path);
    // Checked before anything else touches the file: a damaged store is refused with what to do.
    if (path !== ':memory:') {
      try {
        assertSound(this.db, path, openCheckFor(statSync(path).size));
      } catch (e) {
        this.db.close();
        throw e;
      }
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // NORMAL in WAL mode: a committed transaction is in the WAL file before commit returns, so it
    // survives the process being killed (SIGKILL); only an OS crash or power loss can lose the last
    // commits. FULL would fsync every article and cap ingest at disk latency (~60 articles/s here).
    this.db.pragma('synchronous = NORMAL');
    this.migrate();
  }

  private migrate(): void {
    const run = this.db.transaction(() => {
      const at = this.db.pragma('user_version', { simple: true }) as number;
      for (let i = at; i < MIGRATIONS.length; i++) this.db.exec(MIGRATIONS[i]!);
      if (at < MIGRATIONS.length) this.db.pragma(`user_version = ${MIGRATIONS.length}`);
    });
    run.immediate();
  }

  /** SQLite's full integrity check (`crosscheck store check`); throws a StoreHealthError naming the damage. */
  check(): void {
    assertSound(this.db, this.path, 'full');
  }

  /** An online copy of the store into `file` (consistent even while other processes write). */
  async backup(file: string): Promise<void> {
    await this.db.backup(file);
  }

  /** Schema version of the open file (number of migrations applied). */
  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private seqNow(): number {
    return (this.sql('SELECT MAX((SELECT COALESCE(MAX(seq), 0) FROM articles), (SELECT COALESCE(MAX(seq), 0) FROM revisions)) AS n').get() as { n: number }).n;
  }

  lastSeq(): Promise<number> {
    return Promise.resolve(this.seqNow());
  }

  saveCheckpoint(seq: number, body: Buffer): Promise<void> {
    this.db.transaction(() => {
      this.sql('INSERT OR REPLACE INTO cluster_checkpoints (seq, at, body) VALUES (?, ?, ?)').run(seq, new Date().toISOString(), body);
      this.sql('DELETE FROM cluster_checkpoints WHERE seq NOT IN (SELECT seq FROM cluster_checkpoints ORDER BY seq DESC LIMIT ?)').run(CHECKPOINTS_KEPT);
    }).immediate();
    return Promise.resolve();
  }

  loadCheckpoint(): Promise<{ seq: number; body: Buffer } | null> {
    // A checkpoint past the log's end belongs to a log that was cut back (restored backup): ignore it.
    const row = this.sql('SELECT seq, body FROM cluster_checkpoints WHERE seq <= ? ORDER BY seq DESC LIMIT 1').get(this.seqNow()) as { seq: number; body: Buffer } | undefined;
    return Promise.resolve(row ?? null);
  }

  feedValidators(url: string): Promise<FeedValidators | null> {
    const row = this.sql('SELECT etag, last_modified AS lastModified FROM feed_validators WHERE url = ?').get(url) as FeedValidators | undefined;
    return Promise.resolve(row ?? null);
  }

  saveFeedValidators(url: string, v: FeedValidators): Promise<void> {
    this.sql('INSERT OR REPLACE INTO feed_validators (url, etag, last_modified, at) VALUES (?, ?, ?, ?)').run(url, v.etag, v.lastModified, new Date().toISOString());
    return Promise.resolve();
  }

  commit(change: ArticleCommit, expectedSeq: number): Promise<ArticleRecord> {
    const r = change.record;
    const write = this.db.transaction((): number => {
      const actual = this.seqNow();
      if (actual !== expectedSeq) throw new StoreConflictError(expectedSeq, actual);
      const seq = actual + 1;
      const event = this.sql('INSERT INTO story_events (kind, story, other, article, article_seq, at) VALUES (?, ?, ?, ?, ?, ?)');
      if (change.newStory) {
        this.sql('INSERT INTO stories (id, title, updated_at) VALUES (?, ?, ?)').run(change.newStory.id, change.newStory.title, r.ingestedAt);
        event.run('created', change.newStory.id, null, r.id, seq, r.ingestedAt);
      } else event.run('joined', r.firstStory, null, r.id, seq, r.ingestedAt);
      if (change.supersedes) {
        this.sql('UPDATE articles SET current = 0 WHERE id = ?').run(change.supersedes);
        event.run('version', r.firstStory, null, r.id, seq, r.ingestedAt);
      }
      this.db
        .prepare(
          `INSERT INTO articles (seq, id, url_key, version, current, story_id, first_story, near_duplicate_of, ingested_at, outlet, published, article, vector, terms, minhash, title)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          seq,
          r.id,
          r.urlKey,
          r.version,
          r.current ? 1 : 0,
          r.firstStory,
          r.firstStory,
          r.nearDuplicateOf,
          r.ingestedAt,
          r.article.outlet,
          metadataPublished(r.article),
          JSON.stringify(r.article),
          JSON.stringify(r.vector),
          r.terms.join('\n'),
          JSON.stringify(r.minhash),
          r.article.title,
        );
      const touch = this.sql('UPDATE stories SET version = version + 1, updated_at = ? WHERE id = ?');
      touch.run(r.ingestedAt, r.firstStory);
      for (const m of change.merges) {
        this.sql('UPDATE articles SET story_id = ? WHERE story_id = ?').run(m.into, m.from);
        this.sql('UPDATE stories SET merged_into = ? WHERE id = ?').run(m.into, m.from);
        touch.run(r.ingestedAt, m.into);
        event.run('merged', m.into, m.from, r.id, seq, r.ingestedAt);
      }
      return seq;
    });
    try {
      const seq = write.immediate();
      const row = this.sql('SELECT * FROM articles WHERE seq = ?').get(seq) as ArticleRow;
      return Promise.resolve(toRecord(row));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  revise(change: RevisionCommit, expectedSeq: number): Promise<number> {
    const write = this.db.transaction((): number => {
      const actual = this.seqNow();
      if (actual !== expectedSeq) throw new StoreConflictError(expectedSeq, actual);
      const seq = actual + 1;
      const at = change.at;
      this.sql('INSERT INTO revisions (seq, at, body) VALUES (?, ?, ?)').run(seq, at, JSON.stringify(change));
      const event = this.sql('INSERT INTO story_events (kind, story, other, article, article_seq, at) VALUES (?, ?, ?, ?, ?, ?)');
      const touch = this.sql('UPDATE stories SET version = version + 1, updated_at = ? WHERE id = ?');
      const splitIds = new Set<string>();
      for (const sp of change.splits) {
        // A split part may take back the id of a story merged away earlier (ids derive from first articles).
        this.sql('INSERT INTO stories (id, title, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET merged_into = NULL, title = excluded.title').run(sp.id, sp.title, at);
        event.run('split', sp.id, sp.from, sp.article, seq, at);
        splitIds.add(sp.id);
      }
      const move = this.sql('UPDATE articles SET story_id = ? WHERE id = ?');
      const touched = new Set<string>();
      for (const m of change.moves) {
        move.run(m.to, m.article);
        if (!splitIds.has(m.to)) event.run('moved', m.to, m.from, m.article, seq, at);
        touched.add(m.from).add(m.to);
      }
      for (const e of change.emptied) {
        this.sql('UPDATE stories SET merged_into = ? WHERE id = ?').run(e.into, e.from);
        event.run('merged', e.into, e.from, change.moves.find((m) => m.from === e.from)?.article ?? '', seq, at);
      }
      for (const id of [...touched].sort()) touch.run(at, id);
      return seq;
    });
    try {
      return Promise.resolve(write.immediate());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  byId(id: string): Promise<ArticleRecord | null> {
    const row = this.sql('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
    return Promise.resolve(row ? toRecord(row) : null);
  }

  byUrl(urlKey: string): Promise<ArticleRecord | null> {
    const row = this.sql('SELECT * FROM articles WHERE url_key = ? ORDER BY version DESC LIMIT 1').get(urlKey) as ArticleRow | undefined;
    return Promise.resolve(row ? toRecord(row) : null);
  }

  async *replay(after: number, batch = 2000): AsyncIterable<LogEntry> {
    const rows = this.sql(`SELECT ${REPLAY_COLUMNS} FROM articles WHERE seq > ? ORDER BY seq LIMIT ?`);
    const revisions = this.sql('SELECT seq, body FROM revisions WHERE seq > ? AND seq < ? ORDER BY seq');
    const tailRevisions = this.sql('SELECT seq, body FROM revisions WHERE seq > ? ORDER BY seq');
    const merges = this.sql("SELECT story AS \"into\", other AS \"from\", article_seq FROM story_events WHERE kind = 'merged' AND article_seq > ? AND article_seq <= ? ORDER BY seq");
    const revisionEntry = (r: { seq: number; body: string }): LogEntry => ({ kind: 'revision', seq: r.seq, revision: JSON.parse(r.body) as RevisionCommit });
    let at = after;
    for (;;) {
      const page = rows.all(at, batch) as ReplayRow[];
      if (page.length === 0) {
        // Revisions after the last article.
        for (const r of tailRevisions.all(at) as { seq: number; body: string }[]) yield revisionEntry(r);
        return;
      }
      const last = page[page.length - 1]!.seq;
      const bySeq = new Map<number, MergeEvent[]>();
      for (const m of merges.all(at, last) as { into: string; from: string; article_seq: number }[]) {
        const list = bySeq.get(m.article_seq) ?? [];
        list.push({ into: m.into, from: m.from });
        bySeq.set(m.article_seq, list);
      }
      // Revisions between this page's articles, interleaved by seq. (A revision's own 'merged' events
      // carry its seq, which no article has, so they never show up as an article's merges.)
      const revs = revisions.all(at, last) as { seq: number; body: string }[];
      let k = 0;
      for (const row of page) {
        while (k < revs.length && revs[k]!.seq < row.seq) yield revisionEntry(revs[k++]!);
        yield { kind: 'article', seq: row.seq, record: toReplayRecord(row), merges: bySeq.get(row.seq) ?? [] };
      }
      at = last;
      await Promise.resolve();
    }
  }

  countArticles(): Promise<number> {
    // From the log, not COUNT(*): every commit takes the next seq (articles and revisions share them)
    // and no row is ever deleted, so the articles are the seqs up to the last article's that are not
    // revisions. COUNT(*) scans an index of every article (3.7 s cold at a million, the first /health).
    const sql = 'SELECT m.n - (SELECT COUNT(*) FROM revisions WHERE seq < m.n) AS n FROM (SELECT COALESCE(MAX(seq), 0) AS n FROM articles) m';
    return Promise.resolve((this.sql(sql).get() as { n: number }).n);
  }

  private summaries(rows: StoryDbRow[]): StorySummary[] {
    const arts = this.sql('SELECT outlet, published FROM articles WHERE story_id = ? AND current = 1 ORDER BY seq');
    return rows.map((s) => summarise(toStoryRow(s), arts.all(s.id) as { outlet: string | null; published: string | null }[]));
  }

  listStories(options: ListOptions = {}): Promise<StorySummary[]> {
    const rows = this.db
      .prepare('SELECT * FROM stories WHERE merged_into IS NULL ORDER BY updated_at DESC, id LIMIT ? OFFSET ?')
      .all(options.limit ?? -1, options.offset ?? 0) as StoryDbRow[];
    return Promise.resolve(this.summaries(rows));
  }

  queryStories(query: StoryQuery): Promise<StoryPage> {
    const { where, params, orderBy } = storyQuerySql(query);
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM stories s WHERE ${where}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT s.* FROM stories s WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
      .all(...params, query.limit ?? -1, query.offset ?? 0) as StoryDbRow[];
    return Promise.resolve({ total, stories: this.summaries(rows) });
  }

  countStories(): Promise<number> {
    return Promise.resolve((this.sql('SELECT COUNT(*) AS n FROM stories WHERE merged_into IS NULL').get() as { n: number }).n);
  }

  story(id: string): Promise<StorySummary | null> {
    const row = this.sql('SELECT * FROM stories WHERE id = ? AND merged_into IS NULL').get(id) as StoryDbRow | undefined;
    return Promise.resolve(row ? (this.summaries([row])[0] ?? null) : null);
  }

  storyArticles(id: string): Promise<ArticleRecord[]> {
    const rows = this.sql('SELECT * FROM articles WHERE story_id = ? AND current = 1 ORDER BY seq').all(id) as ArticleRow[];
    return Promise.resolve(rows.map(toRecord));
  }

  resolveStory(id: string): Promise<string | null> {
    const get = this.sql('SELECT merged_into FROM stories WHERE id = ?');
    let row = get.get(id) as { merged_into: string | null } | undefined;
    if (!row || row.merged_into === null) return Promise.resolve(null);
    let at = id;
    for (let guard = 0; row && row.merged_into !== null && guard < 10_000; guard++) {
      at = row.merged_into;
      row = get.get(at) as { merged_into: string | null } | undefined;
    }
    return Promise.resolve(at);
  }

  storyEvents(id: string): Promise<StoryEvent[]> {
    const rows = this.sql('SELECT seq, kind, story, other, article, at FROM story_events WHERE story = ? OR other = ? ORDER BY seq').all(id, id);
    return Promise.resolve(rows as StoryEvent[]);
  }

  setConflictCount(id: string, version: number, conflicts: number): Promise<void> {
    this.sql('UPDATE stories SET conflicts = ?, conflicts_version = ? WHERE id = ? AND version = ?').run(conflicts, version, id, version);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
