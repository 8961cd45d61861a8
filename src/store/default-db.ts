/**
 * The default store file, in the working directory (gitignored as *.db). Its own module so the
 * command line can show it in `--help` without loading the store (SQLite).
 */
export const DEFAULT_DB = 'crosscheck.db';

/** True for a PostgreSQL connection URL (postgres:// or postgresql://), as opposed to a SQLite file path. */
export const isPostgresUrl = (location: string): boolean => /^postgres(?:ql)?:\/\//i.test(location);
