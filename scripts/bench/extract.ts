// Speed of `crosscheck extract`'s per-article path (decode → extract → boilerplate marks → JSON line),
// on one core, on pages generated in memory: news-like HTML pages (~30 KB: navigation, share bars, ad
// slots, related lists, comments, JSON-LD) and plain-text articles with front matter. Also bare
// Readability + linkedom on the same pages, in the same run, for the ratio. Then the real pages of
// ../shared/eval/extraction, the same two ways (scripts/bench/_extract-real.ts, one process each).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlArticle, plainTextArticle } from '../../src/ingest/articles.js';
import { decodeBytes } from '../../src/ingest/decode.js';
import { extractLine } from '../../src/cli/commands/extract.js';

const PAGES = 200;
const TEXTS = 5000;
/** Runs are repeated and the best kept, so one garbage collection does not decide the figure. */
const ROUNDS = 3;

const WORDS = 'council harbour bridge repairs engineers traffic ferry commuters budget steel price winter crews director said told reporters on Monday morning after two years of works the city would reopen its northern lane'.split(' ');

function sentence(seed: number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length] ?? 'word');
  const s = out.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function paragraph(seed: number): string {
  return [0, 1, 2, 3].map((k) => sentence(seed + k, 14 + ((seed + k) % 9))).join(' ') + ` “We’re proud of it — really…” said official ${seed}.`;
}

function page(i: number): string {
  const nav = Array.from({ length: 60 }, (_, k) => `<li><a href="/section/${k}">Section ${k}</a></li>`).join('');
  const related = Array.from({ length: 12 }, (_, k) => `<li><a href="/story/${i}-${k}">${sentence(i + k, 8)}</a></li>`).join('');
  const comments = Array.from({ length: 24 }, (_, k) => `<div class="comment"><p>${sentence(i * 3 + k, 20)}</p></div>`).join('');
  const body = Array.from({ length: 20 }, (_, k) => {
    const p = `<p>${paragraph(i * 31 + k)}</p>`;
    if (k === 4) return `${p}<div class="ad-slot">Advertisement</div>`;
    if (k === 8) return `${p}<h2>${sentence(k, 4)}</h2><figure><img src="x.jpg"><figcaption>Caption ${k} (Photo: Staff)</figcaption></figure>`;
    return p;
  }).join('\n');
  return `<!doctype html><html><head><title>Story ${i} | Bench Courier</title>
<meta property="og:site_name" content="Bench Courier"><link rel="canonical" href="https://bench.example/story/${i}">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Story ${i}","datePublished":"2025-07-09T10:00:00Z","author":{"name":"A. Writer"}}</script>
<script>window.__STATE__=${JSON.stringify({ id: i, tags: WORDS })};</script><style>.x{color:red}</style></head>
<body><header><nav><ul>${nav}</ul></nav></header><div class="cookie-banner">We use cookies.</div>
<main><article><h1>Story ${i}</h1><div class="share-bar"><a>Facebook</a><a>Twitter</a></div>${body}
<p>Read more: ${sentence(i, 6)}</p><p>Topics: Harbour, Council</p></article>
<aside class="related"><ul>${related}</ul></aside><section id="comments">${comments}</section></main>
<footer><p>© 2025 Bench Courier</p></footer></body></html>`;
}

function text(i: number): string {
  const paras = Array.from({ length: 8 }, (_, k) => paragraph(i * 17 + k)).join('\n\n');
  return `---\ntitle: Story ${i}\noutlet: Bench Courier\npublished: 2025-07-09\n---\n${paras}\n\nAdvert\n\nTopics: Harbour, Council\n`;
}

interface Timing {
  /** Wall-clock milliseconds. */
  wall: number;
  /** CPU milliseconds of this process (user + system): the "one core" figure when other jobs share the machine. */
  cpu: number;
}

function best(fn: () => void): Timing {
  let out: Timing = { wall: Infinity, cpu: Infinity };
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    fn();
    const used = process.cpuUsage(c);
    const timing = { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
    if (timing.cpu < out.cpu) out = timing;
  }
  return out;
}

const HERE = dirname(fileURLToPath(import.meta.url));
/** The real pages (../shared/eval/extraction/html beside the project), read by _extract-real.ts. */
const REAL_DIR = process.env['CROSSCHECK_EXTRACTION_DIR'] ?? join(HERE, '..', '..', '..', 'shared', 'eval', 'extraction', 'html');

interface RealRun {
  pages: number;
  cpuMs: number;
  pagesPerCpuSecond: number;
}

/** One mode of _extract-real.ts in its own process; with callgrind, the whole process's instruction count too. */
function realRun(mode: string, rounds: number, callgrind: boolean): RealRun & { instructions?: number } {
  const script = join(HERE, '_extract-real.ts');
  const env = { ...process.env, CROSSCHECK_EXTRACTION_DIR: REAL_DIR };
  if (!callgrind) return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script, mode, String(rounds)], { encoding: 'utf8', env }).trim()) as RealRun;
  const out = join(tmpdir(), `crosscheck-callgrind-${process.pid}-${mode}.out`);
  const line = execFileSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, '--import', 'tsx', script, mode, '1'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] });
  const instructions = Number(/^summary: (\d+)/m.exec(readFileSync(out, 'utf8'))?.[1] ?? NaN);
  rmSync(out, { force: true });
  return { ...(JSON.parse(line.trim()) as RealRun), instructions };
}

/** The real pages: pages per CPU second (best of 3 rounds), and with CROSSCHECK_BENCH_CALLGRIND=1 instructions per page (minus the `none` mode's loading and decoding). */
function realPages(): string[] {
  if (!existsSync(REAL_DIR)) return [`real pages: ${REAL_DIR} not found (set CROSSCHECK_EXTRACTION_DIR)`];
  const ours = realRun('ours', ROUNDS, false);
  const bare = realRun('bare', ROUNDS, false);
  const lines = [`real pages (${ours.pages}, ../shared/eval/extraction): extract path ${ours.pagesPerCpuSecond.toFixed(1)} pages/s CPU, bare Readability+linkedom ${bare.pagesPerCpuSecond.toFixed(1)} pages/s CPU (ratio ${(bare.cpuMs / ours.cpuMs).toFixed(2)})`];
  if (process.env['CROSSCHECK_BENCH_CALLGRIND'] === '1') {
    const [none, o, b] = ['none', 'ours', 'bare'].map((m) => realRun(m, 1, true).instructions ?? NaN) as [number, number, number];
    const per = (n: number): string => `${((n - none) / ours.pages / 1e6).toFixed(0)} M`;
    lines.push(`  instructions per page (callgrind, whole process minus loading): extract path ${per(o)}, bare ${per(b)} (ratio ${((o - none) / (b - none)).toFixed(2)})`);
  } else lines.push('  (CROSSCHECK_BENCH_CALLGRIND=1 adds instructions per page by callgrind: several minutes)');
  return lines;
}

// eslint-disable-next-line @typescript-eslint/require-await -- the suite runner's interface is async
export async function run(): Promise<string[]> {
  const pages = Array.from({ length: PAGES }, (_, i) => new TextEncoder().encode(page(i)));
  const texts = Array.from({ length: TEXTS }, (_, i) => new TextEncoder().encode(text(i)));
  const avgKb = pages.reduce((n, p) => n + p.length, 0) / PAGES / 1024;
  let sink = 0;

  const ours = best(() => {
    for (const [i, bytes] of pages.entries()) {
      const d = decodeBytes(bytes);
      if (!d.ok) throw new Error(d.reason);
      const b = htmlArticle(`page-${i}.html`, 'html', d.text, null);
      if (!b.ok) throw new Error(b.reason);
      sink += JSON.stringify(extractLine(b.article)).length;
    }
  });
  const bare = best(() => {
    for (const bytes of pages) {
      const doc = parseHTML(new TextDecoder().decode(bytes)).document;
      sink += new Readability(doc).parse()?.textContent?.length ?? 0;
    }
  });
  const plain = best(() => {
    for (const [i, bytes] of texts.entries()) {
      const d = decodeBytes(bytes);
      if (!d.ok) throw new Error(d.reason);
      const b = plainTextArticle(`text-${i}.txt`, 'text', d.text);
      if (!b.ok) throw new Error(b.reason);
      sink += JSON.stringify(extractLine(b.article)).length;
    }
  });
  const rate = (n: number, t: Timing): string => `${(n / (t.cpu / 1000)).toFixed(0)}/s CPU (${(n / (t.wall / 1000)).toFixed(0)}/s wall)`;
  return [
    `HTML pages (${avgKb.toFixed(0)} KB avg, ${PAGES}): extract path ${rate(PAGES, ours)}; bare Readability+linkedom ${rate(PAGES, bare)}`,
    `  extract path / bare extractor speed ratio: ${(bare.cpu / ours.cpu).toFixed(2)} (CPU time)`,
    `plain-text articles (${TEXTS}, with front matter): ${rate(TEXTS, plain)}`,
    ...realPages(),
    `(checksum ${sink % 997}; best of ${ROUNDS} rounds; load average ${loadavg()[0]?.toFixed(1) ?? '?'} on ${availableParallelism()} cores)`,
  ];
}
