/**
 * Word wrapping for the terminal report. Text is wrapped as plain words first and styled after, so ANSI
 * colour codes never count towards the width.
 */

/** A run of text with an optional style (a function that adds colour codes). */
export interface Piece {
  text: string;
  style?: (s: string) => string;
}

/** Display width of a string: code points, counting East Asian wide and emoji as two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x300 && cp < 0x370) continue; // combining marks take no column
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

/** Cuts a word longer than the line into line-sized chunks (URLs, long numbers). */
function chunks(word: string, max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of word) {
    if (displayWidth(cur + ch) > max && cur) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Wraps pieces into lines no wider than `width`, the first line starting with `first` and the others
 * with `rest` (indents; plain text). Words keep their piece's style.
 */
export function wrapPieces(pieces: Piece[], width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let lineWidth = displayWidth(first);
  let empty = true;
  // Chunks must fit whichever indent their line gets.
  const chunkWidth = Math.max(1, width - Math.max(displayWidth(first), displayWidth(rest)));
  const flush = (): void => {
    lines.push(line.trimEnd());
    line = rest;
    lineWidth = displayWidth(rest);
    empty = true;
  };
  for (const piece of pieces) {
    const words = piece.text.split(/(\s+)/);
    for (const token of words) {
      if (!token) continue;
      if (/^\s+$/.test(token)) {
        // A space joins words on one line; it is only written when the next word follows on that line.
        if (!empty) {
          line += ' ';
          lineWidth += 1;
        }
        continue;
      }
      for (const part of displayWidth(token) > chunkWidth ? chunks(token, chunkWidth) : [token]) {
        const w = displayWidth(part);
        if (!empty && lineWidth + w > width) flush();
        // A word glued to the previous piece (no space between) stays glued when it fits.
        line += piece.style ? piece.style(part) : part;
        lineWidth += w;
        empty = false;
      }
    }
  }
  if (!empty || !lines.length) lines.push(line.trimEnd());
  return lines;
}

export function wrap(text: string, width: number, first = '', rest = first): string[] {
  return wrapPieces([{ text }], width, first, rest);
}
