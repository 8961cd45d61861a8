// The reports issue's figures, on the seed story (../shared/seeds) through the real pipeline:
// HTML dossier size (limit 1 MB), DOMContentLoaded in headless Chromium (limit 500 ms, median of
// several loads), console errors and network requests (limit 0) while loading and while selecting every
// finding, and whether the hostile article stays inert (no script runs). Also the terminal report's
// widest line (limit 80 columns). Needs /usr/bin/chromium (scripts/ensure-chromium.sh).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../../src/ingest/index.js';
import { buildDossier } from '../../src/compare/dossier.js';
import { renderDossier } from '../../src/report/index.js';
import { hostileDossier } from '../../src/report/test-hostile.js';
import { displayWidth } from '../../src/report/wrap.js';
import { REPO_ROOT, SEEDS } from '../../src/testing/paths.js';
import { hasChromium, launch, openWatched, CHROMIUM } from '../../test/browser/chromium.js';

const MAX_BYTES = 1024 * 1024;
const MAX_DCL_MS = 500;
/** Loads per figure: the median of several is steadier than one cold load. */
const LOADS = 7;
const OUT = join(REPO_ROOT, 'out', 'eval-report');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const verdict = (ok: boolean): string => (ok ? 'ok' : 'FAIL');

export async function run(): Promise<string[]> {
  const lines: string[] = [];
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
  const { articles } = await readInputs(files);
  const dossier = buildDossier(articles);
  const html = renderDossier(dossier, 'html');
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, 'seeds.html');
  writeFileSync(file, html);
  const bytes = Buffer.byteLength(html);
  lines.push(`seed story: ${dossier.sources.length} sources, ${dossier.quotes.length} quotes, ${dossier.claims.length} claims, ${dossier.conflicts.length} conflicts, ${dossier.reuse.length} reuse pairs`);
  lines.push(`html size: ${(bytes / 1024).toFixed(1)} KB (limit 1024 KB) ${verdict(bytes <= MAX_BYTES)}`);
  const md = renderDossier(dossier, 'md');
  lines.push(`markdown size: ${(Buffer.byteLength(md) / 1024).toFixed(1)} KB`);
  const widest = Math.max(...renderDossier(dossier, 'terminal').split('\n').map(displayWidth));
  lines.push(`terminal widest line: ${widest} columns (limit 80) ${verdict(widest <= 80)}`);

  if (!hasChromium()) {
    lines.push(`browser figures: not measured, no Chromium at ${CHROMIUM} (run scripts/ensure-chromium.sh)`);
    return lines;
  }
  const session = await launch();
  try {
    const times: number[] = [];
    let errors: string[] = [];
    let requests: string[] = [];
    for (let i = 0; i < LOADS; i++) {
      const w = await openWatched(session.context, file);
      times.push(w.domContentLoadedMs);
      if (i === 0) {
        // Select every finding once: the script must not fail on any of them.
        const selected = await w.page.$$eval('[data-ev]', (els) => {
          let highlighted = 0;
          for (const el of els) {
            (el as HTMLElement).click();
            if (document.querySelector('.hl')) highlighted++;
          }
          return { total: els.length, highlighted };
        });
        lines.push(`findings selected: ${selected.total}, of which highlighted some evidence: ${selected.highlighted} ${verdict(selected.highlighted === selected.total)}`);
      }
      errors = errors.concat(w.errors);
      requests = requests.concat(w.requests);
      await w.page.close();
    }
    const dcl = median(times);
    lines.push(`DOMContentLoaded: median ${dcl.toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${LOADS} loads (limit ${MAX_DCL_MS} ms) ${verdict(dcl <= MAX_DCL_MS)}`);
    lines.push(`console errors: ${errors.length} ${verdict(errors.length === 0)}${errors.length ? `: ${errors.slice(0, 3).join(' | ')}` : ''}`);
    lines.push(`network requests: ${requests.length} ${verdict(requests.length === 0)}${requests.length ? `: ${requests.slice(0, 3).join(' ')}` : ''}`);

    const hostileFile = join(OUT, 'hostile.html');
    writeFileSync(hostileFile, renderDossier(hostileDossier(), 'html'));
    const h = await openWatched(session.context, hostileFile);
    await h.page.$$eval('[data-ev]', (els) => els.forEach((el) => (el as HTMLElement).click()));
    const pwned = await h.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);
    const inert = pwned === null && h.dialogs.length === 0 && h.requests.length === 0 && h.errors.length === 0;
    lines.push(`hostile article: scripts run ${pwned === null ? 0 : 1}, dialogs ${h.dialogs.length}, requests ${h.requests.length}, errors ${h.errors.length} ${verdict(inert)}`);
    await h.page.close();
  } finally {
    await session.close();
  }
  return lines;
}
