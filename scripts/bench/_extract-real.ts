// Extraction on the real pages of ../shared/eval/extraction, one process per mode so instruction
// counts can be taken by callgrind on the whole process (minus the `none` mode, which loads the same
// modules and reads the same pages but extracts nothing):
//   node --import tsx scripts/bench/_extract-real.ts <ours|bare|none> [rounds]
// Prints one JSON line: pages, CPU ms of the best round, pages per CPU second.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlArticle } from '../../src/ingest/articles.js';
import { decodeBytes } from '../../src/ingest/decode.js';

export const REAL_PAGES_DIR = process.env['CROSSCHECK_EXTRACTION_DIR'] ?? join(process.cwd(), '..', 'shared', 'eval', 'extraction', 'html');

const mode = process.argv[2] ?? 'ours';
const rounds = Number(process.argv[3] ?? 1);
const files = readdirSync(REAL_PAGES_DIR).filter((f) => f.endsWith('.html')).sort();
const pages = files.map((f) => new Uint8Array(readFileSync(join(REAL_PAGES_DIR, f))));
let sink = 0;
const once = (): void => {
  for (const [i, bytes] of pages.entries()) {
    const d = decodeBytes(bytes);
    if (!d.ok) continue;
    if (mode === 'ours') {
      const b = htmlArticle(files[i]!, 'html', d.text, null);
      sink += b.ok ? b.article.text.length : 1;
    } else if (mode === 'bare') {
      sink += new Readability(parseHTML(d.text).document).parse()?.textContent?.length ?? 0;
    }
  }
};
let bestCpu = Infinity;
for (let r = 0; r < rounds; r++) {
  const c = process.cpuUsage();
  once();
  const u = process.cpuUsage(c);
  bestCpu = Math.min(bestCpu, (u.user + u.system) / 1000);
}
console.log(JSON.stringify({ mode, pages: pages.length, cpuMs: bestCpu, pagesPerCpuSecond: pages.length / (bestCpu / 1000), sink: sink % 997 }));
