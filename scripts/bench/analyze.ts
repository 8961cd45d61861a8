// `npm run bench -- analyze`: how long the dossier takes. The seed story in-process once its articles
// are loaded (first run, then warm), the whole CLI process on the seed story (built dist if present,
// else tsx), and synthetic stories of 5, 20, 50, 100 and 200 sources made from the example story and
// BASIL articles (each copy shifted by a prefix line so no two sources are identical).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

  for (const n of [5, 20, 50, 100, 200]) {
    const story = await syntheticStory(n);
    const [d, took] = timed(() => buildDossier(story));
    out.push(`${String(n).padStart(3)} sources: ${ms(took).padStart(8)}  (${d.quotes.length} quote clusters, ${d.claims.length} claims, ${d.conflicts.length} conflicts)${n === 50 ? '  (limit 5000 ms)' : ''}`);
  }
  return out;
}
