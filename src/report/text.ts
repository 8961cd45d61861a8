/**
 * Making untrusted article text safe to show, whatever the output. Article text and metadata come from
 * anyone on the web: they may carry terminal escape sequences, bidirectional overrides that make text
 * read differently from how it is stored ("Trojan Source"), or markup. Offsets are never computed on the
 * output of these functions: they only change what is displayed.
 */

/** Explicit bidi embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * C0 and C1 control characters other than tab, newline and carriage return, including ESC (terminal
 * escape sequences). Line breaks are kept for full texts; one-line displays collapse them anyway.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Shown in place of a removed control character, so a reader can tell something was there. */
export const REPLACEMENT = '\uFFFD';

/**
 * Replaces what could change how surrounding text displays (control characters, bidi controls) with
 * U+FFFD, one UTF-16 unit for one, so the result has the same length and offsets as the input.
 */
export function neutralise(text: string): string {
  return text.replace(CONTROL, REPLACEMENT).replace(BIDI_CONTROL, REPLACEMENT);
}

/** One line of display text: controls neutralised, runs of white space (newlines too) made one space. */
export function oneLine(text: string): string {
  return neutralise(text).replace(/\s+/g, ' ').trim();
}

/** Shortens to at most `max` characters (code points), ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('').trimEnd() + '…';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
