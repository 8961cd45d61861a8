import { gzipSync } from 'node:zlib';
import { rng } from './adversarial.js';

// A seeded generator of hostile inputs, one class at a time (issue 16): the fuzz test and
// scripts/fuzz.ts draw from it. Each case is a file name (its extension picks the reader) and bytes.

export interface FuzzCase {
  cls: FuzzClass;
  name: string;
  bytes: Uint8Array;
}

export const FUZZ_CLASSES = [
  'binary',
  'truncated markup',
  'invalid UTF-8',
  'UTF-16',
  'NUL',
  'entity expansion',
  'XXE',
  'deep nesting',
  'huge lines',
  'zero-width and RTL',
  'lone surrogates',
  'YAML alias bomb',
  'broken gzip',
] as const;
export type FuzzClass = (typeof FUZZ_CLASSES)[number];

const EXTS = ['.txt', '.md', '.html', '.jsonl', '.xml', '.rss'] as const;
const PROSE = 'The harbour council said on Tuesday that the north pier would close for repairs in May, and its director said the work would take six weeks. ';
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function page(body: string): string {
  return `<!doctype html><html><head><title>Pier</title></head><body><article><p>${PROSE}</p>${body}<p>${PROSE}</p></article></body></html>`;
}

function feed(item: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title><item><title>Pier</title><link>https://example.org/pier</link><description>${item}</description></item></channel></rss>`;
}

type Make = (r: () => number, ext: string) => Uint8Array;

const int = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

const MAKERS: Record<FuzzClass, Make> = {
  binary: (r) => Uint8Array.from({ length: int(r, 1, 4096) }, () => int(r, 0, 255)),
  'truncated markup': (r, ext) => {
    const full = ext === '.xml' || ext === '.rss' ? feed(PROSE.repeat(3)) : ext === '.jsonl' ? JSON.stringify({ html: page('<p>more</p>') }) : page(`<div><p>${PROSE}</p></div>`);
    return enc(full.slice(0, int(r, 1, full.length - 1)));
  },
  'invalid UTF-8': (r) => {
    const b = Array.from(enc(PROSE.repeat(3)));
    for (let i = 0; i < int(r, 1, 20); i++) b.splice(int(r, 0, b.length), 0, [0xc3, 0xff, 0xfe, 0x80, 0xed, 0xa0][int(r, 0, 5)] ?? 0xff);
    return Uint8Array.from(b);
  },
  'UTF-16': (r, ext) => {
    const text = ext === '.html' ? page('') : PROSE.repeat(3);
    const le = r() < 0.5;
    const body = Buffer.from(text, 'utf16le');
    if (!le) body.swap16();
    const bom = r() < 0.8 ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
    const cut = r() < 0.2 ? 1 : 0;
    return Uint8Array.from([...bom, ...body.subarray(0, body.length - cut)]);
  },
  NUL: (r) => {
    const s = PROSE.repeat(3);
    const at = int(r, 0, s.length);
    return enc(`${s.slice(0, at)}\0${s.slice(at)}`);
  },
  'entity expansion': (r) => {
    const levels = int(r, 3, 9);
    const defs = [`<!ENTITY e0 "lol">`];
    for (let i = 1; i <= levels; i++) defs.push(`<!ENTITY e${i} "${`&e${i - 1};`.repeat(10)}">`);
    return enc(`<?xml version="1.0"?><!DOCTYPE rss [${defs.join('')}]><rss version="2.0"><channel><title>x</title><item><title>&e${levels};</title><description>&e${levels};</description></item></channel></rss>`);
  },
  XXE: (r) => {
    const target = ['file:///etc/passwd', 'http://127.0.0.1:1/', 'file:///dev/zero'][int(r, 0, 2)] ?? '';
    return enc(`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "${target}">]><rss version="2.0"><channel><title>&x;</title><item><title>Pier</title><description>&x; ${PROSE.repeat(8)}</description></item></channel></rss>`);
  },
  'deep nesting': (r, ext) => {
    const depth = int(r, 500, 20_000);
    const tag = ['div', 'b', 'span', 'blockquote', 'a'][int(r, 0, 4)] ?? 'div';
    const inner = `${`<${tag}>`.repeat(depth)}${PROSE}`;
    if (ext === '.jsonl') return enc(JSON.stringify({ html: inner }));
    if (ext === '.xml' || ext === '.rss') return enc(feed(inner.replace(/</g, '&lt;')).replace('<description>', `<description>${'<x>'.repeat(Math.min(depth, 5000))}`));
    return enc(page(inner));
  },
  'huge lines': (r) => enc(PROSE.replace(/\. $/, ' ').repeat(int(r, 1500, 6000))),
  'zero-width and RTL': (r) => {
    const marks = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202e', '\u202d', '\u2066', '\u2069', '\u061c', '\u200f'];
    let s = '';
    for (const ch of PROSE.repeat(3)) s += r() < 0.2 ? `${marks[int(r, 0, marks.length - 1)] ?? ''}${ch}` : ch;
    return enc(`“${s}” the director said.`);
  },
  'lone surrogates': (r, ext) => {
    const lone = ['\ud800', '\udfff', '\udbff', '\udc00'][int(r, 0, 3)] ?? '\ud800';
    // JSON escapes keep the lone surrogate itself; raw bytes get its (invalid) UTF-8 form.
    if (ext === '.jsonl') return enc(`{"text":"${PROSE}\\u${lone.charCodeAt(0).toString(16)} ${PROSE}"}`);
    return Uint8Array.from([...enc(PROSE), 0xed, 0xa0 + int(r, 0, 0x1f), 0x80, ...enc(PROSE)]);
  },
  'YAML alias bomb': (r) => {
    const levels = int(r, 4, 9);
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i <= levels; i++) {
      const prev = String.fromCharCode(96 + i);
      lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    return enc(`---\ntitle: Pier\n${lines.join('\n')}\n---\n${PROSE.repeat(3)}`);
  },
  'broken gzip': (r) => {
    const gz = Buffer.from(gzipSync(enc(PROSE.repeat(20))));
    const how = int(r, 0, 3);
    if (how === 0) return gz.subarray(0, int(r, 2, gz.length - 1));
    if (how === 1) {
      const at = int(r, 10, gz.length - 1);
      gz[at] = (gz[at] ?? 0) ^ 0xff;
      return gz;
    }
    if (how === 2) return Buffer.concat([gz, Buffer.from(enc('trailing junk'))]);
    return Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.from(Uint8Array.from({ length: 64 }, () => int(r, 0, 255)))]);
  },
};

/** Case `i` of a class: the same (class, seed, i) always gives the same bytes and file name. */
export function fuzzCase(cls: FuzzClass, seed: number, i: number): FuzzCase {
  const r = rng(seed * 7919 + i * 104729 + FUZZ_CLASSES.indexOf(cls));
  const ext = cls === 'entity expansion' || cls === 'XXE' ? '.xml' : cls === 'YAML alias bomb' ? '.md' : (EXTS[int(r, 0, EXTS.length - 1)] ?? '.txt');
  const gz = cls === 'broken gzip' ? '.gz' : '';
  return { cls, name: `case-${i}${ext}${gz}`, bytes: MAKERS[cls](r, ext) };
}
