/**
 * The default store file, in the working directory (gitignored as *.db). Its own module so the
 * command line can show it in `--help` without loading the store (SQLite).
 */
export const DEFAULT_DB = 'crosscheck.db';
