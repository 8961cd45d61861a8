import type Database from 'better-sqlite3';

// The SQLite store checks itself: a quick check when a file is opened (a corrupted page is found
// before anything is read from it or written next to it), a full check on demand, online backups,
// and the storage faults (full disk, I/O error) that must stop a run instead of failing each article.

/**
 * Largest file given SQLite's quick check on open. The quick check reads every page, so its cost is
 * the file's size: 6.7 s for a 913 MB store of 100,000 articles here (about 60 s at a million), which
 * `serve` and every `ingest` would pay before doing anything. Up to this size it costs under about
 * half a second. A bigger file gets the schema check (header and schema pages: a file that is not a
 * store, or whose schema is damaged, is still refused on open); its other pages are checked by SQLite
 * as they are read (a damaged one is SQLITE_CORRUPT, a storage fault that stops ingest at the first),
 * and `crosscheck store check` runs the full check on demand.
 */
export const QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/** A store file that cannot be used as it is: the message names the file and what to do. */
export class StoreHealthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreHealthError';
  }
}

const REPAIR_HINT = 'restore it from a backup (crosscheck store backup makes one), or move it aside and ingest again';

/** Rows of an integrity pragma: ['ok'] when the file is sound. */
function problemsOf(db: Database.Database, pragma: 'quick_check(1)' | 'integrity_check(20)'): string[] {
  const rows = db.pragma(pragma) as Record<string, string>[];
  const lines = rows.map((r) => Object.values(r)[0] ?? '');
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
}

/** The check an open runs on a file of `bytes`: the quick check, or the schema check past QUICK_CHECK_MAX_BYTES. */
export function openCheckFor(bytes: number): 'quick' | 'schema' {
  return bytes <= QUICK_CHECK_MAX_BYTES ? 'quick' : 'schema';
}

/** Reads the header and every schema row (the pages a store needs before anything else). */
function schemaProblems(db: Database.Database): string[] {
  db.prepare('SELECT type, name, sql FROM sqlite_master').all();
  db.pragma('user_version', { simple: true });
  return [];
}

/** Throws a StoreHealthError unless the file passes SQLite's quick (or full, or schema-only) check. */
export function assertSound(db: Database.Database, path: string, level: 'full' | 'quick' | 'schema' = 'quick'): void {
  let problems: string[];
  try {
    problems = level === 'schema' ? schemaProblems(db) : problemsOf(db, level === 'full' ? 'integrity_check(20)' : 'quick_check(1)');
  } catch (e) {
    throw new StoreHealthError(`${path}: the store file is damaged or not a crosscheck store (${(e as Error).message}); ${REPAIR_HINT}`);
  }
  if (problems.length > 0) throw new StoreHealthError(`${path}: the store file is damaged (${problems.slice(0, 3).join('; ')}); ${REPAIR_HINT}`);
}

/** SQLite result codes that mean the storage itself failed: the run must stop at the first one. */
const STORAGE_FAULTS: Record<string, string> = {
  SQLITE_FULL: 'the disk is full',
  SQLITE_IOERR: 'a disk input/output error',
  SQLITE_READONLY: 'the store is read-only',
  SQLITE_CORRUPT: 'the store file is damaged',
  SQLITE_NOTADB: 'the file is not a crosscheck store',
  SQLITE_CANTOPEN: 'the store file cannot be opened',
  ENOSPC: 'the disk is full',
  EIO: 'a disk input/output error',
};

/** What went wrong when `e` is a fault of the storage (not of one article), or null. */
export function storageFault(e: unknown): string | null {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  const base = Object.keys(STORAGE_FAULTS).find((k) => code === k || code.startsWith(`${k}_`));
  return base ? (STORAGE_FAULTS[base] ?? null) : null;
}
