// Runs the suites of scripts/<kind>/: each module exports `run(): Promise<string[]>` (lines to print).
// Extra arguments pick suites by name: `npm run eval -- quotes` runs those whose file name contains "quotes".
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export async function runSuites(kind: 'eval' | 'bench', wanted: string[]): Promise<void> {
  const dir = join(dirname(fileURLToPath(import.meta.url)), kind);
  const suites = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_')).sort();
  for (const file of suites) {
    const name = file.replace(/\.ts$/, '');
    if (wanted.length && !wanted.some((w) => name.includes(w))) continue;
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<string[]> };
    const started = Date.now();
    console.log(`\n== ${kind}: ${name}`);
    try {
      for (const line of await mod.run()) console.log(line);
    } catch (e) {
      console.log(`FAILED: ${(e as Error).message}`);
      process.exitCode = 1;
    }
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}
