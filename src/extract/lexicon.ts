import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds data/lexicons/<name> whether running from src/ (tsx) or from dist/src/ (built): walks up from
 * this module until a folder holding data/lexicons is found.
 */
export function lexiconPath(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', 'lexicons', name);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`lexicon ${name} not found in data/lexicons`);
}

export function readLexicon<T>(name: string): T {
  return JSON.parse(readFileSync(lexiconPath(name), 'utf8')) as T;
}
