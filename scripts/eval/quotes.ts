// Quote and attribution extraction on PolNeAR (../shared/eval/polnear), scored by the shared scorer:
// dev and train, direct quotes only (--direct-only, with direct predictions only) and all attributions
// (indirect speech included). Prints the scorer's figures.
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { makeArticle } from '../../src/model/article.js';
import { analyzeArticle } from '../../src/nlp/analyze.js';
import { EVAL } from '../../src/testing/paths.js';
import type { Quote } from '../../src/nlp/types.js';

const POLNEAR = join(EVAL, 'polnear');
const SCORER = join(EVAL, 'score-quotes.mjs');

interface PredLine {
  origin: string;
  text: string;
  quotes: { start: number; end: number; speaker: string | null; speakerSpan: { start: number; end: number } | null }[];
}

/**
 * The scorer counts as direct a gold attribution whose content holds a double quotation mark
 * (" “ ”); quotes in single marks or in the doubled apostrophes of some archives ('') count as
 * indirect there. The direct figure is therefore taken on quotes opened by a double mark; the
 * all-attributions figure on everything.
 */
const DOUBLE_MARK = /^["\u201C\u201D\u201E\u00AB\u00BB]$/;

/** Predictions for one split, as two JSONL files: direct quotes only, and every attribution. */
function predict(split: string, dir: string): { direct: string; all: string } {
  const textDir = join(POLNEAR, split, 'text');
  const direct: string[] = [];
  const all: string[] = [];
  for (const name of readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
    const origin = join(textDir, name);
    const text = readFileSync(origin, 'utf8');
    const analysis = analyzeArticle(makeArticle({ origin, kind: 'text', text }));
    const line = (keep: (direct: boolean, q: Quote) => boolean): string => {
      const pred: PredLine = {
        origin,
        text,
        quotes: analysis.quotes
          .filter((q) => keep(q.direct, q) && q.nestedIn === null)
          .map((q) => ({ start: q.start, end: q.end, speaker: q.speaker, speakerSpan: q.speakerSpan ? { start: q.speakerSpan.start, end: q.speakerSpan.end } : null })),
      };
      return JSON.stringify(pred);
    };
    const doubleMarked = new Set(analysis.quotes.filter((q) => q.open !== null && DOUBLE_MARK.test(text.slice(q.open.start, q.open.end))));
    direct.push(line((d, q) => d && doubleMarked.has(q)));
    all.push(line(() => true));
  }
  const directPath = join(dir, `${split}-direct.jsonl`);
  const allPath = join(dir, `${split}-all.jsonl`);
  writeFileSync(directPath, direct.join('\n') + '\n');
  writeFileSync(allPath, all.join('\n') + '\n');
  return { direct: directPath, all: allPath };
}

function score(split: string, pred: string, directOnly: boolean): string[] {
  const args = [SCORER, '--data', join(POLNEAR, split), '--pred', pred, ...(directOnly ? ['--direct-only'] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scorer failed: ${r.stderr}`);
  return r.stdout.trim().split('\n');
}

export async function run(): Promise<string[]> {
  if (!existsSync(SCORER)) return [`skipped: ${SCORER} not found`];
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-quotes-'));
  const out: string[] = [];
  const splits = process.env['QUOTES_EVAL_SPLITS']?.split(',') ?? ['dev', 'train'];
  for (const split of splits) {
    const preds = predict(split, dir);
    for (const [label, path, directOnly] of [
      ['direct quotes (--direct-only)', preds.direct, true],
      ['all attributions', preds.all, false],
    ] as const) {
      out.push(`-- ${split}, ${label}`);
      out.push(...score(split, path, directOnly).filter((l) => !l.startsWith('WARNING')));
    }
  }
  out.push(`(predictions in ${dir})`);
  return Promise.resolve(out);
}
