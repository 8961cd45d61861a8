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
import { checkBoilerplate, goldArticles, readGold } from '../../src/testing/gold.js';
import { extractHtml } from '../../src/extract/html.js';
import { bodyOf } from '../../src/model/article.js';

const DIR = join(EVAL, 'extraction');

function score(pred: Record<string, { articleBody: string }>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cc-extract-')), 'pred.json');
  writeFileSync(file, JSON.stringify(pred));
  return execFileSync(process.execPath, [join(EVAL, 'score-extraction.mjs'), '--truth', join(DIR, 'truth.json'), '--pred', file], { encoding: 'utf8' }).trim();
}

/** In-text boilerplate on the seed story: gold junk lines marked, and marks that touch gold prose. */
async function seedBoilerplate(): Promise<string> {
  const gold = readGold(join(EVAL, 'gold', 'seeds.json'));
  const r = checkBoilerplate(gold, await goldArticles(gold, SEEDS));
  return `seed story in-text boilerplate: ${r.found}/${r.total} gold junk lines marked; ${r.proseMarked.length} of ${r.marks} marks touch gold quotes or claims`;
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
