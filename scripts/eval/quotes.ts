// Quote and attribution extraction on PolNeAR (../shared/eval/polnear), scored by the shared scorer:
// dev and train, direct quotes only (--direct-only, with direct predictions only) and all attributions
// (indirect speech included). Then, on dev, each attribution pass alone: the quotes it decided,
// scored the same way (precision = its decisions that match a gold attribution; recall = the share of
// gold it finds; speaker = its speakers' accuracy), so every pass is measured by what it adds.
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { makeArticle } from '../../src/model/article.js';
import { analyzeArticleTraced } from '../../src/nlp/analyze.js';
import { QUOTE_PASSES } from '../../src/nlp/attribution/passes/index.js';
import { INDIRECT_PASSES } from '../../src/nlp/attribution/indirect/index.js';
import { EVAL } from '../../src/testing/paths.js';
import type { Quote } from '../../src/nlp/types.js';

const POLNEAR = join(EVAL, 'polnear');
const SCORER = join(EVAL, 'score-quotes.mjs');

interface Predicted {
  origin: string;
  text: string;
  quotes: { quote: Quote; pass: string; doubleMarked: boolean }[];
}

/**
 * The scorer counts as direct a gold attribution whose content holds a double quotation mark
 * (" “ ”); quotes in single marks or in the doubled apostrophes of some archives ('') count as
 * indirect there. The direct figure is therefore taken on quotes opened by a double mark; the
 * all-attributions figure on everything.
 */
const DOUBLE_MARK = /^["\u201C\u201D\u201E\u00AB\u00BB]$/;

function predict(split: string): Predicted[] {
  const textDir = join(POLNEAR, split, 'text');
  return readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const origin = join(textDir, name);
      const text = readFileSync(origin, 'utf8');
      const { analysis, passOf } = analyzeArticleTraced(makeArticle({ origin, kind: 'text', text }));
      const quotes = analysis.quotes
        .filter((q) => q.nestedIn === null)
        .map((quote) => ({ quote, pass: passOf.get(quote) ?? 'none', doubleMarked: quote.direct && quote.open !== null && DOUBLE_MARK.test(text.slice(quote.open.start, quote.open.end)) }));
      return { origin, text, quotes };
    });
}

/** Writes the predictions `keep` accepts as the scorer's JSONL. */
function write(path: string, preds: Predicted[], keep: (q: Predicted['quotes'][number]) => boolean): string {
  const lines = preds.map((p) =>
    JSON.stringify({
      origin: p.origin,
      text: p.text,
      quotes: p.quotes.filter(keep).map(({ quote: q }) => ({ start: q.start, end: q.end, speaker: q.speaker, speakerSpan: q.speakerSpan ? { start: q.speakerSpan.start, end: q.speakerSpan.end } : null })),
    }),
  );
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

function score(split: string, pred: string, directOnly: boolean): string[] {
  const args = [SCORER, '--data', join(POLNEAR, split), '--pred', pred, ...(directOnly ? ['--direct-only'] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scorer failed: ${r.stderr}`);
  return r.stdout.trim().split('\n');
}

/** One line per pass: its decisions' span precision, recall, and speaker accuracy, from the scorer's lines. */
function passLine(name: string, lines: string[]): string {
  const span = lines.find((l) => l.startsWith('span'));
  const m = span ? /P ([\d.]+)\s+R ([\d.]+).*tp (\d+), pred (\d+)/.exec(span) : null;
  const sp = lines.find((l) => l.startsWith('speaker accuracy'));
  const s = sp ? /accuracy ([\d.]+) \((\d+)\/(\d+)/.exec(sp) : null;
  if (!m) return `  ${name.padEnd(30)} no decisions`;
  return `  ${name.padEnd(30)} P ${m[1]} R ${m[2]} (${m[3]}/${m[4]})  speaker ${s ? `${s[1]} (${s[2]}/${s[3]})` : '-'}`;
}

function perPass(dir: string, preds: Predicted[]): string[] {
  const out = ['-- dev, each pass alone (direct passes against double-quoted gold, indirect against all gold)'];
  for (const name of [...QUOTE_PASSES.map((p) => p.name), 'none']) {
    const path = write(join(dir, `pass-${name}.jsonl`), preds, (q) => q.doubleMarked && q.pass === name);
    out.push(passLine(name, score('dev', path, true)));
  }
  for (const name of INDIRECT_PASSES.map((p) => p.name)) {
    const path = write(join(dir, `pass-${name.replace(/[^a-z-]/g, '_')}.jsonl`), preds, (q) => !q.quote.direct && q.pass === name);
    out.push(passLine(name, score('dev', path, false)));
  }
  return out;
}

export async function run(): Promise<string[]> {
  if (!existsSync(SCORER)) return [`skipped: ${SCORER} not found`];
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-quotes-'));
  const out: string[] = [];
  const splits = process.env['QUOTES_EVAL_SPLITS']?.split(',') ?? ['dev', 'train'];
  for (const split of splits) {
    const preds = predict(split);
    for (const [label, directOnly] of [
      ['direct quotes (--direct-only)', true],
      ['all attributions', false],
    ] as const) {
      const path = write(join(dir, `${split}-${directOnly ? 'direct' : 'all'}.jsonl`), preds, (q) => !directOnly || q.doubleMarked);
      out.push(`-- ${split}, ${label}`);
      out.push(...score(split, path, directOnly).filter((l) => !l.startsWith('WARNING')));
    }
    if (split === 'dev') out.push(...perPass(dir, preds));
  }
  out.push(`(predictions in ${dir})`);
  return Promise.resolve(out);
}
