import { createRequire } from 'node:module';

/**
 * Loads a CommonJS-capable library on first use. The HTML, feed and YAML parsers cost 100-250 ms each
 * to load, and most runs (plain-text stories, `--help`) never need them: loading them eagerly made the
 * whole `analyze` process miss its time budget.
 */
const require = createRequire(import.meta.url);

export function lazy<T>(specifier: string): () => T {
  let loaded: T | undefined;
  // eslint-disable-next-line security/detect-non-literal-require -- the specifiers are our own dependency names, written in the code
  return () => (loaded ??= require(specifier) as T);
}
