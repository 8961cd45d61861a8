import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { EXAMPLE_STORY, REPO_ROOT } from '../src/testing/paths.js';

// The `crosscheck` command as users get it: the package is built and laid out the way
// `npm install -g` lays it out (PREFIX/lib/node_modules/crosscheck, and PREFIX/bin/crosscheck a
// symlink to the file package.json names as "bin"), then the command is run by name, through PATH,
// from a folder outside the package. Building into a temporary folder keeps the repository's dist
// untouched and tests the code as it is now, not a stale build.

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };
const root = mkdtempSync(join(tmpdir(), 'crosscheck-bin-'));
const prefix = join(root, 'prefix');
const installed = join(prefix, 'lib', 'node_modules', pkg.name);
const elsewhere = join(root, 'elsewhere');

before(() => {
  mkdirSync(join(prefix, 'bin'), { recursive: true });
  mkdirSync(elsewhere);
  // The build `npm run build` runs (tsc, then the command line's bundle), into the installed package.
  const built = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), join(installed, 'dist')], { encoding: 'utf8' });
  assert.equal(built.status, 0, `build failed:\n${built.stdout}${built.stderr}`);
  cpSync(join(REPO_ROOT, 'package.json'), join(installed, 'package.json'));
  for (const dir of ['data', 'schemas']) cpSync(join(REPO_ROOT, dir), join(installed, dir), { recursive: true });
  // The installed package's dependencies: the repository's own, linked rather than downloaded.
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(installed, 'node_modules'), 'dir');
  for (const [name, file] of Object.entries(pkg.bin)) {
    // npm makes the bin target executable and links it by a relative path.
    chmodSync(join(installed, file), 0o755);
    symlinkSync(join('..', 'lib', 'node_modules', pkg.name, file), join(prefix, 'bin', name));
  }
});

const crosscheck = (args: string[]) =>
  spawnSync('crosscheck', args, {
    cwd: elsewhere,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(prefix, 'bin')}${delimiter}${process.env['PATH'] ?? ''}`, NO_COLOR: '1' },
  });

void test('package.json names a crosscheck command', () => {
  assert.ok(pkg.bin['crosscheck'], 'a "crosscheck" entry in "bin"');
});

void test('crosscheck --version prints the package version', () => {
  const r = crosscheck(['--version']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), pkg.version);
});

void test('crosscheck --help lists every command', () => {
  const r = crosscheck(['--help']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Usage: crosscheck /m);
  for (const command of ['analyze', 'extract', 'quotes', 'ingest', 'watch', 'cluster', 'stories', 'serve']) assert.match(r.stdout, new RegExp(`^  ${command}\\b`, 'm'), command);
});

void test('crosscheck analyze on the example story prints the dossier', () => {
  const r = crosscheck(['analyze', EXAMPLE_STORY, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const d = JSON.parse(r.stdout) as { sources: unknown[]; quotes: unknown[] };
  assert.equal(d.sources.length, 6, 'six outlets in the example story');
  assert.ok(d.quotes.length > 0);
});

void test('an unknown command is a usage error with a hint, exit 2', () => {
  const r = crosscheck(['no-such-command']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command/);
});

void test('the installed command line is bundled: its entry imports only its own chunks and packages', () => {
  const entry = readFileSync(join(installed, 'dist', 'src', 'cli', 'main.js'), 'utf8');
  const relative = [...entry.matchAll(/\bfrom\s+["'](\.[^"']*)["']/g)].map((m) => m[1]);
  assert.ok(relative.length > 0, 'the entry imports its chunks');
  assert.deepEqual(relative.filter((s) => !s?.startsWith('./bundle-')), [], 'no compiled module outside the bundle');
});
