import { extname } from 'node:path';
import type { InputKind } from '../model/article.js';

// What kind of input a file, URL response or stdin holds: by file extension first (a trailing .gz is
// looked through), by content type for URLs, and by sniffing the text when neither says.

const BY_EXTENSION: Record<string, InputKind> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
};

/** The kind of a file by its name, or null when crosscheck does not read that type. */
export function kindFromName(name: string): InputKind | null {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  return BY_EXTENSION[extname(base)] ?? null;
}

/** The extension shown when a file type is not supported. */
export function extensionOf(name: string): string {
  return extname(name.toLowerCase().replace(/\.gz$/, '')) || '(no extension)';
}

const FEED_ROOT = /<(?:rss|feed|rdf:RDF)[\s>]/i;
const HTML_MARKUP = /<(?:!doctype html|html|head|body|article|main|div|p|h[1-6])[\s>]/i;

/** Guesses the kind from the text itself (stdin, URLs with a vague content type). */
export function sniffKind(text: string): InputKind {
  const head = text.slice(0, 2048).trimStart();
  if (head.startsWith('<')) {
    if (FEED_ROOT.test(head)) return 'feed';
    if (HTML_MARKUP.test(head)) return 'html';
    if (head.startsWith('<?xml')) return FEED_ROOT.test(text.slice(0, 65536)) ? 'feed' : 'html';
    return 'html';
  }
  if (head.startsWith('{')) {
    const firstLine = head.split('\n', 1)[0] ?? '';
    try {
      JSON.parse(firstLine);
      return 'jsonl';
    } catch {
      // not JSON after all: plain text that starts with a brace
    }
  }
  return 'text';
}

/** The kind a response's content type announces, or null when it leaves the question open. */
export function kindFromContentType(contentType: string | null): InputKind | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (/^application\/(?:rss|atom|rdf)\+xml$/.test(type)) return 'feed';
  if (type === 'text/markdown') return 'markdown';
  if (type === 'application/x-ndjson' || type === 'application/jsonl') return 'jsonl';
  return null;
}
