// Turns an extracted article element into text: paragraphs (and headings, list items, block quotes,
// table rows) one blank line apart, <br> a single line break, HTML white space collapsed. Characters
// are kept exactly as published: quotation marks, apostrophes, dashes and ellipses are never changed,
// because later stages compare quotes word for word.

/** Elements that start and end a paragraph of their own. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION',
]);
/** Elements whose content is never article text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'OBJECT', 'HEAD']);
/** Table cells sit side by side on one line. */
const CELL = new Set(['TD', 'TH']);
/** HTML's collapsible white space (not U+00A0 and other Unicode spaces, which are content). */
const HTML_SPACE = /[ \t\n\r\f]+/g;

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

class Builder {
  private paragraphs: string[] = [];
  private current = '';
  private pre = 0;

  text(s: string): void {
    if (this.pre > 0) {
      this.current += s;
      return;
    }
    const collapsed = s.replace(HTML_SPACE, ' ');
    if (collapsed === ' ' && (this.current === '' || this.current.endsWith(' ') || this.current.endsWith('\n'))) return;
    if (this.current === '' || this.current.endsWith('\n')) this.current += collapsed.replace(/^ /, '');
    else if (this.current.endsWith(' ')) this.current += collapsed.replace(/^ /, '');
    else this.current += collapsed;
  }
  lineBreak(): void {
    this.current = this.current.replace(/ +$/, '') + '\n';
  }
  space(): void {
    if (this.current && !/[ \n]$/.test(this.current)) this.current += ' ';
  }
  enterPre(): void {
    this.pre++;
  }
  leavePre(): void {
    this.pre--;
  }
  breakParagraph(): void {
    const p = this.current
      .split('\n')
      .map((l) => l.replace(/^ +| +$/g, ''))
      .join('\n')
      .replace(/^\n+|\n+$/g, '');
    if (p.trim()) this.paragraphs.push(p);
    this.current = '';
  }
  done(): string {
    this.breakParagraph();
    return this.paragraphs.join('\n\n');
  }
}

function walk(node: DomNode, out: Builder): void {
  if (node.nodeType === 3) {
    out.text(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIP.has(name)) return;
  if (name === 'BR') {
    out.lineBreak();
    return;
  }
  const block = BLOCK.has(name);
  if (block) out.breakParagraph();
  if (name === 'PRE') out.enterPre();
  const kids = node.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i];
    if (kid) walk(kid, out);
  }
  if (name === 'PRE') out.leavePre();
  if (CELL.has(name)) out.space();
  if (block) out.breakParagraph();
}

/** The text of an element or document, paragraphs one blank line apart. */
export function blockText(root: unknown): string {
  const out = new Builder();
  walk(root as DomNode, out);
  return out.done();
}
