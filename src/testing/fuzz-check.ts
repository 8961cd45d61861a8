import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDossier } from '../compare/dossier.js';
import { extractRecords } from '../cli/commands/extract.js';
import { readInputs } from '../ingest/index.js';
import { makeArticle, type Article } from '../model/article.js';
import { schemaErrors } from '../model/validate.js';
import { analyzeEach } from '../nlp/analyze-each.js';
import { dossierViolations, spanViolations } from './invariants.js';

// What every hostile input must give: a clear one-line error, or valid output whose every span
// indexes its text, through reading, extraction, analysis and the dossier. Used by the fuzz test and
// scripts/fuzz.ts; a broken promise throws with the reason.

export type Outcome = 'clean error' | 'valid output';

/** A well-formed companion source, so each hostile article is also compared with another. */
const COMPANION = makeArticle({
  origin: 'companion.txt',
  kind: 'text',
  text: '“The pier will close in May,” the harbour director said on Tuesday. The council said the repairs would take six weeks.\n',
  meta: { outlet: 'Companion' },
});

function checkProblem(origin: string, reason: string): void {
  if (!reason.trim() || reason.includes('\n') || /\n\s+at /.test(reason)) throw new Error(`${origin}: the reason is not one clear line: ${JSON.stringify(reason.slice(0, 200))}`);
}

function checkArticles(articles: Article[]): void {
  for (const a of articles) {
    const bad = spanViolations(a.text, a.boilerplate, `${a.origin} boilerplate`);
    if (bad.length) throw new Error(bad.slice(0, 3).join('; '));
  }
  if (articles.length === 0) return;
  const { articles: analysed, analyze, problems } = analyzeEach([...articles, COMPANION]);
  for (const p of problems) checkProblem(p.origin, p.reason);
  const dossier = buildDossier(analysed, { analyze });
  const errors = [...schemaErrors('dossier', dossier), ...dossierViolations(dossier as unknown as Parameters<typeof dossierViolations>[0])];
  if (errors.length) throw new Error(`dossier: ${errors.slice(0, 3).join('; ')}`);
}

/** Reads one input file through every stage and checks the promises; returns what it gave. */
export async function checkInput(name: string, bytes: Uint8Array, dir?: string): Promise<Outcome> {
  const own = dir ?? mkdtempSync(join(tmpdir(), 'cc-fuzz-'));
  const path = join(own, name);
  try {
    writeFileSync(path, bytes);
    const read = await readInputs([path]);
    for (const p of read.problems) checkProblem(p.origin, p.reason);
    const extractErrors = extractRecords(read.items).flatMap((line) => schemaErrors('extract', line));
    if (extractErrors.length) throw new Error(`extract output: ${extractErrors.slice(0, 3).join('; ')}`);
    checkArticles(read.articles);
    return read.articles.length > 0 ? 'valid output' : 'clean error';
  } finally {
    if (!dir) rmSync(own, { recursive: true, force: true });
  }
}
