// `npm run bench -- startup`: what a one-shot command costs as a whole process, start-up included.
// For `--help` and `analyze` of the seed story (built dist if present, else tsx): CPU time of the whole
// process (user + system, every thread; median of RUNS runs, read by the process itself at exit, so the
// figure does not depend on how busy the machine is as much as wall time does), the files it loads
// (counted with strace, when installed), and instructions executed (valgrind's callgrind, one run each,
// when installed: slow, ~50x, but the same on any load). Set CROSSCHECK_BENCH_NO_VALGRIND=1 to skip it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, SEEDS } from '../../src/testing/paths.js';

const RUNS = 5;
/** Goals from issue 15, in CPU seconds. */
const GOALS: Record<string, number> = { '--help': 0.25, 'analyze seed': 0.6 };
/** Files the process opened that are code or data it loads (not /proc, not libraries of node itself). */
const LOADED = /"([^"]+\.(?:js|mjs|cjs|json|node|txt))"/;
/** Preloaded (--import): prints the process's own CPU time at exit as its last stderr line. */
const CPU_PROBE = pathToFileURL(join(REPO_ROOT, 'scripts', 'bench', '_cpu-probe.mjs')).href;

const have = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

function cliArgs(): { args: string[]; label: string } {
  const dist = join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');
  return existsSync(dist) ? { args: [dist], label: 'dist' } : { args: ['--import', 'tsx', join(REPO_ROOT, 'src', 'cli', 'main.ts')], label: 'tsx, unbuilt' };
}

function cpuSeconds(command: string[]): number {
  const r = spawnSync(process.execPath, ['--import', CPU_PROBE, ...command], { encoding: 'utf8', cwd: REPO_ROOT, maxBuffer: 1 << 28 });
  const m = /crosscheck-bench-cpu (\d+) (\d+)\s*$/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${command.join(' ')}: exit ${r.status}: ${r.stderr.slice(-300)}`);
  return (Number(m[1]) + Number(m[2])) / 1e6;
}

function filesLoaded(command: string[], dir: string): number | null {
  if (!have('strace')) return null;
  const log = join(dir, 'strace.txt');
  spawnSync('strace', ['-f', '-qq', '-e', 'trace=openat', '-e', 'status=successful', '-o', log, process.execPath, ...command], { cwd: REPO_ROOT, maxBuffer: 1 << 28 });
  const files = new Set<string>();
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const m = LOADED.exec(line);
    if (m?.[1] && !line.includes('ENOENT')) files.add(m[1]);
  }
  return files.size;
}

function instructions(command: string[], dir: string): number | null {
  if (!have('valgrind') || process.env['CROSSCHECK_BENCH_NO_VALGRIND']) return null;
  const r = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${join(dir, 'callgrind.out')}`, process.execPath, ...command], { encoding: 'utf8', cwd: REPO_ROOT, maxBuffer: 1 << 28 });
  const m = /Collected : (\d+)/.exec(r.stderr);
  return m?.[1] ? Number(m[1]) : null;
}

export function run(): Promise<string[]> {
  const { args, label } = cliArgs();
  const cases: [string, string[]][] = [
    ['--help', [...args, '--help']],
    ['analyze seed', [...args, 'analyze', SEEDS, '--format', 'json']],
  ];
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-startup-'));
  const out = [`whole process (${label}); CPU = user + system of every thread, median of ${RUNS} runs`];
  try {
    const node = Array.from({ length: RUNS }, () => cpuSeconds(['-e', ''])).sort((a, b) => a - b)[RUNS >> 1] ?? 0;
    out.push(`${'node -e ""'.padEnd(14)} CPU ${node.toFixed(2)} s  (node itself)`);
    for (const [name, command] of cases) {
      const cpu = Array.from({ length: RUNS }, () => cpuSeconds(command)).sort((a, b) => a - b)[RUNS >> 1] ?? 0;
      const files = filesLoaded(command, dir);
      const ins = instructions(command, dir);
      out.push(
        `${name.padEnd(14)} CPU ${cpu.toFixed(2)} s  (goal <= ${GOALS[name]} s)` +
          `  files loaded ${files ?? 'n/a (no strace)'}` +
          `  instructions ${ins === null ? 'n/a (no valgrind)' : `${(ins / 1e9).toFixed(2)} G`}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return Promise.resolve(out);
}
