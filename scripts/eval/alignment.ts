// `npm run eval -- alignment`: cross-source sentence alignment on the 66 ECB+ DEV stories. One dossier per
// gold story (built in-process from exactly that story's files, as `crosscheck analyze` does), scored by
// ../shared/eval/score-alignment.mjs against ECB+ event coreference: two sentences of different articles
// align when they mention the same event. Claims' evidence and quote clusters' variants are the
// predicted pairs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDossier } from '../../src/compare/dossier.js';
import { readInputs } from '../../src/ingest/index.js';
import { EVAL, REPO_ROOT } from '../../src/testing/paths.js';

const DATA = join(EVAL, 'ecbplus');

export async function run(): Promise<string[]> {
  const clusters = (JSON.parse(readFileSync(join(DATA, 'gold.json'), 'utf8')) as { clusters: Record<string, string[]> }).clusters;
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-eval-alignment-'));
  try {
    for (const [cluster, paths] of Object.entries(clusters)) {
      const { articles } = await readInputs(paths.map((p) => join(DATA, p)));
      writeFileSync(join(dir, `${cluster}.json`), JSON.stringify(buildDossier(articles)));
    }
    const args = [join(EVAL, 'score-alignment.mjs'), '--data', DATA, '--dossiers', dir];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    const cmd = `node ${args.map((a) => a.replace(REPO_ROOT + '/', '')).join(' ')}`;
    return [`-- ${Object.keys(clusters).length} stories: ${cmd.replace(dir, '<dossiers>')}`, ...r.stdout.trimEnd().split('\n').map((l) => `   ${l}`)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
