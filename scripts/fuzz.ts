// `node --import tsx scripts/fuzz.ts [cases per class] [seed]`: the long fuzz run CI can call. Draws
// cases of every hostile class (src/testing/fuzz-cases.ts), reads each through every stage, and prints
// per class the cases run and their outcomes, the slowest case and the peak memory. Exits 1 on any
// crash (a broken promise), or a case over the deadline or the memory ceiling.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUZZ_CLASSES, fuzzCase } from '../src/testing/fuzz-cases.js';
import { checkInput } from '../src/testing/fuzz-check.js';

/** A case slower than this counts as a hang (the extraction deadline is 20 s). */
const CASE_DEADLINE_MS = 30_000;
/** Peak resident memory allowed for the whole run, hence for any single input. */
const MEMORY_CEILING_MB = 512;

const perClass = Number(process.argv[2] ?? 200);
const seed = Number(process.argv[3] ?? 1);
const dir = mkdtempSync(join(tmpdir(), 'cc-fuzz-run-'));
let failures = 0;
const started = performance.now();
try {
  console.log(`class | cases | clean error | valid output | crashes | slowest ms`);
  for (const cls of FUZZ_CLASSES) {
    const counts = { 'clean error': 0, 'valid output': 0, crash: 0 };
    let slowest = 0;
    for (let i = 0; i < perClass; i++) {
      const c = fuzzCase(cls, seed, i);
      const t = performance.now();
      try {
        counts[await checkInput(c.name, c.bytes, dir)]++;
      } catch (e) {
        counts.crash++;
        failures++;
        console.log(`CRASH ${cls} #${i} (${c.name}, seed ${seed}): ${(e as Error).message.split('\n')[0] ?? ''}`);
      }
      const ms = performance.now() - t;
      slowest = Math.max(slowest, ms);
      if (ms > CASE_DEADLINE_MS) {
        failures++;
        console.log(`HANG ${cls} #${i}: ${ms.toFixed(0)} ms`);
      }
    }
    console.log(`${cls} | ${perClass} | ${counts['clean error']} | ${counts['valid output']} | ${counts.crash} | ${slowest.toFixed(0)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`${perClass * FUZZ_CLASSES.length} cases in ${((performance.now() - started) / 1000).toFixed(0)} s; peak memory ${peakMb.toFixed(0)} MB (ceiling ${MEMORY_CEILING_MB} MB)`);
if (peakMb > MEMORY_CEILING_MB) failures++;
process.exitCode = failures > 0 ? 1 : 0;
