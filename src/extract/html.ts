import { lazy } from '../model/lazy-require.js';
import type { ArticleMeta, BoilerplateSpan } from '../model/article.js';
import { markBoilerplateLines } from './boilerplate.js';
import { normalisePublished } from './dates.js';
import { blockText } from './dom-text.js';
import { pageMetadata } from './metadata.js';
import { precleanDocument } from './preclean.js';
import { markupBudgetProblem } from './markup-budget.js';

// HTML page to article text and metadata, as a recipe: read the metadata from the whole page,
// pre-clean the furniture, let Readability find the article, turn it into paragraphs, and mark the
// junk lines left inside it. When an attempt yields too little, retry looser and keep the best.

/** Below this many characters of text an attempt is considered to have missed the article. */
const MIN_ARTICLE_CHARS = 250;
/** Fewer words than this is a page of links and labels, not an article (a two-sentence item passes). */
const MIN_ARTICLE_WORDS = 12;
/** Readability's own default is 500; lower so short news items (a few paragraphs) are still found. */
const READABILITY_CHAR_THRESHOLD = 300;
/**
 * A cleaned page with less text than an article needs cannot give Readability enough, so its
 * paragraphs are read before Readability changes the document: the fallback below then needs no
 * fresh parse and pre-clean. Read on every page, that walk cost more than the parses it saved.
 */
const SHORT_PAGE_CHARS = MIN_ARTICLE_CHARS;

export interface HtmlExtraction {
  text: string;
  meta: ArticleMeta;
  boilerplate: BoilerplateSpan[];
}

export type HtmlResult = ({ ok: true } & HtmlExtraction) | { ok: false; reason: string };

interface Attempt {
  text: string;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  published: string | null;
}

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

const linkedom = lazy<typeof import('linkedom')>('linkedom');
const readability = lazy<typeof import('@mozilla/readability')>('@mozilla/readability');

function parse(html: string): Document {
  const { document } = linkedom().parseHTML(html);
  // Text with no element gives a document with no root, and markup without <html> one whose root is
  // its first element (a bare <svg> that the pre-clean removes): both are read as a page body.
  if (document.documentElement?.tagName.toUpperCase() === 'HTML') return document;
  return linkedom().parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

function readabilityAttempt(doc: Document, charThreshold: number): Attempt | null {
  const result = new (readability().Readability)<Node>(doc, { charThreshold, serializer: (el) => el }).parse();
  if (!result?.content) return null;
  return {
    text: blockText(result.content),
    title: result.title ?? null,
    byline: result.byline ?? null,
    siteName: result.siteName ?? null,
    published: result.publishedTime ?? null,
  };
}

/** The pre-cleaned page's paragraphs, from a fresh parse (the first one was changed by Readability). */
function cleanedText(html: string): string {
  const whole = parse(html);
  precleanDocument(whole);
  return blockText(whole.body);
}

/** Extracts the article of an HTML page. `pageUrl` (where it came from) backs up url and outlet. */
export function extractHtml(html: string, pageUrl: string | null = null): HtmlResult {
  const refused = markupBudgetProblem(html);
  if (refused) return { ok: false, reason: refused };
  // One parse serves metadata (read-only) and then the pre-clean, which changes the document.
  const cleaned = parse(html);
  const meta = pageMetadata(cleaned, pageUrl);
  precleanDocument(cleaned);
  const wholeText = (cleaned.body?.textContent ?? '').length < SHORT_PAGE_CHARS ? blockText(cleaned.body) : null;
  let best = readabilityAttempt(cleaned, READABILITY_CHAR_THRESHOLD);
  if (!best || best.text.length < MIN_ARTICLE_CHARS) {
    // The pre-clean can remove an article whose container has a furniture-like class: retry without.
    const raw = readabilityAttempt(parse(html), READABILITY_CHAR_THRESHOLD);
    if (raw && raw.text.length > (best?.text.length ?? 0)) best = raw;
  }
  if (!best || wordCount(best.text) < MIN_ARTICLE_WORDS) {
    // Readability found nothing it trusts (very short items): take the cleaned page's text when one of
    // its paragraphs reads like a sentence of prose rather than a menu.
    const text = wholeText ?? cleanedText(html);
    if (text.split('\n\n').some((p) => wordCount(p) >= MIN_ARTICLE_WORDS)) best = { text, title: null, byline: null, siteName: null, published: null };
  }
  if (!best || wordCount(best.text) < MIN_ARTICLE_WORDS) return { ok: false, reason: 'no article text found in the HTML' };

  const text = best.text;
  return {
    ok: true,
    text,
    meta: {
      title: meta.title ?? best.title,
      outlet: meta.outlet ?? best.siteName,
      published: meta.published ?? normalisePublished(best.published),
      author: meta.author ?? best.byline,
      url: meta.url,
    },
    boilerplate: markBoilerplateLines(text),
  };
}

/**
 * Text of an HTML fragment that is already the article body (a feed item's content, a JSONL `html`
 * field holding only the body): pre-cleaned and turned into paragraphs, without Readability's search.
 */
export function extractFragment(html: string): { text: string; boilerplate: BoilerplateSpan[] } {
  if (markupBudgetProblem(html)) return { text: '', boilerplate: [] };
  const doc = parse(`<!doctype html><html><head></head><body>${html}</body></html>`);
  precleanDocument(doc);
  const text = blockText(doc.body);
  return { text, boilerplate: markBoilerplateLines(text) };
}
