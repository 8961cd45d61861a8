import pc from 'picocolors';
import { bodyOf, type Article } from '../../model/article.js';
import type { ReadItem } from '../../ingest/index.js';
import { neutralise } from '../../report/text.js';
import { detectLanguage, unsupportedNote } from '../../nlp/language.js';

// `crosscheck extract INPUT...`: what crosscheck reads from each input — metadata, the text every
// later span indexes, the body (text less boilerplate) and each boilerplate mark with its reason.

export type ExtractFormat = 'text' | 'json' | 'jsonl';

/** One article as the contract's extract line (docs/contract.md). */
export interface ExtractLine {
  id: string;
  origin: string;
  kind: Article['kind'];
  title: string | null;
  outlet: string | null;
  published: string | null;
  author: string | null;
  url: string | null;
  text: string;
  body: string;
  boilerplate: { start: number; end: number; reason: string }[];
  /** ISO 639-1 code of the body's language as detected, or "und". */
  language: string;
  warnings?: string[];
}

export interface ExtractError {
  origin: string;
  error: string;
}

export function extractLine(a: Article): ExtractLine {
  const body = bodyOf(a);
  const language = detectLanguage(body);
  const line: ExtractLine = {
    id: a.id,
    origin: a.origin,
    kind: a.kind,
    title: a.title,
    outlet: a.outlet,
    published: a.published,
    author: a.author,
    url: a.url,
    text: a.text,
    body,
    boilerplate: a.boilerplate.map((b) => ({ start: b.start, end: b.end, reason: b.reason })),
    language: language.code,
  };
  const note = unsupportedNote(language);
  const warnings = [...a.diagnostics.map((d) => d.message), ...(note ? [note] : [])];
  if (warnings.length) line.warnings = warnings;
  return line;
}

/** The machine-readable records: one per article, one per input that could not be read. */
export function extractRecords(items: ReadItem[]): (ExtractLine | ExtractError)[] {
  const out: (ExtractLine | ExtractError)[] = [];
  for (const item of items) {
    if ('article' in item) out.push(extractLine(item.article));
    else if (item.problem.level === 'error') out.push({ origin: item.problem.origin, error: item.problem.reason });
  }
  return out;
}

/** Human-readable: a header of metadata, then the text with each boilerplate mark shown dimmed. */
export function renderArticleText(a: Article, color: boolean): string {
  const c = pc.createColors(color);
  const field = (name: string, v: string | null): string => `${c.dim(name.padEnd(10))}${v === null ? c.dim('—') : neutralise(v)}`;
  const lines = [
    c.bold(`== ${neutralise(a.origin)}`),
    field('title', a.title),
    field('outlet', a.outlet),
    field('published', a.published !== null && a.statedDate ? `${a.published} (inferred from the text)` : a.published),
    field('language', a.language ?? null),
    field('author', a.author),
    field('url', a.url),
    field('marked', `${a.boilerplate.length} boilerplate span${a.boilerplate.length === 1 ? '' : 's'}`),
  ];
  const language = detectLanguage(bodyOf(a));
  lines.push(field('language', language.code));
  const note = unsupportedNote(language);
  for (const m of [...a.diagnostics.map((d) => d.message), ...(note ? [note] : [])]) lines.push(c.yellow(`warning   ${neutralise(m)}`));
  let body = '';
  let at = 0;
  for (const b of a.boilerplate) {
    body += neutralise(a.text.slice(at, b.start));
    body += c.dim(`[${b.reason}: ${neutralise(a.text.slice(b.start, b.end))}]`);
    at = b.end;
  }
  body += neutralise(a.text.slice(at));
  return `${lines.join('\n')}\n\n${body.replace(/\s+$/, '')}\n`;
}
