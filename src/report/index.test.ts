import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOSSIER_SCHEMA, type Dossier } from '../model/dossier.js';
import { renderDossier, REPORT_FORMATS } from './index.js';
import { renderDossierLoading } from './load.js';
import { testDossier } from './test-dossier.js';

const empty: Dossier = { schema: DOSSIER_SCHEMA, sources: [], quotes: [], claims: [], conflicts: [], reuse: [], boilerplate: [], summary: [] };

void test('every format renders an empty dossier and one with unknown or out-of-range evidence', () => {
  const odd = testDossier();
  odd.claims.push({ id: 'cx', text: 'x', status: 'single-source', independentSources: 1, evidence: [{ source: 's9', start: 0, end: 3, text: 'abc' }, { source: 's0', start: 5, end: 99999, text: '' }] });
  for (const format of REPORT_FORMATS) {
    for (const d of [empty, odd]) {
      const out = renderDossier(d, format);
      assert.ok(out.length > 0 && out.endsWith('\n'), `${format} ends with a newline`);
    }
  }
});

void test('json is the dossier itself; the renderers are pure', () => {
  const d = testDossier();
  assert.deepEqual(JSON.parse(renderDossier(d, 'json')), d);
  for (const format of REPORT_FORMATS) assert.equal(renderDossier(d, format), renderDossier(testDossier(), format));
});

void test('renderDossierLoading (one renderer loaded per run) gives renderDossier\'s output in every format', async () => {
  const d = testDossier();
  for (const format of REPORT_FORMATS) for (const options of [{}, { color: true, width: 60 }]) assert.equal(await renderDossierLoading(d, format, options), renderDossier(d, format, options));
});
