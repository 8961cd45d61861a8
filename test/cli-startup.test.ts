import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXAMPLE_STORY, REPO_ROOT } from '../src/testing/paths.js';

// Each command loads only what it uses: `--help` and `analyze` never load the server, the store
// (SQLite) or the feed parser. A module-resolution hook records every module the process imports.
// (How long start-up takes is measured by `npm run bench -- startup`, not asserted here.)

const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-startup-'));
const hook = join(tmp, 'record-imports.mjs');
writeFileSync(
  hook,
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(process.env.CROSSCHECK_IMPORT_LOG, r.url + '\\\\n');
  return r;
}\`));
`,
);

function importsOf(name: string, args: string[]): string[] {
  const log = join(tmp, `${name}.log`);
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, '--import', 'tsx', join(REPO_ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CROSSCHECK_IMPORT_LOG: log, NO_COLOR: '1' },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(log), 'the hook recorded the imports');
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

/** Code no reading-and-reporting command needs. */
const HEAVY = /node_modules\/(?:hono|@hono|better-sqlite3|fast-xml-parser)\/|\/src\/(?:server|store\/(?:sqlite|corpus)|watch)\b|\/src\/ingest\/feed\./;

void test('--help loads no pipeline, server, store or parser code', () => {
  const loaded = importsOf('help', ['--help']);
  assert.ok(loaded.some((u) => u.includes('/src/cli/commands/analyze.')), 'the command modules themselves are loaded');
  assert.deepEqual(loaded.filter((u) => HEAVY.test(u) || /\/src\/(?:compare|nlp|extract|cluster)\//.test(u)), []);
});

void test('analyze loads the pipeline but no server, store or feed parser', () => {
  const loaded = importsOf('analyze', ['analyze', EXAMPLE_STORY, '--format', 'json']);
  assert.ok(loaded.some((u) => u.includes('/src/compare/dossier.')), 'the dossier pipeline is loaded');
  assert.deepEqual(loaded.filter((u) => HEAVY.test(u)), []);
});

void test('analyze --format json loads neither the other commands, the other renderers nor diff\'s patch code', () => {
  const loaded = importsOf('analyze-json', ['analyze', EXAMPLE_STORY, '--format', 'json']);
  assert.ok(loaded.some((u) => u.includes('/src/report/json.')), 'the JSON renderer is loaded');
  assert.deepEqual(loaded.filter((u) => /\/src\/cli\/commands\/(?!analyze\.|index\.)|\/src\/report\/(?:html|markdown|terminal)|node_modules\/diff\/libesm\/(?:patch|convert|index)/.test(u)), []);
});
