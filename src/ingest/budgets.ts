// Limits on untrusted input, each with the reason for its size. A limit passed refuses that one input
// with a one-line reason; the batch goes on.

/**
 * Largest file read from disk or stdin, and largest size a .gz may inflate to. News articles are
 * kilobytes; a feed or JSONL export of thousands of them stays below this. Without it a 1 MB gzip
 * bomb inflates to gigabytes in memory.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/**
 * Most characters in one article's text: the longest news features run to about 50,000; twenty times
 * that leaves room for transcripts while keeping one article's analysis to seconds.
 */
export const MAX_ARTICLE_CHARS = 1_000_000;
/**
 * Most characters in one line of an article. A paragraph is rarely over 5,000; a whole article set on
 * one line can reach 50,000. Longer lines are minified data or a pasted blob, not prose, and they make
 * line-based passes (boilerplate, sentences) slow.
 */
export const MAX_LINE_CHARS = 200_000;

/** Why an article's text is refused, or null when it is within the budget. */
export function textBudgetProblem(text: string): string | null {
  if (text.length > MAX_ARTICLE_CHARS) return `text of ${text.length} characters is over the limit of ${MAX_ARTICLE_CHARS} per article`;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > MAX_LINE_CHARS) return `a line of ${end - start} characters is over the limit of ${MAX_LINE_CHARS} per line`;
    start = end + 1;
  }
  return null;
}

/** Why a file of this many bytes is refused, or null. */
export function sizeProblem(bytes: number): string | null {
  return bytes > MAX_INPUT_BYTES ? `${bytes} bytes is over the limit of ${MAX_INPUT_BYTES} bytes per input` : null;
}
