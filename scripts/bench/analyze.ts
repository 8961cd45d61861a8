// `npm run bench -- analyze`: how long the dossier takes. The seed story in-process once its articles
// are loaded (first run, then warm), the whole CLI process on the seed story (built dist if present,
// else tsx), and synthetic stories of 2 to 200 sources made from the example story and BASIL articles
// (each copy shifted by a prefix line so no two sources are identical): warm wall and CPU time of each
// dossier, the growth exponent fitted from 20 to 200 sources (issue 15: at most 1.2), and the whole
// process's CPU time on the 100-source story (issue 15: at most 3 s).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDossier } from '../../src/compare/dossier.js';
import { readInputs } from '../../src/ingest/index.js';
import { makeArticle, type Article } from '../../src/model/article.js';
import { EVAL, EXAMPLE_STORY, REPO_ROOT, SEEDS } from '../../src/testing/paths.js';

const ms = (t: number): string => `${t.toFixed(0)} ms`;

async function articlesIn(dir: string): Promise<Article[]> {
  const files = readdirSync(dir).filter((f) => !/^(readme|licen[cs]e|gold)/i.test(f)).sort().map((f) => join(dir, f));
  return (await readInputs(files)).articles;
}

/** A story of n sources: the example story's articles first, then BASIL articles, copied as needed. */
async function syntheticStory(n: number): Promise<Article[]> {
  const pool = [...(await articlesIn(EXAMPLE_STORY))];
  const basil = join(EVAL, 'basil');
  for (const e of readdirSync(basil).filter((x) => statSync(join(basil, x)).isDirectory()).sort().slice(0, 20)) pool.push(...(await articlesIn(join(basil, e))));
  const out: Article[] = [];
  for (let i = 0; i < n; i++) {
    const a = pool[i % pool.length] as Article;
    const text = i < pool.length ? a.text : `Copy ${i}.\n${a.text}`;
    out.push(makeArticle({ origin: `${a.origin}#${i}`, kind: a.kind, text, meta: { outlet: a.outlet, title: a.title, published: a.published } }));
  }
  return out;
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

export async function run(): Promise<string[]> {
  const out: string[] = [];
  const seed = await articlesIn(SEEDS);
  const example = await articlesIn(EXAMPLE_STORY);
  // "Once loaded": code and lexicons are loaded by a first dossier of another story (the example story),
  // then the seed story is analysed for the first time. The cold figure (the very first dossier in the
  // process, lexicon loading and JIT included) is shown too.
  const [, cold] = timed(() => buildDossier(example));
  const [, first] = timed(() => buildDossier(seed));
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push(timed(() => buildDossier(seed))[1]);
  warm.sort((a, b) => a - b);
  out.push(
    `seed story (${seed.length} sources), in-process once loaded: first ${ms(first)}, warm median ${ms(warm[2] ?? 0)}  (limit 300 ms); ` +
      `the process's very first dossier (example story, lexicons loading) ${ms(cold)}`,
  );

  const dist = join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');
  const cli = existsSync(dist) ? [dist] : ['--import', 'tsx', join(REPO_ROOT, 'src', 'cli', 'main.ts')];
  const t = performance.now();
  const r = spawnSync(process.execPath, [...cli, 'analyze', SEEDS, '--format', 'json'], { encoding: 'utf8', cwd: REPO_ROOT });
  out.push(`seed story, whole process (${existsSync(dist) ? 'dist' : 'tsx, unbuilt'}): ${ms(performance.now() - t)}, exit ${r.status}  (limit 1500 ms)`);

  const sizes: { n: number; cpu: number }[] = [];
  for (const n of STORY_SIZES) {
    const story = await syntheticStory(n);
    const c0 = process.cpuUsage();
    const [d, took] = timed(() => buildDossier(story));
    const c = process.cpuUsage(c0);
    sizes.push({ n, cpu: (c.user + c.system) / 1000 });
    out.push(`${String(n).padStart(3)} sources: ${ms(took).padStart(8)} (CPU ${ms((c.user + c.system) / 1000)})  (${d.quotes.length} quote clusters, ${d.claims.length} claims, ${d.conflicts.length} conflicts)${n === 50 ? '  (limit 5000 ms)' : n === 100 ? '  (goal 2500 ms)' : ''}`);
  }
  const fitted = sizes.filter((x) => x.n >= 20);
  out.push(`growth exponent, 20 to 200 sources (least squares on log CPU time): ${growthExponent(fitted).toFixed(2)}  (goal 1.2)`);
  out.push(`100 sources, whole process (${existsSync(dist) ? 'dist' : 'tsx, unbuilt'}): CPU ${processCpu(cli, await syntheticStory(100)).toFixed(2)} s  (goal 3 s)`);
  return out;
}

/** Story sizes of the growth table (issue 15). */
const STORY_SIZES = [2, 5, 10, 20, 50, 100, 200];

/** The slope of log time over log size: time grows as size to this power. */
function growthExponent(xs: { n: number; cpu: number }[]): number {
  const pts = xs.map((x) => [Math.log(x.n), Math.log(Math.max(1, x.cpu))] as const);
  const mx = pts.reduce((s, [x]) => s + x, 0) / pts.length;
  const my = pts.reduce((s, [, y]) => s + y, 0) / pts.length;
  const sxy = pts.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = pts.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx ? sxy / sxx : 0;
}

/** CPU seconds of one `analyze` process (every thread, start-up included) on a story written as JSONL. */
function processCpu(cli: string[], story: Article[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
  try {
    const file = join(dir, 'story.jsonl');
    writeFileSync(file, story.map((a) => JSON.stringify({ url: a.origin, outlet: a.outlet, title: a.title, published: a.published, text: a.text })).join('\n') + '\n');
    const probe = pathToFileURL(join(REPO_ROOT, 'scripts', 'bench', '_cpu-probe.mjs')).href;
    const r = spawnSync(process.execPath, ['--import', probe, ...cli, 'analyze', file, '--format', 'json'], { encoding: 'utf8', cwd: REPO_ROOT, maxBuffer: 1 << 28 });
    const m = /crosscheck-bench-cpu (\d+) (\d+)\s*$/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`analyze of the 100-source story: exit ${r.status}: ${r.stderr.slice(-300)}`);
    return (Number(m[1]) + Number(m[2])) / 1e6;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
