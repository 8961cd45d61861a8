import { createReadStream } from 'node:fs';

// The lines of a large file, read as a stream: a JSONL export of any size is read one line at a time,
// never whole. A line longer than the cap is passed over (its length is reported) rather than held.

/**
 * Longest line kept, in characters: one article (MAX_ARTICLE_CHARS of text, or its HTML) with its
 * JSON escapes and metadata fits well inside; a longer line is not one article.
 */
export const MAX_STREAMED_LINE_CHARS = 16 * 1024 * 1024;

/** One line (without its end of line), or a line passed over for its length. */
export type StreamedLine = { text: string } | { tooLong: number };

/** Splits decoded chunks into lines, holding at most one line (up to `maxChars`) at a time. */
export async function* splitLines(chunks: AsyncIterable<string> | Iterable<string>, maxChars = MAX_STREAMED_LINE_CHARS): AsyncGenerator<StreamedLine> {
  let pending = '';
  let dropped = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
      const piece = chunk.slice(start, nl);
      start = nl + 1;
      if (dropped > 0 || pending.length + piece.length > maxChars) yield { tooLong: dropped + pending.length + piece.length };
      else yield { text: (pending + piece).replace(/\r$/, '') };
      pending = '';
      dropped = 0;
    }
    const rest = chunk.slice(start);
    if (dropped > 0 || pending.length + rest.length > maxChars) {
      dropped += pending.length + rest.length;
      pending = '';
    } else pending += rest;
  }
  if (dropped > 0) yield { tooLong: dropped };
  else if (pending) yield { text: pending.replace(/\r$/, '') };
}

/** A file's lines, decoded as UTF-8 (a byte-order mark is dropped, an invalid byte becomes U+FFFD). */
export function fileLines(path: string, maxChars = MAX_STREAMED_LINE_CHARS): AsyncGenerator<StreamedLine> {
  return splitLines(withoutBom(createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>), maxChars);
}

async function* withoutBom(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of chunks) {
    yield first && chunk.startsWith('\uFEFF') ? chunk.slice(1) : chunk;
    first = false;
  }
}
