import { readFile } from 'node:fs/promises';
import { makeArticle, type Article } from '../model/article.js';

// MINIMAL FIRST VERSION (plain-text files only). The foundation issue replaces this module with the
// full reader (directories, HTML, feeds, JSONL, gzip, URLs, stdin); the exported API stays.

export interface ReadOptions {
  /** Fetch the pages of feed items that carry only a link. */
  fetch?: boolean;
  allowPrivateNetwork?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  /** Called as inputs are read, for progress display. */
  onProgress?: (done: number, total: number, origin: string) => void;
}

/** One input that could not be read (error), was passed over (skipped), or was read with a caveat (warning). */
export interface InputProblem {
  origin: string;
  level: 'error' | 'skipped' | 'warning';
  reason: string;
}

export interface ReadResult {
  articles: Article[];
  problems: InputProblem[];
}

export async function readInputs(inputs: string[], _options: ReadOptions = {}): Promise<ReadResult> {
  const articles: Article[] = [];
  const problems: InputProblem[] = [];
  for (const origin of inputs) {
    try {
      const text = (await readFile(origin, 'utf8')).replace(/^\uFEFF/, '');
      articles.push(makeArticle({ origin, kind: 'text', text }));
    } catch (e) {
      problems.push({ origin, level: 'error', reason: (e as Error).message });
    }
  }
  return { articles, problems };
}
