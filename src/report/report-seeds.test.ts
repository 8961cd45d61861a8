/**
 * The reports on the seed story through the real pipeline (../shared/seeds): the limits of the reports
 * issue that do not need a browser. Skipped when the shared folder is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { buildDossier } from '../compare/dossier.js';
import { readInputs } from '../ingest/index.js';
import type { Dossier } from '../model/dossier.js';
import { hasShared, SEEDS } from '../testing/paths.js';
import { renderDossier } from './index.js';
import { neutralise } from './text.js';
import { displayWidth } from './wrap.js';

/** The limit on the seed story's HTML dossier. */
const MAX_HTML_BYTES = 1024 * 1024;

let cached: Dossier | null = null;
async function seedDossier(): Promise<Dossier> {
  if (cached) return cached;
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
  cached = buildDossier((await readInputs(files)).articles);
  return cached;
}

const skip = hasShared() ? false : 'no ../shared/seeds';

void test('seed story: the terminal report fits 80 columns, with or without colour', { skip }, async () => {
  const d = await seedDossier();
  for (const color of [false, true]) {
    const plain = renderDossier(d, 'terminal', { color }).replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
    const wide = plain.split('\n').filter((l) => displayWidth(l) > 80);
    assert.deepEqual(wide, []);
  }
});

void test('seed story: the HTML dossier is under 1 MB, shows each text whole, and every finding points inside a text', { skip }, async () => {
  const d = await seedDossier();
  const out = renderDossier(d, 'html');
  assert.ok(Buffer.byteLength(out) <= MAX_HTML_BYTES, `${Buffer.byteLength(out)} bytes`);
  const { document } = parseHTML(out);
  d.sources.forEach((s, i) => assert.equal(document.getElementById(`t${i}`)?.textContent, neutralise(s.text), s.id));
  const findings = Array.from(document.querySelectorAll('[data-ev]'));
  assert.ok(findings.length >= d.claims.length + d.quotes.length);
  for (const f of findings) {
    for (const item of (f.getAttribute('data-ev') ?? '').split(' ').filter(Boolean)) {
      const [src, start, end] = item.split(':').map(Number);
      const text = d.sources[src ?? -1]?.text;
      assert.ok(text !== undefined && (start ?? -1) >= 0 && (end ?? 0) <= text.length && (start ?? 0) < (end ?? 0), item);
      assert.ok(document.querySelector(`#t${src} [data-o="${start}"]`), `a segment starts at ${item}`);
    }
  }
});

void test('seed story: Markdown tables keep one cell per column', { skip }, async () => {
  const d = await seedDossier();
  const md = renderDossier(d, 'md');
  const cells = (row: string): number => row.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).length;
  const rows = md.split('\n').filter((l) => /\| (corroborated|contested|single-source) \|/.test(l));
  assert.equal(rows.length, d.claims.length);
  for (const r of rows) assert.equal(cells(r), 3 + d.sources.length, r);
});
