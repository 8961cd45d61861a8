// `npm run eval -- stories`: the dossier on the seed story, the example story and every gold story of
// ../shared/eval/stories (ECB+ dev), each scored with ../shared/eval/score-dossier.mjs. One line per
// story, then the mean over ../shared/eval/stories, computed as score-stories.sh computes it (a story
// whose gold has no conflict counts 0 for conflict recall), so the two commands print the same mean.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDossier } from '../../src/compare/dossier.js';
import { readInputs } from '../../src/ingest/index.js';
import { EVAL, EXAMPLE_STORY, REPO_ROOT, SEEDS } from '../../src/testing/paths.js';

interface Gold {
  dir: string;
  files: Record<string, string>;
}

interface Figures {
  composite: number;
  conflicts: number | null;
  corroborated: number | null;
  singleSource: number | null;
  boilerplate: number | null;
  reported: number;
}

const STORIES = join(EVAL, 'stories');

/** Scores one story: builds its dossier in-process from `files` and runs the shared scorer on it. */
async function scoreStory(name: string, goldFile: string, files: string[], textDir: string | null, out: string): Promise<Figures> {
  const { articles } = await readInputs(files);
  const dossierFile = join(out, `${name}.json`);
  writeFileSync(dossierFile, JSON.stringify(buildDossier(articles), null, 2));
  const args = [join(EVAL, 'score-dossier.mjs'), '--gold', goldFile, '--dossier', dossierFile, '--verbose', ...(textDir ? ['--dir', textDir] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  writeFileSync(join(out, `${name}.score`), r.stdout + r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  const json = lines.filter((l) => l.startsWith('{')).pop();
  const last = lines[lines.length - 1] ?? '';
  if (!json || !/^composite /.test(last)) throw new Error(`${name}: the scorer printed no figures (${(r.stderr || last).trim().slice(0, 200)})`);
  const j = JSON.parse(json) as Record<string, unknown> & { counts: { conflicts: number } };
  const num = (k: string): number | null => (typeof j[k] === 'number' ? j[k] : null);
  return {
    composite: Number(last.split(' ')[1]),
    conflicts: num('conflicts'),
    corroborated: num('corroborated'),
    singleSource: num('singleSource'),
    boilerplate: num('boilerplate'),
    reported: j.counts.conflicts,
  };
}

const fig = (v: number | null): string => (v === null ? '    -' : v.toFixed(3));

function line(name: string, f: Figures): string {
  return `${name.padEnd(20)} composite ${f.composite.toFixed(3)}  conflicts ${fig(f.conflicts)} (${String(f.reported).padStart(3)} reported)  corroborated ${fig(f.corroborated)}  single-source ${fig(f.singleSource)}  boilerplate ${fig(f.boilerplate)}`;
}

function goldStories(): { name: string; file: string; gold: Gold }[] {
  return readdirSync(STORIES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), file: join(STORIES, f), gold: JSON.parse(readFileSync(join(STORIES, f), 'utf8')) as Gold }));
}

export async function run(): Promise<string[]> {
  const out = mkdtempSync(join(tmpdir(), 'crosscheck-eval-stories-'));
  const lines: string[] = [];
  const seedGold = join(EVAL, 'gold', 'seeds.json');
  const seedFiles = Object.values((JSON.parse(readFileSync(seedGold, 'utf8')) as Gold).files).map((f) => join(SEEDS, f));
  lines.push(line('seed story', await scoreStory('seeds', seedGold, seedFiles, SEEDS, out)));
  const exampleFiles = readdirSync(EXAMPLE_STORY).filter((f) => !/^(readme|licen[cs]e|gold)/i.test(f)).sort().map((f) => join(EXAMPLE_STORY, f));
  lines.push(line('example story', await scoreStory('example', join(REPO_ROOT, 'examples', 'gold', 'story.json'), exampleFiles, null, out)));
  let composite = 0;
  let recall = 0;
  const stories = goldStories();
  for (const s of stories) {
    const dir = join(EVAL, s.gold.dir);
    const f = await scoreStory(s.name, s.file, Object.values(s.gold.files).map((x) => join(dir, x)), dir, out);
    composite += f.composite;
    recall += f.conflicts ?? 0;
    lines.push(line(s.name, f));
  }
  const n = Math.max(1, stories.length);
  lines.push(`mean over ${stories.length} stories: composite ${(composite / n).toFixed(3)}, conflict recall ${(recall / n).toFixed(3)}`);
  lines.push(`(dossiers and scores with misses written to ${out})`);
  return lines;
}
