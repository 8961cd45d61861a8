import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';

/** The repository root (this file is src/testing/paths.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The team's shared folder (seed story, evaluation data), kept beside the checkout and never copied
 * into it. CROSSCHECK_SHARED overrides the location.
 */
export const SHARED = resolve(process.env['CROSSCHECK_SHARED'] ?? join(REPO_ROOT, '..', 'shared'));
export const SEEDS = join(SHARED, 'seeds');
export const EVAL = join(SHARED, 'eval');
export const EXAMPLE_STORY = join(REPO_ROOT, 'examples', 'story');

export const hasShared = (): boolean => existsSync(SEEDS);
