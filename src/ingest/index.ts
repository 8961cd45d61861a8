import { open, stat } from 'node:fs/promises';
import type { Article, ArticleMeta, InputKind } from '../model/article.js';
import { htmlArticleBounded, plainTextArticle, type Built } from './articles.js';
import { closeExtractPool } from '../extract/pool.js';
import { sizeProblem } from './budgets.js';
import { decodeBytes } from './decode.js';
import { FetchError, charsetOf, fetchUrl } from './fetch.js';
import { extensionOf, kindFromContentType, kindFromName, sniffKind } from './input-kind.js';
import { jsonlResults, readJsonl } from './jsonl.js';
import { fileLines } from './lines.js';
import { walkDirectory } from './walk.js';
import { withLanguage } from '../extract/language.js';

// Reads every kind of input into Articles: files (.txt, .md, .html, .jsonl, RSS/Atom; any of them
// gzip-compressed), directories (recursively, sorted), http(s) URLs and stdin (`-`). A bad input
// becomes one problem naming it and the reason; the other inputs go on.

export interface ReadOptions {
  /** Fetch the pages of feed items that carry only a link. */
  fetch?: boolean;
  allowPrivateNetwork?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  /** Called as inputs are read, for progress display. */
  onProgress?: (done: number, total: number, origin: string) => void;
  /** Where `-` reads from (tests pass their own); defaults to the process's stdin. */
  readStdin?: () => Promise<Uint8Array>;
}

/** One input that could not be read (error), was passed over (skipped), or was read with a caveat (warning). */
export interface InputProblem {
  origin: string;
  level: 'error' | 'skipped' | 'warning';
  reason: string;
}

/** Articles and problems interleaved in input order (what `extract --format jsonl` prints). */
export type ReadItem = { article: Article } | { problem: InputProblem };

export interface ReadResult {
  articles: Article[];
  problems: InputProblem[];
  items: ReadItem[];
}

type Unit = { type: 'file'; path: string } | { type: 'url'; url: string } | { type: 'stdin' } | { type: 'problem'; problem: InputProblem };

const URL_INPUT = /^https?:\/\//i;
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]+:\/\//i;

function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOTDIR') return 'not a directory';
  return (e as Error).message;
}

async function expand(inputs: string[]): Promise<Unit[]> {
  const units: Unit[] = [];
  for (const input of inputs) {
    if (input === '-') units.push({ type: 'stdin' });
    else if (URL_INPUT.test(input)) units.push({ type: 'url', url: input });
    else if (OTHER_SCHEME.test(input)) units.push({ type: 'problem', problem: { origin: input, level: 'error', reason: 'unsupported URL scheme (only http and https)' } });
    else {
      try {
        const s = await stat(input);
        if (s.isDirectory()) {
          const { files, skipped } = await walkDirectory(input);
          for (const k of skipped) units.push({ type: 'problem', problem: { origin: k.origin, level: 'skipped', reason: k.reason } });
          for (const f of files) units.push({ type: 'file', path: f });
          if (files.length === 0) units.push({ type: 'problem', problem: { origin: input, level: 'skipped', reason: 'no readable files in the directory' } });
        } else if (kindFromName(input) === null) {
          units.push({ type: 'problem', problem: { origin: input, level: 'error', reason: `unsupported file type ${extensionOf(input)} (crosscheck reads .txt, .md, .html, .htm, .jsonl, .ndjson, .rss, .atom, .xml, and these .gz)` } });
        } else units.push({ type: 'file', path: input });
      } catch (e) {
        units.push({ type: 'problem', problem: { origin: input, level: 'error', reason: fsReason(e) } });
      }
    }
  }
  return units;
}

/**
 * A JSONL file larger than this is read as a stream, line by line, whatever its size (each line is
 * held alone, so memory stays flat); smaller ones are read whole, where the charset is sniffed.
 */
export const STREAM_JSONL_BYTES = 4 * 1024 * 1024;

/** Whether a file is a plain (not gzipped) JSONL file large enough to be streamed. */
async function streamable(unit: Unit): Promise<boolean> {
  if (unit.type !== 'file' || !/\.(jsonl|ndjson)$/i.test(unit.path)) return false;
  try {
    return (await stat(unit.path)).size > STREAM_JSONL_BYTES;
  } catch {
    return false;
  }
}

/** A file's bytes, or the reason it is too large to read (checked before reading, not after). */
async function readCapped(path: string): Promise<Uint8Array | string> {
  const handle = await open(path, 'r');
  try {
    const over = sizeProblem((await handle.stat()).size);
    return over ?? (await handle.readFile());
  } finally {
    await handle.close();
  }
}

async function readProcessStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Fills a page's missing metadata from what a feed item or JSON line said. */
function fillMissing(article: Article, meta: Partial<ArticleMeta>): Article {
  const out = { ...article };
  for (const k of ['outlet', 'title', 'published', 'author', 'url'] as const) out[k] ??= meta[k] ?? null;
  return out;
}

class Reader {
  readonly items: ReadItem[] = [];
  constructor(private readonly options: ReadOptions) {}

  problem(origin: string, level: InputProblem['level'], reason: string): void {
    this.items.push({ problem: { origin, level, reason } });
  }

  built(origin: string, b: Built, warnings: string[] = []): void {
    if (b.ok) {
      for (const w of warnings) this.problem(origin, 'warning', w);
      // Every article read records its language (src/extract/language.ts).
      this.items.push({ article: withLanguage(b.article) });
    } else this.problem(origin, 'error', b.reason);
  }

  /** Decoded text of a given kind to articles. `pageUrl` is where HTML came from. */
  async fromText(origin: string, kind: InputKind, text: string, warnings: string[], pageUrl: string | null): Promise<void> {
    switch (kind) {
      case 'text':
      case 'markdown':
        this.built(origin, plainTextArticle(origin, kind, text, warnings), warnings);
        return;
      case 'html':
        this.built(origin, await htmlArticleBounded(origin, 'html', text, pageUrl, warnings), warnings);
        return;
      case 'jsonl':
        for (const w of warnings) this.problem(origin, 'warning', w);
        for (const line of await readJsonl(origin, text, warnings)) this.built(line.origin, line.built);
        return;
      case 'feed': {
        // Loaded on first use: the XML parser is not needed by most runs.
        const { readFeed } = await import('./feed.js');
        const feed = readFeed(origin, text);
        if (!feed.ok) {
          this.problem(origin, 'error', feed.reason);
          return;
        }
        for (const w of warnings) this.problem(origin, 'warning', w);
        for (const entry of feed.entries) {
          if (entry.kind === 'article') this.items.push({ article: withLanguage(entry.article) });
          else if (entry.kind === 'error') this.problem(entry.origin, 'error', entry.reason);
          else if (!this.options.fetch) this.problem(entry.origin, 'skipped', `feed item carries no full text (${entry.words} words); use --fetch to read ${entry.url}`);
          else await this.fetchPage(entry.origin, entry.url, entry.meta);
        }
        return;
      }
    }
  }

  async fetchPage(origin: string, url: string, meta: Partial<ArticleMeta>): Promise<void> {
    try {
      const res = await fetchUrl(url, this.options);
      const decoded = decodeBytes(res.bytes, this.options.maxBytes, charsetOf(res.contentType));
      if (!decoded.ok) return this.problem(origin, 'error', decoded.reason);
      const b = await htmlArticleBounded(origin, 'feed', decoded.text, res.url, decoded.warnings);
      this.built(origin, b.ok ? { ok: true, article: fillMissing(b.article, meta) } : b, decoded.warnings);
    } catch (e) {
      this.problem(origin, 'error', e instanceof FetchError ? e.message : `fetch failed: ${(e as Error).message}`);
    }
  }

  /** A large JSONL file's articles, each yielded as soon as its line is read (see STREAM_JSONL_BYTES). */
  async *jsonlFile(path: string): AsyncGenerator<ReadItem> {
    for await (const line of jsonlResults(path, fileLines(path))) {
      this.built(line.origin, line.built);
      yield* this.items.splice(0);
    }
  }

  async read(unit: Unit): Promise<void> {
    switch (unit.type) {
      case 'problem':
        this.items.push({ problem: unit.problem });
        return;
      case 'file': {
        let bytes: Uint8Array | string;
        try {
          bytes = await readCapped(unit.path);
        } catch (e) {
          return this.problem(unit.path, 'error', fsReason(e));
        }
        if (typeof bytes === 'string') return this.problem(unit.path, 'error', bytes);
        const decoded = decodeBytes(bytes);
        if (!decoded.ok) return this.problem(unit.path, 'error', decoded.reason);
        const kind = kindFromName(unit.path) ?? sniffKind(decoded.text);
        return this.fromText(unit.path, kind, decoded.text, decoded.warnings, null);
      }
      case 'stdin': {
        let bytes: Uint8Array;
        try {
          bytes = await (this.options.readStdin ?? readProcessStdin)();
        } catch (e) {
          return this.problem('-', 'error', `cannot read stdin (${(e as Error).message})`);
        }
        const over = sizeProblem(bytes.length);
        if (over) return this.problem('-', 'error', over);
        const decoded = decodeBytes(bytes);
        if (!decoded.ok) return this.problem('-', 'error', decoded.reason);
        return this.fromText('-', sniffKind(decoded.text), decoded.text, decoded.warnings, null);
      }
      case 'url': {
        let res;
        try {
          res = await fetchUrl(unit.url, this.options);
        } catch (e) {
          return this.problem(unit.url, 'error', e instanceof FetchError ? e.message : `fetch failed: ${(e as Error).message}`);
        }
        const decoded = decodeBytes(res.bytes, this.options.maxBytes, charsetOf(res.contentType));
        if (!decoded.ok) return this.problem(unit.url, 'error', decoded.reason);
        const kind = kindFromContentType(res.contentType) ?? kindFromName(new URL(res.url).pathname) ?? sniffKind(decoded.text);
        return this.fromText(unit.url, kind, decoded.text, decoded.warnings, res.url);
      }
    }
  }
}

/**
 * Reads the inputs one at a time, yielding each one's articles and problems as soon as it is read:
 * `ingest` stores articles while later inputs are still being read, so a long batch holds only one
 * input in memory and the first articles are stored (and reported) early.
 */
export async function* streamInputs(inputs: string[], options: ReadOptions = {}): AsyncGenerator<ReadItem, void> {
  const units = await expand(inputs);
  const reader = new Reader(options);
  try {
    for (const [i, unit] of units.entries()) {
      const origin = unit.type === 'file' ? unit.path : unit.type === 'url' ? unit.url : unit.type === 'stdin' ? '-' : unit.problem.origin;
      try {
        if (unit.type === 'file' && (await streamable(unit))) yield* reader.jsonlFile(unit.path);
        else await reader.read(unit);
      } catch (e) {
        // A fault met while reading one input (a parser bug, a stack overflow) is that input's error;
        // what it yielded before the fault is kept.
        reader.problem(origin, 'error', `cannot read this input (${inputFault(e)})`);
      }
      options.onProgress?.(i + 1, units.length, origin);
      const items = reader.items.splice(0);
      yield* items;
    }
  } finally {
    await closeExtractPool();
  }
}

/** A one-line description of an exception thrown while reading an input. */
export function inputFault(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'structure too deep';
  const message = e instanceof Error ? e.message : String(e);
  return (message.split('\n')[0] ?? '').slice(0, 200) || 'unknown error';
}

export async function readInputs(inputs: string[], options: ReadOptions = {}): Promise<ReadResult> {
  const items: ReadItem[] = [];
  for await (const item of streamInputs(inputs, options)) items.push(item);
  const articles: Article[] = [];
  const problems: InputProblem[] = [];
  for (const item of items) {
    if ('article' in item) articles.push(item.article);
    else problems.push(item.problem);
  }
  return { articles, problems, items };
}
