import { MAX_INPUT_BYTES } from './budgets.js';
import { gunzipMembers } from './gzip.js';

// Bytes to text: gzip is undone (within a size cap), a UTF-8 BOM is skipped, UTF-16 with a BOM is
// decoded, binary data is refused, and invalid UTF-8
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

/** Bytes searched for an HTML/XML charset declaration (HTML requires it within the first 1024). */
const CHARSET_SNIFF_BYTES = 1024;
const DECLARED_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i;

/** The charset an HTML or XML document declares in its head, if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_SNIFF_BYTES));
  const m = DECLARED_CHARSET.exec(head);
  return m?.[1] ?? m?.[2] ?? null;
}

/**
 * windows-1252 in 0x80–0x9F (curly quotes, dashes, ellipsis: what news pages need most). Node 20's
 * TextDecoder decodes windows-1252 (and its aliases latin1, iso-8859-1) as ISO-8859-1, turning these
 * into control characters, so they are mapped here. Unassigned bytes keep their ISO-8859-1 value.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    out += b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? '') : String.fromCharCode(b);
  }
  return out;
}

/** A decoder for a declared legacy charset, or null when it is UTF-8 or unknown to this runtime. */
function legacyDecoder(charset: string | null): { decode: (bytes: Uint8Array) => string } | null {
  if (!charset || /^utf-?8$/i.test(charset)) return null;
  try {
    const decoder = new TextDecoder(charset, { fatal: false, ignoreBOM: true });
    return decoder.encoding === 'windows-1252' ? { decode: decodeWindows1252 } : decoder;
  } catch {
    return null;
  }
}

/**
 * Decodes text, skipping one leading BOM. UTF-8 unless it is not valid UTF-8 and the data (or the
 * response's content type) declares another charset, as older pages do (windows-1252, ISO-8859-1).
 */
export function decodeUtf8(bytes: Uint8Array, charsetHint: string | null = null): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    const legacy = legacyDecoder(charsetHint) ?? legacyDecoder(declaredCharset(bytes));
    if (legacy) text = legacy.decode(bytes);
    else {
      text = lenientUtf8.decode(bytes);
      warnings.push('invalid UTF-8, decoded with replacement characters');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, warnings };
}

/** UTF-16 text announced by its byte order mark (Windows tools save "Unicode" text so). */
function utf16(bytes: Uint8Array): { text: string; warnings: string[] } | null {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return null;
  const warnings = bytes.length % 2 === 1 ? ['UTF-16 text with an odd number of bytes: the last byte is dropped'] : [];
  // A lenient decoder: lone surrogates become U+FFFD, so every later span indexes well-formed text.
  const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: false, ignoreBOM: false }).decode(bytes);
  return { text, warnings };
}

/**
 * Decodes file or response bytes: gunzips when compressed (at most `maxBytes` of output), refuses
 * binary data. `charsetHint`: from a content type.
 */
export function decodeBytes(bytes: Uint8Array, maxBytes = MAX_INPUT_BYTES, charsetHint: string | null = null): Decoded {
  let data = bytes;
  const gzipWarnings: string[] = [];
  if (isGzip(data)) {
    const g = gunzipMembers(data, maxBytes);
    if (!g.ok) return g;
    data = g.data;
    gzipWarnings.push(...g.warnings);
  }
  if (data.length === 0) return { ok: false, reason: 'empty input' };
  const wide = utf16(data);
  if (!wide && looksBinary(data)) return { ok: false, reason: 'binary data, not text' };
  const { text, warnings } = wide ?? decodeUtf8(data, charsetHint);
  if (!text.trim()) return { ok: false, reason: 'empty input (only white space)' };
  if (wide && text.includes('\0')) return { ok: false, reason: 'binary data, not text (NUL characters in UTF-16 text)' };
  return { ok: true, text, warnings: [...gzipWarnings, ...warnings] };
}
