import { gunzipSync } from 'node:zlib';

// Bytes to text: gzip is undone, a UTF-8 BOM is skipped, binary data is refused, and invalid UTF-8
// is decoded with replacement characters and a warning (the article is still read).

/** Bytes inspected for NUL bytes when deciding whether data is binary. */
const BINARY_SNIFF_BYTES = 8192;
/** A gzip stream starts with these two bytes (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

export type Decoded = { ok: true; text: string; warnings: string[] } | { ok: false; reason: string };

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decodes UTF-8 text, skipping one leading BOM. */
export function decodeUtf8(bytes: Uint8Array): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = lenientUtf8.decode(bytes);
    warnings.push('invalid UTF-8, decoded with replacement characters');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, warnings };
}

/** Decodes file or response bytes: gunzips when compressed, refuses binary data. */
export function decodeBytes(bytes: Uint8Array, maxBytes = Infinity): Decoded {
  let data = bytes;
  if (isGzip(data)) {
    try {
      data = gunzipSync(data, { maxOutputLength: Number.isFinite(maxBytes) ? maxBytes : undefined });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { ok: false, reason: code === 'ERR_BUFFER_TOO_LARGE' ? 'decompressed data is too large' : 'corrupt gzip data' };
    }
  }
  if (data.length === 0) return { ok: false, reason: 'empty input' };
  if (looksBinary(data)) return { ok: false, reason: 'binary data, not text' };
  const { text, warnings } = decodeUtf8(data);
  if (!text.trim()) return { ok: false, reason: 'empty input (only white space)' };
  return { ok: true, text, warnings };
}
