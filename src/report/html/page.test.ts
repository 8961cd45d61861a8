import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import type { Dossier } from '../../model/dossier.js';
import { dossierViolations } from '../../testing/invariants.js';
import { neutralise } from '../text.js';
import { testDossier } from '../test-dossier.js';
import { hostileDossier } from '../test-hostile.js';
import { contentSecurityPolicy, cutPoints, renderHtml } from './page.js';

const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('base64');

function parse(d: Dossier): Document {
  return parseHTML(renderHtml(d)).document;
}

void test('the test dossiers themselves are valid (every span is its source slice)', () => {
  assert.deepEqual(dossierViolations(testDossier() as unknown as Parameters<typeof dossierViolations>[0]), []);
  assert.deepEqual(dossierViolations(hostileDossier() as unknown as Parameters<typeof dossierViolations>[0]), []);
});

void test('the CSP forbids remote loads and allows exactly the inline style and script by hash', () => {
  const doc = parse(testDossier());
  const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
  assert.equal(csp, contentSecurityPolicy());
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|https?:|\*/);
  const scripts = Array.from(doc.querySelectorAll('script'));
  const styles = Array.from(doc.querySelectorAll('style'));
  assert.equal(scripts.length, 1);
  assert.equal(styles.length, 1);
  assert.ok(csp.includes(`'sha256-${sha(scripts[0]?.textContent ?? '')}'`), 'script hash matches');
  assert.ok(csp.includes(`'sha256-${sha(styles[0]?.textContent ?? '')}'`), 'style hash matches');
});

void test('each full text is rendered once, whole, cut at every evidence boundary', () => {
  const d = testDossier();
  const doc = parse(d);
  d.sources.forEach((s, i) => {
    const box = doc.getElementById(`t${i}`);
    assert.ok(box);
    assert.equal(box.textContent, neutralise(s.text));
    const offsets = new Set(Array.from(box.querySelectorAll('[data-o]')).map((e) => Number(e.getAttribute('data-o'))));
    for (const f of Array.from(doc.querySelectorAll('[data-ev]'))) {
      for (const item of (f.getAttribute('data-ev') ?? '').split(' ')) {
        const [src, start, end] = item.split(':').map(Number);
        if (src !== i) continue;
        assert.ok(offsets.has(start ?? -1), `segment starts at ${start}`);
        assert.ok(end === s.text.length || offsets.has(end ?? -1), `segment starts at ${end}`);
      }
    }
  });
});

void test('every finding is focusable and names evidence that matches the dossier', () => {
  const d = testDossier();
  const doc = parse(d);
  const findings = Array.from(doc.querySelectorAll('[data-ev]'));
  assert.ok(findings.length >= d.claims.length + d.conflicts.length + d.summary.length);
  for (const f of findings) {
    assert.equal(f.getAttribute('tabindex'), '0');
    assert.equal(f.getAttribute('role'), 'button');
  }
  const conflict = doc.querySelector('#conflict-k1 > [data-ev]');
  const expected = d.conflicts[0]?.sides.flatMap((side, k) => side.evidence.map((e) => `${d.sources.findIndex((s) => s.id === e.source)}:${e.start}:${e.end}:${k}`));
  assert.deepEqual(conflict?.getAttribute('data-ev')?.split(' '), expected);
});

void test('quote variants are labelled in words and diffs use ins/del', () => {
  const doc = parse(testDossier());
  const labels = Array.from(doc.querySelectorAll('#quotes .variant .label')).map((e) => e.textContent);
  assert.deepEqual(labels, ['reference', 'trimmed']);
  assert.deepEqual(Array.from(doc.querySelectorAll('#quotes .variant del')).map((e) => e.textContent?.replace('removed: ', '').trim()), ['the bridge', 'while we repair the crack']);
});

void test('cut points are sorted, unique and inside the text', () => {
  assert.deepEqual(cutPoints(10, [{ start: 2, end: 5 }, { start: 5, end: 12 }, { start: 2, end: 4 }]), [0, 2, 4, 5, 10]);
});

void test('hostile input renders inert: one script, no event handlers, no remote or javascript: addresses', () => {
  const d = hostileDossier();
  const out = renderHtml(d);
  const doc = parseHTML(out).document;
  assert.equal(doc.querySelectorAll('script').length, 1);
  assert.equal(doc.querySelectorAll('img, iframe, object, embed, a[href^="javascript"], link[rel="stylesheet"]').length, 0);
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      assert.doesNotMatch(a.name, /^on/i, `${el.tagName} has ${a.name}`);
      if (a.name === 'href' || a.name === 'src') assert.match(a.value, /^(#|data:)/, `${el.tagName} ${a.name}=${a.value}`);
    }
  }
  assert.doesNotMatch(out, /[\u202A-\u202E\u2066-\u2069]/);
  assert.equal(doc.getElementById('t0')?.textContent, neutralise(d.sources[0]?.text ?? ''), 'the hostile text is shown as text');
  assert.equal(doc.querySelectorAll('svg').length, 1, 'only the provenance graph');
});
