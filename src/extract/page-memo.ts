import { createHash } from 'node:crypto';
import type { HtmlResult } from './html.js';

// Copies of one page in one story (issue 16 item 3) are extracted once: extraction is a pure function
// of the HTML and the page's URL, so a page met again recently gets a copy of its first result.

/**
 * How many recent pages are remembered. Copies of one page come in one batch, so a few suffice; the
 * cache lives as long as the process (the server's too), so it is kept small: with pages capped at
 * IN_PROCESS_MAX_CHARS (src/extract/pool.ts) it holds a few MB at most.
 */
const RECENT_PAGES = 8;

type Extracted = HtmlResult & { ok: true };

const recent = new Map<string, Extracted>();

function keyOf(html: string, pageUrl: string | null): string {
  return createHash('sha256').update(JSON.stringify(pageUrl)).update('\0').update(html).digest('hex');
}

/** `extract(html, pageUrl)` for a page not seen recently; a deep copy of the remembered result otherwise. Only successes are kept. */
export function extractOncePerPage(html: string, pageUrl: string | null, extract: (html: string, pageUrl: string | null) => HtmlResult): HtmlResult {
  const key = keyOf(html, pageUrl);
  const seen = recent.get(key);
  if (seen) {
    // Most recently used last, so the oldest is the one dropped.
    recent.delete(key);
    recent.set(key, seen);
    return copyOf(seen);
  }
  const result = extract(html, pageUrl);
  if (!result.ok) return result;
  recent.set(key, copyOf(result));
  const oldest = recent.keys().next();
  if (recent.size > RECENT_PAGES && !oldest.done) recent.delete(oldest.value);
  return result;
}

/**
 * A deep copy sharing the text string (strings are immutable): copies of one page then hold one text,
 * so the dossier's caches keyed by text (src/compare/text/tokens.ts) find it by identity, not by
 * comparing every character.
 */
function copyOf(result: Extracted): Extracted {
  return { ...structuredClone({ ...result, text: '' }), text: result.text };
}
