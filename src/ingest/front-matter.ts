import { lazy } from '../model/lazy-require.js';

const yaml = lazy<typeof import('yaml')>('yaml');
import type { ArticleMeta } from '../model/article.js';
import type { Span } from '../model/span.js';

// A YAML front-matter block (`---` lines) at the very top of a .txt/.md file supplies metadata. The
// block stays in the text (spans index the file as read); ingest marks it as boilerplate.

export interface FrontMatter {
  meta: Partial<ArticleMeta>;
  /** The block, from the first `---` to the end of the closing `---` line (its newline included). */
  span: Span;
  warnings: string[];
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Keys accepted for each metadata field; the first present wins. */
const KEYS: Record<keyof ArticleMeta, string[]> = {
  outlet: ['outlet', 'source', 'site', 'publisher', 'site_name'],
  title: ['title', 'headline'],
  published: ['published', 'date', 'datePublished', 'published_at', 'pubDate'],
  author: ['author', 'byline', 'authors'],
  url: ['url', 'link', 'canonical'],
};

function isoDate(d: Date): string {
  // YAML gives plain dates (2025-07-09) as UTC midnight: keep them a date, with no timezone shift.
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

function asString(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoDate(v);
  if (Array.isArray(v)) return v.map(asString).filter(Boolean).join(', ') || null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

const SIMPLE_LINE = /^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$/;
/** Values a plain YAML reading would take as something other than the literal string. */
// eslint-disable-next-line security/detect-unsafe-regex -- applied to a short value (a flag, a name, a date string, an address), never to article text (one front-matter value)
const NOT_PLAIN = /^[[{&*!|>'"%@`#]|\s#|^(?:null|~|true|false|yes|no|on|off)$|^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$|:\s/i;

/**
 * The common front matter (`key: plain value` lines) read without a YAML parser, which costs more than
 * the rest of reading a text article. Anything beyond plain strings returns null: the YAML parser decides.
 */
function simpleKeyValues(block: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const m = SIMPLE_LINE.exec(line);
    if (!m?.[1] || m[2] === undefined || !m[2] || NOT_PLAIN.test(m[2])) return null;
    out[m[1]] = m[2];
  }
  return out;
}

/** Parses a front-matter block at the very start of text, or returns null when there is none. */
export function parseFrontMatter(text: string): FrontMatter | null {
  const open = OPENING.exec(text);
  if (!open) return null;
  const rest = text.slice(open[0].length);
  const close = CLOSING.exec(rest);
  if (!close) return null;
  const yamlText = rest.slice(0, close.index);
  const end = open[0].length + close.index + close[0].length;
  const warnings: string[] = [];
  let data: unknown = simpleKeyValues(yamlText);
  if (data === null) {
    try {
      data = yaml().parse(yamlText);
    } catch (e) {
      warnings.push(`front matter is not valid YAML (${(e as Error).message.split('\n')[0] ?? ''})`);
      return { meta: {}, span: { start: 0, end }, warnings };
    }
  }
  const meta: Partial<ArticleMeta> = {};
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    for (const [field, keys] of Object.entries(KEYS) as [keyof ArticleMeta, string[]][]) {
      for (const k of keys) {
        const v = asString(record[k]);
        if (v !== null) {
          meta[field] = v;
          break;
        }
      }
    }
  }
  return { meta, span: { start: 0, end }, warnings };
}
