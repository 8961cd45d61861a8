// `npm run build` (and test/cli-bin.test.ts, into a folder of its own): compiles src/ to OUT_DIR
// (default dist/) with tsc, then bundles the command line's entry (OUT_DIR/src/cli/main.js) with
// esbuild, in place, so a one-shot command loads a few files instead of about 230 modules (issue 15,
// docs/decisions.md). Every other compiled module stays where tsc wrote it (the eval scripts, the
// worker threads and library users import those). The bundle's chunks sit beside main.js, in
// OUT_DIR/src/cli/, as deep below the package root as the modules they hold, so the code that finds
// data/ and schemas/ from its own file's place finds them from a chunk too. Packages stay external:
// they load from node_modules as before.
//   node scripts/build.mjs [OUT_DIR]
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(ROOT, 'dist'));
const cli = join(out, 'src', 'cli');
/** The bundle's chunk files are named so that a rebuild can remove the previous build's. */
const CHUNK_PREFIX = 'bundle-';

const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

for (const f of readdirSync(cli)) if (f.startsWith(CHUNK_PREFIX)) rmSync(join(cli, f));
await build({
  entryPoints: [join(cli, 'main.js')],
  outdir: cli,
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: `${CHUNK_PREFIX}[name]-[hash]`,
  logLevel: 'warning',
});
chmodSync(join(cli, 'bin.js'), 0o755);
