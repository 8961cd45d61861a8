import { makeArticle, type ArticleMeta } from '../model/article.js';
import { markBoilerplateLines } from '../extract/boilerplate.js';
import { normalisePublished } from '../extract/dates.js';
import { htmlArticleBounded, type Built } from './articles.js';
import type { BoundedOptions } from '../extract/pool.js';
import { textBudgetProblem } from './budgets.js';
import { MAX_STREAMED_LINE_CHARS, type StreamedLine } from './lines.js';

// JSONL / NDJSON: one article per line, {url, outlet, title, published, author, and text or html}.
// A line's origin is `<path>#<line number>`; a malformed line is an error on that line alone.

export interface LineResult {
  origin: string;
  built: Built;
}

/** Accepted keys per field, first present wins (common exports use source/site/date/content). */
const FIELDS: Record<keyof ArticleMeta, string[]> = {
  url: ['url', 'link'],
  outlet: ['outlet', 'source', 'site', 'publisher'],
  title: ['title', 'headline'],
  published: ['published', 'date', 'datePublished', 'published_at'],
  author: ['author', 'byline', 'authors'],
};

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() ? v : null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(str).filter(Boolean).join(', ') || null;
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return (v as { name: string }).name;
  return null;
}

function metaOf(record: Record<string, unknown>): Partial<ArticleMeta> {
  const meta: Partial<ArticleMeta> = {};
  for (const [field, keys] of Object.entries(FIELDS) as [keyof ArticleMeta, string[]][]) {
    for (const k of keys) {
      const v = str(record[k]);
      if (v !== null) {
        meta[field] = field === 'published' ? (normalisePublished(v) ?? v) : v.trim();
        break;
      }
    }
  }
  return meta;
}

/**
 * The articles of a JSONL file. A line carrying HTML is extracted under the same per-page deadline as
 * an HTML file (src/extract/pool.ts): one hostile line must not stall the whole file.
 */
export async function readJsonl(path: string, content: string, warnings: string[] = [], options: BoundedOptions = {}): Promise<LineResult[]> {
  const out: LineResult[] = [];
  for await (const r of jsonlResults(path, asLines(content), warnings, options)) out.push(r);
  return out;
}

function* asLines(content: string): Generator<StreamedLine> {
  for (const text of content.split('\n')) yield { text: text.replace(/\r$/, '') };
}

/**
 * The articles of JSONL lines, each yielded as soon as it is built: `ingest` reads a large file as a
 * stream (src/ingest/lines.ts) and stores each article before the next line is read.
 */
export async function* jsonlResults(path: string, lines: AsyncIterable<StreamedLine> | Iterable<StreamedLine>, warnings: string[] = [], options: BoundedOptions = {}): AsyncGenerator<LineResult> {
  let n = 0;
  let any = false;
  for await (const line of lines) {
    n++;
    const origin = `${path}#${n}`;
    if ('tooLong' in line) {
      any = true;
      yield { origin, built: { ok: false, reason: `line ${n} of ${line.tooLong} characters is over the limit of ${MAX_STREAMED_LINE_CHARS} per line` } };
      continue;
    }
    if (!line.text.trim()) continue;
    any = true;
    try {
      yield { origin, built: await readLine(origin, line.text, n, warnings, options) };
    } catch (e) {
      yield { origin, built: { ok: false, reason: `cannot read line ${n} (${(e as Error).message})` } };
    }
  }
  if (!any) yield { origin: path, built: { ok: false, reason: 'no JSON lines in the file' } };
}

/** One JSON line to an article, or the reason it cannot be one. */
async function readLine(origin: string, line: string, n: number, warnings: string[], options: BoundedOptions): Promise<Built> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, reason: `malformed JSON on line ${n}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: `line ${n} is not a JSON object` };
  }
  const record = value as Record<string, unknown>;
  const meta = metaOf(record);
  const text = typeof record['text'] === 'string' ? record['text'] : typeof record['body'] === 'string' ? record['body'] : typeof record['content'] === 'string' ? record['content'] : null;
  const html = typeof record['html'] === 'string' ? record['html'] : null;
  const over = text !== null ? textBudgetProblem(text) : null;
  if (over) return { ok: false, reason: `line ${n}: ${over}` };
  if (text !== null && text.trim()) {
    const article = makeArticle({
      origin,
      kind: 'jsonl',
      text,
      meta,
      boilerplate: markBoilerplateLines(text),
      diagnostics: warnings.map((message) => ({ level: 'warning', message })),
    });
    return { ok: true, article };
  } else if (html !== null && html.trim()) {
    return htmlArticleBounded(origin, 'jsonl', html, meta.url ?? null, warnings, options, meta);
  } else {
    return { ok: false, reason: `line ${n} has no "text" or "html"` };
  }
}
