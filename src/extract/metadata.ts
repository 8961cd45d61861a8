import type { ArticleMeta } from '../model/article.js';
import { normalisePublished } from './dates.js';

// Article metadata from a parsed page, in order of trust: JSON-LD (schema.org NewsArticle and kin),
// OpenGraph, other meta tags, then the page itself (<time>, bylines, <title>, <h1>).

interface Doc {
  querySelectorAll(selector: string): ArrayLike<El>;
  querySelector(selector: string): El | null;
}
interface El {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

/** schema.org types whose JSON-LD object describes the article itself. */
const ARTICLE_TYPES = /^(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|LiveBlogPosting|Report|WebPage|TechArticle|ScholarlyArticle|SocialMediaPosting)$/;

type Json = Record<string, unknown>;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/**
 * Metadata values are sometimes HTML-escaped twice by the publisher (`&amp;#8216;` in a meta tag).
 * Metadata is not indexed by spans, so residual entities are decoded here; article text never is.
 */
function decodeEntities(s: string): string {
  return s.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|quot|apos|lt|gt|nbsp));/gi, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : -1;
    if (code >= 0) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    return NAMED_ENTITIES[(name ?? '').toLowerCase()] ?? m;
  });
}

function clean(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const t = decodeEntities(s).replace(/\s+/g, ' ').trim();
  return t || null;
}

function names(v: unknown): string | null {
  if (!v) return null;
  if (typeof v === 'string') return /^https?:\/\//.test(v) ? null : clean(v);
  if (Array.isArray(v)) {
    const all = v.map(names).filter((x): x is string => !!x);
    return all.length ? [...new Set(all)].join(', ') : null;
  }
  if (typeof v === 'object') return clean((v as Json)['name']);
  return null;
}

function jsonLdObjects(doc: Doc): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      const graph = (v as Json)['@graph'];
      if (graph) visit(graph);
    }
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i]?.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common on real pages; the other sources of metadata still apply.
    }
  }
  return out;
}

function typeOf(o: Json): string[] {
  const t = o['@type'];
  return Array.isArray(t) ? t.map(String) : typeof t === 'string' ? [t] : [];
}

function meta(doc: Doc, ...keys: string[]): string | null {
  for (const k of keys) {
    const el = doc.querySelector(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`);
    const v = clean(el?.getAttribute('content'));
    if (v) return v;
  }
  return null;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function absolute(url: string | null, base: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url, base ?? undefined).href;
  } catch {
    return null;
  }
}

/** Metadata of a page; `pageUrl` is where it was read from, when known (fallback for url and outlet). */
export function pageMetadata(doc: Doc, pageUrl: string | null): ArticleMeta {
  const ld = jsonLdObjects(doc);
  const article = ld.find((o) => typeOf(o).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ?? ld.find((o) => typeOf(o).includes('WebPage'));
  const org = ld.find((o) => typeOf(o).some((t) => /^(?:NewsMediaOrganization|Organization)$/.test(t)));
  const publisher = article?.['publisher'];

  const canonical = clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'));
  const mainEntity = article?.['mainEntityOfPage'];
  const ldUrl = clean(article?.['url']) ?? (typeof mainEntity === 'string' ? clean(mainEntity) : clean((mainEntity as Json | undefined)?.['@id']));
  const url = absolute(canonical ?? meta(doc, 'og:url') ?? ldUrl, pageUrl) ?? pageUrl;

  const timeEl = doc.querySelector('[itemprop="datePublished"][datetime], [itemprop="datePublished"][content], article time[datetime], time[datetime]');
  const published = normalisePublished(
    clean(article?.['datePublished']) ??
      meta(doc, 'article:published_time', 'datePublished', 'og:published_time', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'DC.date.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'citation_publication_date') ??
      clean(timeEl?.getAttribute('datetime') ?? timeEl?.getAttribute('content')) ??
      clean(article?.['dateCreated']),
  );

  const bylineEl = doc.querySelector('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"], .byline__name, .author-name, .byline');
  const author =
    names(article?.['author']) ??
    meta(doc, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'byl', 'dc.creator') ??
    clean(bylineEl?.textContent)?.replace(/^by\s+/i, '') ??
    null;

  const title =
    clean(article?.['headline']) ?? meta(doc, 'og:title', 'twitter:title', 'title') ?? clean(doc.querySelector('h1')?.textContent) ?? clean(doc.querySelector('title')?.textContent);

  const outlet = names(publisher) ?? meta(doc, 'og:site_name', 'application-name', 'publisher') ?? names(org) ?? hostOf(url);

  return {
    title,
    outlet,
    published,
    author: author && !/^https?:\/\//.test(author) ? author : null,
    url,
  };
}
