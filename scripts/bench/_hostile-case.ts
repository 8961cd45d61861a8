// One adversarial case, in its own process so its time and peak memory are its own:
// `node --import tsx scripts/bench/_hostile-case.ts NAME` prints one JSON line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDossier } from '../../src/compare/dossier.js';
import { readInputs } from '../../src/ingest/index.js';
import { newsPage, oneLineText, quoteDenseText, quotedAttributesPage } from '../../src/testing/adversarial.js';

const CASES: Record<string, () => Record<string, string>> = {
  'twelve 65 KB copies of one page': () => Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`copy-${i}.html`, newsPage(1, 65_000)])),
  // distinct pages in one small vocabulary: every sentence pair is similar (the paraphrase chain was quadratic in them)
  'twelve distinct 65 KB pages': () => Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`page-${i}.html`, newsPage(i + 1, 65_000)])),
  'twenty quote-dense 12 KB articles': () => Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`quotes-${i}.txt`, quoteDenseText(100 + (i % 4), 12_000)])),
  '50 MB one-line text': () => ({ 'line.txt': oneLineText(50_000_000), 'other.txt': quoteDenseText(7, 3000) }),
  '3.5 MB page of quoted attributes': () => ({ 'attrs.html': quotedAttributesPage(3, 3_500_000), 'other.txt': quoteDenseText(8, 3000) }),
};

const name = process.argv[2] ?? '';
const make = CASES[name];
if (!make) {
  console.log(JSON.stringify({ cases: Object.keys(CASES) }));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'cc-hostile-'));
  const files = Object.entries(make()).map(([f, body]) => {
    writeFileSync(join(dir, f), body);
    return join(dir, f);
  });
  const started = performance.now();
  const { articles, problems } = await readInputs(files);
  const read = performance.now() - started;
  const dossier = articles.length ? buildDossier(articles) : null;
  const total = performance.now() - started;
  const mb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ name, readMs: Math.round(read), totalMs: Math.round(total), peakMb: Math.round(mb), articles: articles.length, refused: problems.filter((p) => p.level === 'error').length, quotes: dossier?.quotes.length ?? 0, claims: dossier?.claims.length ?? 0 }));
}
