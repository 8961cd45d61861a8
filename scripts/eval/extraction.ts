// Article-body extraction on the dev half of the article-extraction benchmark (../shared/eval/extraction),
// scored by the shared scorer. Prints the scorer's line (F1 ...) for crosscheck's HTML path, with the
// body (text less boilerplate marks) as the prediction, and for bare Readability on the same pages.
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { EVAL, SEEDS } from '../../src/testing/paths.js';
import { readInputs } from '../../src/ingest/index.js';
import { overlaps } from '../../src/model/span.js';
import { extractHtml } from '../../src/extract/html.js';
import { bodyOf } from '../../src/model/article.js';

const DIR = join(EVAL, 'extraction');

function score(pred: Record<string, { articleBody: string }>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cc-extract-')), 'pred.json');
  writeFileSync(file, JSON.stringify(pred));
  return execFileSync(process.execPath, [join(EVAL, 'score-extraction.mjs'), '--truth', join(DIR, 'truth.json'), '--pred', file], { encoding: 'utf8' }).trim();
}

interface SeedGold {
  files: Record<string, string>;
  boilerplate: { f: string; evidence: string }[];
  quotes: { variants: { f: string; text: string }[] }[];
  singleSource: { f: string; evidence: string }[];
  corroborated: { evidence: Record<string, string> }[];
}

/** In-text boilerplate on the seed story: gold junk lines marked, and marks that touch gold prose. */
async function seedBoilerplate(): Promise<string> {
  const gold = JSON.parse(readFileSync(join(EVAL, 'gold', 'seeds.json'), 'utf8')) as SeedGold;
  const ids = Object.keys(gold.files);
  const { articles } = await readInputs(ids.map((f) => join(SEEDS, gold.files[f] ?? '')));
  const byId = new Map(ids.map((f, i) => [f, articles[i]]));
  const spanOf = (f: string, s: string): { start: number; end: number } | null => {
    const at = byId.get(f)?.text.indexOf(s) ?? -1;
    return at < 0 ? null : { start: at, end: at + s.length };
  };
  const found = gold.boilerplate.filter((g) => {
    const span = spanOf(g.f, g.evidence);
    return span !== null && (byId.get(g.f)?.boilerplate ?? []).some((b) => overlaps(b, span));
  }).length;
  const prose = [
    ...gold.quotes.flatMap((q) => q.variants.map((v) => [v.f, v.text] as const)),
    ...gold.singleSource.map((x) => [x.f, x.evidence] as const),
    ...gold.corroborated.flatMap((c) => Object.entries(c.evidence)),
  ];
  const marks = ids.flatMap((f) => (byId.get(f)?.boilerplate ?? []).map((b) => ({ f, b })));
  const wrong = marks.filter(({ f, b }) => prose.some(([pf, text]) => {
    const span = pf === f ? spanOf(pf, text) : null;
    return span !== null && overlaps(b, span);
  })).length;
  return `seed story in-text boilerplate: ${found}/${gold.boilerplate.length} gold junk lines marked; ${wrong} of ${marks.length} marks touch gold quotes or claims`;
}

export async function run(): Promise<string[]> {
  const truth = JSON.parse(readFileSync(join(DIR, 'truth.json'), 'utf8')) as Record<string, { url?: string }>;
  const ids = readdirSync(join(DIR, 'html'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replace(/\.html$/, ''))
    .sort();
  const ours: Record<string, { articleBody: string }> = {};
  const oursText: Record<string, { articleBody: string }> = {};
  const bare: Record<string, { articleBody: string }> = {};
  let failed = 0;
  for (const id of ids) {
    const html = readFileSync(join(DIR, 'html', `${id}.html`), 'utf8');
    const r = extractHtml(html, truth[id]?.url ?? null);
    if (r.ok) {
      ours[id] = { articleBody: bodyOf(r) };
      oursText[id] = { articleBody: r.text };
    }
    else failed++;
    const doc = parseHTML(html).document;
    bare[id] = { articleBody: new Readability(doc).parse()?.textContent ?? '' };
  }
  if (process.env['DUMP_EXTRACTION']) writeFileSync(process.env['DUMP_EXTRACTION'], JSON.stringify(ours));
  return [
    await seedBoilerplate(),
    `crosscheck extract (body): ${score(ours)}  (no article: ${failed})`,
    `crosscheck extract (text, marks kept): ${score(oursText)}`,
    `bare readability+linkedom: ${score(bare)}`,
    'reference on this dev half: readability_js 0.950, trafilatura 0.963, best (AutoExtract) 0.975',
  ];
}
