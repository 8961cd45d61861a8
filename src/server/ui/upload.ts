import { htmlArticleBounded, plainTextArticle, type Built } from '../../ingest/articles.js';
import { decodeBytes } from '../../ingest/decode.js';
import { readFeed } from '../../ingest/feed.js';
import { kindFromName, sniffKind } from '../../ingest/input-kind.js';
import { readJsonl } from '../../ingest/jsonl.js';
import type { Article } from '../../model/article.js';

/**
 * One uploaded file to articles, read as `ingest` reads a file of that name: by extension, else by
 * sniffing; .txt/.md kept exactly, HTML extracted, JSONL one article a line, a feed's full-text items.
 * Feed items without full text are reported, not fetched: an upload never makes the server fetch.
 */
export interface UploadRead {
  articles: Article[];
  /** One line each, naming the item: what could not be read and why. */
  problems: { origin: string; reason: string }[];
}

export async function readUpload(name: string, bytes: Uint8Array): Promise<UploadRead> {
  const origin = `upload:${name}`;
  const out: UploadRead = { articles: [], problems: [] };
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { articles: [], problems: [{ origin, reason: decoded.reason }] };
  const take = (o: string, b: Built): void => {
    if (b.ok) out.articles.push(b.article);
    else out.problems.push({ origin: o, reason: b.reason });
  };
  const { text, warnings } = decoded;
  const kind = kindFromName(name) ?? sniffKind(text);
  switch (kind) {
    case 'text':
    case 'markdown':
      take(origin, plainTextArticle(origin, kind, text, warnings));
      break;
    case 'html':
      // In a worker with a deadline, as POST /articles does: the server's event loop stays free.
      take(origin, await htmlArticleBounded(origin, 'html', text, null, warnings, { alwaysInWorker: true }));
      break;
    case 'jsonl':
      for (const line of await readJsonl(origin, text, warnings)) take(line.origin, line.built);
      break;
    case 'feed': {
      const feed = readFeed(origin, text);
      if (!feed.ok) out.problems.push({ origin, reason: feed.reason });
      else
        for (const e of feed.entries) {
          if (e.kind === 'article') out.articles.push(e.article);
          else if (e.kind === 'error') out.problems.push({ origin: e.origin, reason: e.reason });
          else out.problems.push({ origin: e.origin, reason: `feed item carries no full text; add the feed by its URL to fetch ${e.url}` });
        }
      break;
    }
  }
  return out;
}
