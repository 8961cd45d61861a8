import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { decodeBytes } from './decode.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

void test('a UTF-8 BOM is skipped and nothing else changes', () => {
  const r = decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes('“Hi” \r\n—')]));
  assert.deepEqual(r, { ok: true, text: '“Hi” \r\n—', warnings: [] });
});

void test('gzip is undone', () => {
  const r = decodeBytes(gzipSync(Buffer.from('compressed text')));
  assert.ok(r.ok);
  assert.equal(r.text, 'compressed text');
});

void test('invalid UTF-8 is decoded with replacement characters and a warning', () => {
  const r = decodeBytes(Uint8Array.from([...bytes('caf'), 0xe9, ...bytes(' au lait')]));
  assert.ok(r.ok);
  assert.equal(r.text, 'caf\uFFFD au lait');
  assert.match(r.warnings[0] ?? '', /invalid UTF-8/);
});

void test('binary, empty and blank inputs are refused with a reason', () => {
  assert.deepEqual(decodeBytes(Uint8Array.from([0x25, 0x50, 0x00, 0x01])), { ok: false, reason: 'binary data, not text' });
  assert.equal(decodeBytes(new Uint8Array()).ok, false);
  assert.equal(decodeBytes(bytes(' \n\t ')).ok, false);
  assert.deepEqual(decodeBytes(Uint8Array.from([0x1f, 0x8b, 1, 2, 3])), { ok: false, reason: 'gzip data is truncated (incomplete header)' });
});

void test('decompressed size is capped', () => {
  const r = decodeBytes(gzipSync(Buffer.alloc(10_000, 'a')), 1000);
  assert.deepEqual(r, { ok: false, reason: 'decompressed data is over the limit of 1000 bytes' });
});

void test('a legacy charset declared by the page or the content type is honoured when the bytes are not UTF-8', () => {
  const page = Uint8Array.from([...bytes('<html><head><meta charset="windows-1252"></head><body>'), 0x93, ...bytes('Caf'), 0xe9, 0x94, ...bytes('</body></html>')]);
  const r = decodeBytes(page);
  assert.ok(r.ok);
  assert.ok(r.text.includes('“Café”'));
  assert.deepEqual(r.warnings, []);
  const hinted = decodeBytes(Uint8Array.from([...bytes('caf'), 0xe9]), Infinity, 'iso-8859-1');
  assert.ok(hinted.ok);
  assert.equal(hinted.text, 'café');
});

void test('UTF-16 text with a byte order mark is decoded, little- and big-endian', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('“Hi” — café', 'utf16le')]);
  assert.deepEqual(decodeBytes(le), { ok: true, text: '“Hi” — café', warnings: [] });
  const be = Buffer.from(le.subarray(2)).swap16();
  const r = decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
  assert.ok(r.ok);
  assert.equal(r.text, '“Hi” — café');
});

void test('a gzip with trailing bytes is read with a warning; a broken one says what is wrong', () => {
  const gz = gzipSync(Buffer.from('compressed text'));
  const trailing = decodeBytes(Buffer.concat([gz, Buffer.from('garbage')]));
  assert.deepEqual(trailing, { ok: true, text: 'compressed text', warnings: ['7 bytes after the end of the gzip data ignored'] });
  assert.deepEqual(decodeBytes(Buffer.concat([gz, Buffer.alloc(512)])), { ok: true, text: 'compressed text', warnings: [] });
  assert.deepEqual(decodeBytes(Buffer.concat([gz, gz])), { ok: true, text: 'compressed textcompressed text', warnings: [] });
  assert.deepEqual(decodeBytes(gz.subarray(0, gz.length - 4)), { ok: false, reason: 'gzip data is truncated (missing checksum)' });
  assert.deepEqual(decodeBytes(gz.subarray(0, 14)), { ok: false, reason: 'gzip data is truncated (the compressed stream ends early)' });
  const badCrc = Buffer.from(gz);
  badCrc.writeUInt32LE(0, gz.length - 8);
  assert.deepEqual(decodeBytes(badCrc), { ok: false, reason: 'corrupt gzip data (checksum mismatch)' });
});
