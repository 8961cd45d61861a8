import type Database from 'better-sqlite3';

// The SQLite store checks itself: a quick check when a file is opened (a corrupted page is found
// before anything is read from it or written next to it), a full check on demand, online backups,
// and the storage faults (full disk, I/O error) that must stop a run instead of failing each article.

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

/** Throws a StoreHealthError unless the file passes SQLite's quick (or full) check. */
export function assertSound(db: Database.Database, path: string, full = false): void {
  let problems: string[];
  try {
    problems = problemsOf(db, full ? 'integrity_check(20)' : 'quick_check(1)');
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
