import { createHash } from 'node:crypto';
import { bodyOf, type Article } from '../model/article.js';

/**
 * The two identities of a stored article. Content: the same body text (after folding case, white
 * space and typographic quotes) is one article, wherever it came from. URL: the same address with a
 * changed text is a new version of that article.
 */
export function normaliseBody(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function contentId(article: Pick<Article, 'text' | 'boilerplate'>): string {
  return 'a-' + createHash('sha256').update(normaliseBody(bodyOf(article))).digest('hex').slice(0, 20);
}

/** Query parameters that only track campaigns or sessions: the same page with or without them is one URL. */
const TRACKING_PARAM = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid|smid|ito)$/i;

/** Canonical form of the article's URL (or its origin when it has none): lower-case host, no fragment, no tracking. */
export function urlKey(article: Pick<Article, 'url' | 'origin'>): string {
  const raw = article.url ?? article.origin;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return raw;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return raw;
  u.hash = '';
  for (const k of [...u.searchParams.keys()]) if (TRACKING_PARAM.test(k)) u.searchParams.delete(k);
  u.searchParams.sort();
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : u.pathname;
  return `${u.hostname.replace(/^www\./, '')}${path}${u.search}`;
}
