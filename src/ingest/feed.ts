import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { makeArticle, type ArticleMeta } from '../model/article.js';
import { extractFragment } from '../extract/html.js';
import { normalisePublished } from '../extract/dates.js';
import { markupBudgetProblem } from '../extract/markup-budget.js';
import { textBudgetProblem } from './budgets.js';

// RSS 2.0, RSS 1.0 (RDF) and Atom feeds. An item whose content carries the full article becomes an
// article; an item with only a link (or a teaser) must be fetched, which the caller does with --fetch.

/** Content with fewer words is a teaser, not the article: the item's link must be fetched. */
export const FEED_MIN_CONTENT_WORDS = 80;
/**
 * A feed item's content longer than this (characters of markup) is refused for that item. Feed items
 * are read in-process, with no worker deadline (a feed holds many items, each small): under this size
 * the markup budget keeps one item's parse well under a second, as for in-process pages
 * (IN_PROCESS_MAX_CHARS in src/extract/pool.ts). Real item bodies are a few KB to a few tens of KB.
 */
export const FEED_ITEM_MAX_CHARS = 256 * 1024;

export type FeedEntry =
  | { origin: string; kind: 'article'; article: ReturnType<typeof makeArticle> }
  | { origin: string; kind: 'link'; url: string; meta: Partial<ArticleMeta>; words: number }
  | { origin: string; kind: 'error'; reason: string };

export type FeedResult = { ok: true; entries: FeedEntry[] } | { ok: false; reason: string };

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
  isArray: (name) => ['item', 'entry', 'link', 'author', 'dc:creator', 'category'].includes(name),
});

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text' });

/**
 * An item's content as HTML. Atom's type="xhtml" content arrives parsed into elements: it is written
 * back to markup, so the article inside is not lost.
 */
function contentHtml(v: unknown): string | null {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const node = v as Node;
    const children = Object.fromEntries(Object.entries(node).filter(([k]) => !k.startsWith('@_') && k !== '#text'));
    if (Object.keys(children).length > 0) return String(builder.build(children)).trim() || null;
  }
  return text(v);
}

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Node)['#text'] ?? (v as Node)['name']);
  return null;
}

function linkOf(item: Node): string | null {
  const links = item['link'];
  if (Array.isArray(links)) {
    const objs = links as unknown[];
    const alternate = objs.find((l) => typeof l === 'object' && l !== null && ((l as Node)['@_rel'] ?? 'alternate') === 'alternate');
    const chosen = alternate ?? objs[0];
    if (typeof chosen === 'string') return chosen.trim() || null;
    if (chosen && typeof chosen === 'object') return text((chosen as Node)['@_href']) ?? text(chosen);
  }
  const guid = item['guid'];
  if (guid && typeof guid === 'object' && (guid as Node)['@_isPermaLink'] !== 'false') {
    const g = text(guid);
    if (g && /^https?:\/\//.test(g)) return g;
  }
  if (typeof guid === 'string' && /^https?:\/\//.test(guid)) return guid;
  return null;
}

function authorOf(item: Node): string | null {
  const raw = item['author'] ?? item['dc:creator'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const names = list.map((a) => text(a)).filter((a): a is string => !!a);
  return names.length ? names.join(', ') : null;
}

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

export function readFeed(path: string, xml: string): FeedResult {
  const refused = markupBudgetProblem(xml);
  if (refused) return { ok: false, reason: refused.replace('HTML', 'XML') };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, reason: `not a valid feed: ${valid.err.msg} (line ${valid.err.line})` };
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    return { ok: false, reason: `not a valid feed: ${(e as Error).message.split('\n')[0] ?? ''}` };
  }
  const rss = doc['rss'] as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  const atom = doc['feed'] as Node | undefined;
  const channel = (rss?.['channel'] ?? rdf?.['channel']) as Node | undefined;
  let items: Node[];
  let outlet: string | null;
  if (rss || rdf) {
    items = ((channel?.['item'] ?? rdf?.['item'] ?? []) as Node[]).filter((i) => i && typeof i === 'object');
    outlet = text(channel?.['title']);
  } else if (atom) {
    items = ((atom['entry'] ?? []) as Node[]).filter((i) => i && typeof i === 'object');
    outlet = text(atom['title']);
  } else {
    return { ok: false, reason: 'XML that is neither an RSS nor an Atom feed' };
  }
  if (items.length === 0) return { ok: false, reason: 'the feed has no items' };

  const entries: FeedEntry[] = items.map((item, i) => {
    const origin = `${path}#${i + 1}`;
    try {
      return feedEntry(origin, item, outlet);
    } catch (e) {
      return { origin, kind: 'error', reason: `cannot read the feed item (${(e as Error).message})` };
    }
  });
  return { ok: true, entries };
}

function feedEntry(origin: string, item: Node, outlet: string | null): FeedEntry {
  const url = linkOf(item);
  const meta: Partial<ArticleMeta> = {
    title: text(item['title']),
    outlet,
    published: normalisePublished(text(item['pubDate'] ?? item['dc:date'] ?? item['published'] ?? item['updated'])),
    author: authorOf(item),
    url,
  };
  const all = [item['content:encoded'], item['content'], item['description'], item['summary']].map(contentHtml).filter((c): c is string => !!c);
  const candidates = all.filter((c) => c.length <= FEED_ITEM_MAX_CHARS);
  if (all.length > 0 && candidates.length === 0) {
    return { origin, kind: 'error', reason: `feed item content is over ${FEED_ITEM_MAX_CHARS / 1024} KB of markup (the limit for one item): not read` };
  }
  let best: { text: string; boilerplate: ReturnType<typeof extractFragment>['boilerplate'] } | null = null;
  for (const c of candidates) {
    const fragment = extractFragment(c);
    if (!best || fragment.text.length > best.text.length) best = fragment;
  }
  const words = best ? wordCount(best.text) : 0;
  const over = best ? textBudgetProblem(best.text) : null;
  if (over) return { origin, kind: 'error', reason: over };
  if (best && words >= FEED_MIN_CONTENT_WORDS) {
    return { origin, kind: 'article', article: makeArticle({ origin, kind: 'feed', text: best.text, meta, boilerplate: best.boilerplate }) };
  }
  if (url) return { origin, kind: 'link', url, meta, words };
  return { origin, kind: 'error', reason: `feed item has neither full content (${words} words) nor a link` };
}
