// Removes page furniture before Readability scores the page: ads, promos, share bars, related and
// most-read lists, comments, newsletter and cookie boxes. Readability alone keeps inline ad slots and
// promo boxes that sit inside the article container; removing them first is what lifts precision.

/** Elements that are never article text. */
const DROP_TAGS = 'script, style, noscript, template, iframe, form, button, nav, footer, aside, dialog, select, textarea, svg, figcaption';
/** ARIA roles of page furniture. */
const DROP_ROLES = '[role="navigation"], [role="complementary"], [role="banner"], [role="contentinfo"], [role="dialog"], [role="alertdialog"], [hidden], [aria-hidden="true"]';
/** A class or id token that names furniture (matched on whole `-`/`_`-separated words). */
const FURNITURE =
  /(?:^|[-_\s])(?:ad|ads|adv|advert|adverts|advertisement|adslot|ad-slot|dfp|gpt|promo|promos|promotion|sponsor|sponsored|share|sharing|sharebar|social|socials|related|recommended|recommendations|read-?more|more-?stories|most-?read|most-?popular|popular|trending|comments?|disqus|newsletter|signup|subscribe|subscription|paywall|cookie|cookies|consent|gdpr|outbrain|taboola|breadcrumbs?|tags|tag-list|topics|byline-share|toolbar|modal|popup|overlay|banner|teaser|teasers|caption|captions|credit|credits)(?:$|[-_\s])/i;
/** Embedded posts (tweets, Instagram) are kept: their residue is marked in the text, not dropped unseen. */
const EMBED = /embed|tweet|instagram|tiktok/i;
const EMBEDDED_POST = 'blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed';
/** A list whose text is nearly all link text is a list of teasers, not prose. */
const LINK_LIST_MIN_ITEMS = 3;
const LINK_LIST_MIN_LINK_SHARE = 0.8;
/** An element holding more than this share of the page's text is the article, whatever its class says. */
const MAX_SHARE_OF_PAGE = 0.25;

interface El {
  tagName: string;
  className?: unknown;
  id?: string;
  textContent: string | null;
  remove(): void;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}
interface Doc {
  body: El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}

function each(list: ArrayLike<El>, fn: (el: El) => void): void {
  for (const el of Array.from(list)) fn(el);
}

/** Removes furniture from the document in place (callers pass a document parsed for this purpose). */
export function precleanDocument(doc: Doc): void {
  each(doc.querySelectorAll(DROP_TAGS), (el) => el.remove());
  each(doc.querySelectorAll(DROP_ROLES), (el) => el.remove());
  const pageLength = (doc.body?.textContent ?? '').length || 1;
  each(doc.querySelectorAll('[class], [id]'), (el) => {
    const tag = el.tagName.toUpperCase();
    if (tag === 'HTML' || tag === 'BODY' || tag === 'MAIN' || tag === 'ARTICLE') return;
    const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!FURNITURE.test(label) || EMBED.test(label)) return;
    if (el.querySelectorAll(EMBEDDED_POST).length > 0) return;
    if ((el.textContent ?? '').length > pageLength * MAX_SHARE_OF_PAGE) return;
    el.remove();
  });
  each(doc.querySelectorAll('ul, ol'), (list) => {
    if (list.querySelectorAll('li').length < LINK_LIST_MIN_ITEMS) return;
    const all = (list.textContent ?? '').replace(/\s+/g, '').length;
    let linked = 0;
    each(list.querySelectorAll('a'), (a) => (linked += (a.textContent ?? '').replace(/\s+/g, '').length));
    if (all > 0 && linked / all >= LINK_LIST_MIN_LINK_SHARE) list.remove();
  });
}
