import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reads a lexicon from data/lexicons/ (JSON with a `_comment` saying what and why). The folder is found
 * by walking up from this module, so the same code works from src/ (tsx) and from dist/src/ (built).
 */
const cache = new Map<string, unknown>();

function lexiconDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'data', 'lexicons');
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error('independence: data/lexicons not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

function load(name: string): Record<string, unknown> {
  let data = cache.get(name);
  if (data === undefined) {
    data = JSON.parse(readFileSync(join(lexiconDir(), name), 'utf8')) as unknown;
    cache.set(name, data);
  }
  return data as Record<string, unknown>;
}

/** The name -> aliases map stored under `key` in data/lexicons/<name> (e.g. organisations.json outlets). */
export function readAliases(name: string, key: string): Record<string, string[]> {
  const map = load(name)[key];
  if (!map || typeof map !== 'object' || Array.isArray(map)) throw new Error(`independence: ${name}: "${key}" is not a map`);
  return map as Record<string, string[]>;
}

/** The string list stored under `key` in data/lexicons/<name>. */
export function readLexicon(name: string, key: string): string[] {
  const list = load(name)[key];
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) throw new Error(`independence: ${name}: "${key}" is not a list of strings`);
  return list;
}

/** Escapes a lexicon entry for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One case-insensitive, word-bounded pattern for a list of phrases. A phrase's spaces match any run of
 * white space, and a straight apostrophe also matches the typographic one.
 */
export function phrasePattern(phrases: string[]): RegExp {
  const alts = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/\s+/g, '\\s+').replace(/'/g, "['’]"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}
