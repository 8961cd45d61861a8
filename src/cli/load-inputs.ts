import { readInputs, type ReadOptions } from '../ingest/index.js';
import type { Article } from '../model/article.js';
import { UserError, EXIT } from './errors.js';

// FIRST VERSION; the foundation issue adds progress display and the shared input flags.
/**
 * Reads every input for a command: one line on stderr per input that failed or was skipped, and the
 * rest go on. Throws (exit 1) only when no article at all could be read.
 */
export async function loadArticles(inputs: string[], options: ReadOptions = {}): Promise<Article[]> {
  const { articles, problems } = await readInputs(inputs, options);
  for (const p of problems) process.stderr.write(`crosscheck: ${p.origin}: ${p.level === 'warning' ? 'warning: ' : ''}${p.reason}\n`);
  if (articles.length === 0) throw new UserError('no article could be read', EXIT.nothingRead);
  return articles;
}
