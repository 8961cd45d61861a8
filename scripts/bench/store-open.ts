// A big SQLite store opened (`npm run bench -- store-open`): how long `crosscheck serve` takes until
// /health answers, and what opening the store costs (the file's check, then the clustering state a
// writer loads: checkpoint and log after it), each in a fresh process, wall and CPU, with peak RSS.
// The store: CROSSCHECK_BENCH_STORE_PATH, an existing file (keep one with
//   node --import tsx scripts/bench/_big-sqlite.ts PATH N --checkpoint
// since a million articles takes tens of minutes to write), else CROSSCHECK_BENCH_OPEN_N generated
// articles (default 5000) in a scratch directory. CROSSCHECK_BENCH_CLI: the built CLI to run
// (default this checkout's dist/src/cli/main.js; point it at another checkout for a before figure).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSqlite } from './_big-sqlite.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = process.env['CROSSCHECK_BENCH_CLI'] ?? join(HERE, '../../dist/src/cli/main.js');
const READY_LIMIT_MS = 600_000;
/** Clock ticks per second of /proc/PID/stat's CPU fields (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** User + system CPU seconds of a live process, from /proc. */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

const rssOf = (pid: number): number => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Starts serve on the store and polls /health until it answers 200. */
async function serveReady(db: string): Promise<string> {
  const t = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /on http:\/\/[^:]+:(\d+)\//.exec(err);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${err.slice(0, 300)}`)));
    });
    const listening = performance.now() - t;
    for (;;) {
      if (performance.now() - t > READY_LIMIT_MS) throw new Error('serve not ready in time');
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const ready = performance.now() - t;
    return `serve: listening ${(listening / 1000).toFixed(2)} s, /health answering ${(ready / 1000).toFixed(2)} s after start (CPU ${cpuOf(child.pid!).toFixed(2)} s, peak RSS ${rssOf(child.pid!).toFixed(0)} MB)`;
  } finally {
    child.kill('SIGTERM');
  }
}

/** Opening in a fresh process (_open-store.ts): the store file, then the whole Corpus.open. */
function openCosts(db: string): string {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(HERE, '_open-store.ts'), db], { encoding: 'utf8' });
  return out.trim().split('\n').at(-1)!;
}

export async function run(): Promise<string[]> {
  const given = process.env['CROSSCHECK_BENCH_STORE_PATH'];
  const dir = given ? null : mkdtempSync(join(tmpdir(), 'crosscheck-bench-open-'));
  try {
    let db = given ?? join(dir!, 'open.db');
    const lines: string[] = [];
    if (!given) {
      const n = Number(process.env['CROSSCHECK_BENCH_OPEN_N'] ?? 5000);
      lines.push(`generated ${n} articles in ${loadSqlite(db, n, 2000).toFixed(0)} s`);
    }
    db = given ?? db;
    lines.push(`store ${db}: ${(statSync(db).size / 1e9).toFixed(2)} GB; CLI ${CLI}`);
    lines.push(`  ${await serveReady(db)}`);
    if (process.env['CROSSCHECK_BENCH_OPEN_CORPUS'] !== '0') lines.push(`  ${openCosts(db)}`);
    return lines;
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
