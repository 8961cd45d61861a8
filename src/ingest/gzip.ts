import { constants } from 'node:buffer';
import { crc32, inflateRawSync } from 'node:zlib';

const { MAX_LENGTH } = constants;

// gzip (RFC 1952) read member by member, so that the causes of failure can be told apart (truncated,
// bad checksum, bad header) and bytes after the last member (padding some tools add) are ignored with
// a warning instead of failing the whole input. Output is capped while inflating, never after.

export type Gunzipped = { ok: true; data: Buffer; warnings: string[] } | { ok: false; reason: string };

const FLAG = { hcrc: 2, extra: 4, name: 8, comment: 16 } as const;
const DEFLATE = 8;

/** Offset where the deflate data of the member at `at` starts, or a reason. */
function headerEnd(b: Uint8Array, at: number): number | string {
  if (b.length - at < 10) return 'gzip data is truncated (incomplete header)';
  if (b[at + 2] !== DEFLATE) return `gzip member uses unknown compression method ${b[at + 2] ?? '?'}`;
  const flags = b[at + 3] ?? 0;
  let p = at + 10;
  if (flags & FLAG.extra) p += 2 + ((b[p] ?? 0) | ((b[p + 1] ?? 0) << 8));
  for (const f of [FLAG.name, FLAG.comment]) {
    if (!(flags & f)) continue;
    while (p < b.length && b[p] !== 0) p++;
    p++;
  }
  if (flags & FLAG.hcrc) p += 2;
  return p >= b.length ? 'gzip data is truncated (incomplete header)' : p;
}

const isMember = (b: Uint8Array, at: number): boolean => b[at] === 0x1f && b[at + 1] === 0x8b;

/** Inflates every member of a gzip stream, at most `maxBytes` of output. */
export function gunzipMembers(bytes: Uint8Array, maxBytes: number): Gunzipped {
  const parts: Buffer[] = [];
  let total = 0;
  let at = 0;
  const warnings: string[] = [];
  while (at < bytes.length) {
    if (!isMember(bytes, at)) {
      if (at === 0) return { ok: false, reason: 'not gzip data' };
      warnings.push(`${bytes.length - at} bytes after the end of the gzip data ignored`);
      break;
    }
    const start = headerEnd(bytes, at);
    if (typeof start === 'string') return { ok: false, reason: start };
    let out: { buffer: Buffer; engine: { bytesWritten: number } };
    try {
      out = inflateRawSync(bytes.subarray(start), { info: true, maxOutputLength: Math.min(MAX_LENGTH, Math.max(1, maxBytes - total)) }) as unknown as typeof out;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, reason: `decompressed data is over the limit of ${maxBytes} bytes` };
      if (code === 'Z_BUF_ERROR') return { ok: false, reason: 'gzip data is truncated (the compressed stream ends early)' };
      return { ok: false, reason: `corrupt gzip data (${(e as Error).message})` };
    }
    const end = start + out.engine.bytesWritten;
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.length - end < 8) return { ok: false, reason: 'gzip data is truncated (missing checksum)' };
    if (view.readUInt32LE(end) !== crc32(out.buffer)) return { ok: false, reason: 'corrupt gzip data (checksum mismatch)' };
    if (view.readUInt32LE(end + 4) !== out.buffer.length % 2 ** 32) return { ok: false, reason: 'corrupt gzip data (length mismatch)' };
    parts.push(out.buffer);
    total += out.buffer.length;
    at = end + 8;
    // Zero padding after the data (tape-style blocks) is common and harmless: stop quietly.
    if (bytes.subarray(at).every((x) => x === 0)) break;
  }
  return { ok: true, data: Buffer.concat(parts), warnings };
}
