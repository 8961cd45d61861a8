// `npm run eval -- conflict-suite`: the behavioural conflict suite (src/testing/conflict-suite.ts) on
// real sentences of the ECB+ dev stories, read from ../shared at run time: for each edit type, the
// share of cases handled right (a fact-changing edit reported as a conflict of its kind; a
// fact-keeping edit not reported). Targets: >= 95% caught, <= 2% of fact-keeping edits flagged.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL } from '../../src/testing/paths.js';
import { rateOf, runConflictSuite, type SuiteCase } from '../../src/testing/conflict-suite.js';

const SEED = 13;
/** Cases per edit type: enough for a rate to the per cent, few enough to run in a minute. */
const PER_EDIT = 80;
const MIN_CHARS = 60;
const MAX_CHARS = 320;

/** Sentences of every dev story's articles, each with the sentence before and after it. */
function devCases(): SuiteCase[] {
  const stories = join(EVAL, 'stories');
  const out: SuiteCase[] = [];
  for (const f of readdirSync(stories).filter((x) => x.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(stories, f), 'utf8')) as { dir: string; files: Record<string, string> };
    for (const file of Object.values(gold.files)) {
      const text = readFileSync(join(EVAL, gold.dir, file), 'utf8');
      const sentences = text
        .split('\n')
        .filter((l) => !/^URL:|https?:/.test(l))
        .flatMap((l) => l.split(/(?<=[.!?]["”]?)\s+(?=["“]?\p{Lu})/u))
        .map((s) => s.trim())
        .filter(Boolean);
      sentences.forEach((s, i) => {
        if (s.length < MIN_CHARS || s.length > MAX_CHARS || !/[.!?]["”]?$/.test(s)) return;
        out.push({ sentence: s, before: sentences.slice(Math.max(0, i - 1), i), after: sentences.slice(i + 1, i + 2) });
      });
    }
  }
  return out;
}

export async function run(): Promise<string[]> {
  const cases = devCases();
  const tallies = runConflictSuite(cases, SEED, PER_EDIT);
  const lines = [`${cases.length} dev sentences; seed ${SEED}; up to ${PER_EDIT} cases per edit type`];
  for (const t of tallies) {
    const what = t.expects ? `caught as ${t.expects}` : 'not flagged';
    lines.push(`${t.edit.padEnd(18)} ${what.padEnd(22)} ${(rateOf(t) * 100).toFixed(1).padStart(5)}%  (${t.passed}/${t.cases})`);
    for (const f of t.failures) lines.push(`     e.g. ${f.length > 520 ? `${f.slice(0, 200)} … ${f.slice(-300)}` : f}`);
  }
  const changing = tallies.filter((t) => t.expects);
  const keeping = tallies.filter((t) => !t.expects);
  const sum = (ts: typeof tallies, f: (t: (typeof tallies)[number]) => number): number => ts.reduce((a, t) => a + f(t), 0);
  lines.push(`fact-changing caught: ${((sum(changing, (t) => t.passed) / Math.max(1, sum(changing, (t) => t.cases))) * 100).toFixed(1)}%`);
  lines.push(`fact-keeping flagged: ${((1 - sum(keeping, (t) => t.passed) / Math.max(1, sum(keeping, (t) => t.cases))) * 100).toFixed(1)}%`);
  return Promise.resolve(lines);
}
