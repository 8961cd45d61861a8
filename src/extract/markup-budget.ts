// A cheap scan of HTML tags before it is parsed: the DOM parser and Readability recurse over the tree,
// so a page nested thousands deep overflows the stack and one with millions of elements runs for
// minutes. Counting tags in one pass (no tree built) lets such pages be refused with a clear reason.

/**
 * Deepest nesting accepted. Real news pages nest 20–60 elements deep; linkedom's recursion overflows
 * the stack at a few thousand, and Readability's scoring slows long before that.
 */
export const MAX_HTML_DEPTH = 512;
/** Most elements accepted in one page: a long news page with its furniture has 5,000–30,000. */
export const MAX_HTML_ELEMENTS = 200_000;

/** Elements that never have content, so they never nest. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'frame', 'keygen', 'basefont', 'isindex']);
/** Elements whose end tag may be left out (a new one closes the last): they are not counted as nesting. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rb', 'rt', 'rp', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption']);
/** Elements whose content is raw text: tags inside them are not tags. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'plaintext', 'noscript', 'iframe', 'noembed', 'noframes']);

// `[^<>]*` (not `[^>]*`): a `<` never closed must not make every later tag rescan to the end.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*?(\/?)>|<!--[\s\S]*?(?:-->|$)/g;

export interface MarkupShape {
  elements: number;
  /** Deepest nesting of elements that need an end tag. */
  depth: number;
}

/** Counts elements and nesting depth; stops counting once either limit is passed. */
export function scanMarkup(html: string): MarkupShape {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  let lower: string | null = null;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (name === undefined) continue; // a comment
    if (m[1] === '/') {
      if (!VOID.has(name) && !OPTIONAL_END.has(name) && depth > 0) depth--;
      continue;
    }
    elements++;
    if (RAW_TEXT.has(name)) {
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${name}`, TAG.lastIndex);
      TAG.lastIndex = close < 0 ? html.length : close;
    }
    if (VOID.has(name) || OPTIONAL_END.has(name) || m[3] === '/') continue;
    if (++depth > deepest) deepest = depth;
    if (deepest > MAX_HTML_DEPTH || elements > MAX_HTML_ELEMENTS) break;
  }
  return { elements, depth: deepest };
}

/** Why a page is refused before parsing, or null when it is within the budget. */
export function markupBudgetProblem(html: string): string | null {
  const shape = scanMarkup(html);
  if (shape.depth > MAX_HTML_DEPTH) return `HTML nested more than ${MAX_HTML_DEPTH} elements deep: refused (real pages nest far less)`;
  if (shape.elements > MAX_HTML_ELEMENTS) return `HTML has more than ${MAX_HTML_ELEMENTS} elements: refused`;
  return null;
}
