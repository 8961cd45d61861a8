// `npm run eval -- dossier`: the dossier on the seed story and the example story, scored against their
// gold files with ../shared/eval/score-dossier.mjs, and a run on every BASIL event (errors counted,
// conflicts tallied by kind for judging).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDossier } from '../../src/compare/dossier.js';
import { readInputs } from '../../src/ingest/index.js';
import { schemaErrors } from '../../src/model/validate.js';
import { dossierViolations } from '../../src/testing/invariants.js';
import { EVAL, EXAMPLE_STORY, REPO_ROOT, SEEDS } from '../../src/testing/paths.js';

const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-eval-dossier-'));

async function dossierFor(dir: string): Promise<ReturnType<typeof buildDossier>> {
  const files = readdirSync(dir).filter((f) => !/^(readme|licen[cs]e|gold)/i.test(f)).sort().map((f) => join(dir, f));
  const { articles } = await readInputs(files);
  return buildDossier(articles);
}

function scoreLines(name: string, file: string, gold: string, dir: string | null): string[] {
  const args = [join(EVAL, 'score-dossier.mjs'), '--gold', gold, '--dossier', file, '--verbose', ...(dir ? ['--dir', dir] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  return [`-- ${name}: node ${args.map((a) => a.replace(REPO_ROOT + '/', '')).join(' ')}`, ...r.stdout.trimEnd().split('\n').map((l) => `   ${l}`)];
}

export async function run(): Promise<string[]> {
  const out: string[] = [];
  const seed = await dossierFor(SEEDS);
  const seedFile = join(tmp, 'seeds.json');
  writeFileSync(seedFile, JSON.stringify(seed, null, 2));
  out.push(...scoreLines('seed story', seedFile, join(EVAL, 'gold', 'seeds.json'), SEEDS));
  out.push(`   conflicts: ${seed.conflicts.map((c) => `${c.id} ${c.summary}`).join('\n              ')}`);

  const story = await dossierFor(EXAMPLE_STORY);
  const storyFile = join(tmp, 'story.json');
  writeFileSync(storyFile, JSON.stringify(story, null, 2));
  out.push(...scoreLines('example story', storyFile, join(REPO_ROOT, 'examples', 'gold', 'story.json'), null));
  out.push(`   conflicts: ${story.conflicts.map((c) => `${c.id} ${c.summary}`).join('\n              ')}`);

  const basil = join(EVAL, 'basil');
  const events = readdirSync(basil).filter((e) => statSync(join(basil, e)).isDirectory()).sort();
  let errors = 0;
  let invalid = 0;
  const kinds = new Map<string, number>();
  const withConflicts: string[] = [];
  for (const e of events) {
    try {
      const d = await dossierFor(join(basil, e));
      if (schemaErrors('dossier', d).length || dossierViolations(d as unknown as typeof d & Record<string, unknown>).length) invalid++;
      for (const c of d.conflicts) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
      if (d.conflicts.length) withConflicts.push(`${e}: ${d.conflicts.map((c) => `[${c.kind}] ${c.summary}`).join(' | ')}`);
    } catch (err) {
      errors++;
      out.push(`   BASIL ${e}: ${(err as Error).message}`);
    }
  }
  out.push(`-- BASIL: ${events.length} events, ${errors} errors, ${invalid} invalid dossiers; conflicts by kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
  out.push(...withConflicts.slice(0, 40).map((l) => `   ${l.slice(0, 400)}`));
  out.push(`(dossiers written to ${tmp})`);
  return out;
}
