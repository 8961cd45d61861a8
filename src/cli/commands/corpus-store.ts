import type { Command } from 'commander';
import type { SqliteStore } from '../../store/sqlite.js';
import { UserError } from '../errors.js';
import { isPostgresUrl } from '../../store/default-db.js';
import { addDbOption, displayDb } from './corpus-shared.js';
import { existsSync } from 'node:fs';

// `crosscheck store check` and `crosscheck store backup FILE`: the store file's full integrity check
// and an online backup (safe while ingest, watch or serve write to it).

// SQLite loads only when one of these commands runs (`--help` never loads it).
async function openSqlite(path: string): Promise<SqliteStore> {
  if (isPostgresUrl(path)) throw new UserError(`${displayDb(path)}: store check and backup are for SQLite files; use PostgreSQL's own tools (pg_amcheck, pg_dump)`);
  if (!existsSync(path)) throw new UserError(`${path}: no store here (run crosscheck ingest first, or pass --db)`, 1);
  const [{ SqliteStore }, { StoreHealthError }] = await Promise.all([import('../../store/sqlite.js'), import('../../store/sqlite-health.js')]);
  try {
    return new SqliteStore(path);
  } catch (e) {
    throw new UserError(e instanceof StoreHealthError ? e.message : `${path}: cannot open the store: ${(e as Error).message}`, 1);
  }
}

export function registerStore(program: Command): void {
  const store = program.command('store').description("check or back up the store file (SQLite)");
  addDbOption(store.command('check').description("run SQLite's full integrity check on the store")).action(async (flags: { db: string }) => {
    const s = await openSqlite(flags.db);
    try {
      s.check();
      process.stdout.write(`${flags.db}: ok\n`);
    } catch (e) {
      throw new UserError((e as Error).message, 1);
    } finally {
      void s.close();
    }
  });
  addDbOption(store.command('backup').description('copy the store to FILE while it stays in use').argument('<file>', 'where to write the copy')).action(
    async (file: string, flags: { db: string }) => {
      if (existsSync(file)) throw new UserError(`${file}: already exists (choose a new file name)`);
      const s = await openSqlite(flags.db);
      try {
        await s.backup(file);
        process.stdout.write(`${flags.db}: backed up to ${file}\n`);
      } catch (e) {
        throw new UserError(`${file}: backup failed: ${(e as Error).message}`, 1);
      } finally {
        await s.close();
      }
    },
  );
}
