import { InvalidArgumentError, Option, type Command } from 'commander';
import type { InputProblem, ReadOptions, ReadResult } from '../ingest/index.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from '../ingest/fetch.js';
import type { Article } from '../model/article.js';
import { UserError, EXIT } from './errors.js';
import { oneLine } from '../report/text.js';

/** The input flags every command that reads articles shares (extract, quotes, analyze, ingest, cluster). */
export interface InputFlags {
  fetch?: boolean;
  allowPrivateNetwork?: boolean;
  /** Seconds. */
  timeout?: number;
  /** Bytes. */
  maxBytes?: number;
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of seconds');
  return n;
}

/** Accepts 5000000, 500k, 5M (powers of 1024 for the suffixes). */
function parseBytes(value: string): number {
  // eslint-disable-next-line security/detect-unsafe-regex -- applied to a short value (a flag, a name, a date string, an address), never to article text
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(value.trim());
  if (!m?.[1]) throw new InvalidArgumentError('expected a size such as 5000000, 500k or 5M');
  const scale = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase()] ?? 1;
  const n = Math.floor(Number(m[1]) * scale);
  if (n <= 0) throw new InvalidArgumentError('expected a positive size');
  return n;
}

/** Adds --fetch, --allow-private-network, --timeout and --max-bytes to a command. */
export function addInputOptions(command: Command): Command {
  return command
    .option('--fetch', 'fetch the pages of feed items that carry only a link')
    .option('--allow-private-network', 'allow fetching from private, loopback and link-local addresses')
    .addOption(new Option('--timeout <seconds>', 'time limit for each fetch').argParser(parseSeconds).default(DEFAULT_TIMEOUT_MS / 1000))
    .addOption(new Option('--max-bytes <size>', 'size limit for each fetched page (e.g. 5M)').argParser(parseBytes).default(DEFAULT_MAX_BYTES, '5M'));
}

/** ReadOptions from a command's parsed input flags. */
export function readOptionsFrom(flags: InputFlags): ReadOptions {
  const options: ReadOptions = {};
  if (flags.fetch) options.fetch = true;
  if (flags.allowPrivateNetwork) options.allowPrivateNetwork = true;
  if (flags.timeout !== undefined) options.timeoutMs = Math.round(flags.timeout * 1000);
  if (flags.maxBytes !== undefined) options.maxBytes = flags.maxBytes;
  return options;
}

/** One line per problem: `crosscheck: <input>: <reason>`. */
export function formatProblem(p: InputProblem): string {
  const prefix = p.level === 'warning' ? 'warning: ' : p.level === 'skipped' ? 'skipped: ' : '';
  return `crosscheck: ${p.origin}: ${prefix}${p.reason}`;
}

/** A progress line on stderr, only when stderr is a terminal (never in pipes, logs or tests). */
function progressReporter(stream: NodeJS.WriteStream): { onProgress: ReadOptions['onProgress']; clear: () => void } {
  if (!stream.isTTY) return { onProgress: undefined, clear: () => undefined };
  let shown = false;
  return {
    onProgress: (done, total, origin) => {
      if (total < 2) return;
      const width = Math.max(20, (stream.columns || 80) - 16);
      const name = origin.length > width ? `…${origin.slice(-width + 1)}` : origin;
      stream.write(`\r\x1b[2K[${done}/${total}] ${oneLine(name)}`);
      shown = true;
    },
    clear: () => {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}

/**
 * A day stated without its year ("Earlier today (9 July)") takes its year from the batch, the same in
 * every command that reads a batch (analyze, extract, quotes, cluster).
 */
function withStatedYears(result: ReadResult, fill: (a: readonly Article[]) => Article[]): ReadResult {
  const filled = fill(result.articles);
  const swap = new Map(result.articles.map((a, i) => [a, filled[i] ?? a]));
  return { ...result, articles: filled, items: result.items.map((it) => ('article' in it ? { article: swap.get(it.article) ?? it.article } : it)) };
}

/**
 * Reads every input for a command, showing progress on a terminal, and prints one line on stderr per
 * input that failed, was skipped or read with a warning. Never throws for bad inputs.
 */
export async function loadInputs(inputs: string[], options: ReadOptions = {}): Promise<ReadResult> {
  const progress = progressReporter(process.stderr);
  const withProgress: ReadOptions = { ...options };
  const onProgress = options.onProgress ?? progress.onProgress;
  if (onProgress) withProgress.onProgress = onProgress;
  // Loaded when a command runs, not when it is registered: `--help` reads no input.
  const { readInputs } = await import('../ingest/index.js');
  const result = withStatedYears(await readInputs(inputs, withProgress), (await import('../extract/stated-date.js')).fillStatedYears);
  progress.clear();
  for (const p of result.problems) process.stderr.write(`${formatProblem(p)}\n`);
  // Said plainly, once per article: a language the language layer does not read.
  const { languageWarning } = await import('../extract/language.js');
  for (const a of result.articles) {
    const warning = languageWarning(a.language);
    if (warning) process.stderr.write(`${formatProblem({ origin: a.origin, level: 'warning', reason: warning })}\n`);
  }
  return result;
}

/**
 * Reads every input for a command: one line on stderr per input that failed or was skipped, and the
 * rest go on. Throws (exit 1) only when no article at all could be read.
 */
export async function loadArticles(inputs: string[], options: ReadOptions = {}): Promise<Article[]> {
  const { articles } = await loadInputs(inputs, options);
  if (articles.length === 0) throw new UserError('no article could be read', EXIT.nothingRead);
  return articles;
}
