/**
 * The HTML dossier in a real browser: Debian's Chromium driven by playwright-core. Selecting a finding
 * must highlight its evidence in every source it names; the page must log no error and make no request;
 * a hostile article must stay inert. Skips only when no Chromium is installed outside CI
 * (scripts/ensure-chromium.sh installs it; .ci/run calls that script).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dossier } from '../../src/model/dossier.js';
import { renderDossier } from '../../src/report/index.js';
import { testDossier } from '../../src/report/test-dossier.js';
import { HOSTILE_FILE, hostileDossier } from '../../src/report/test-hostile.js';
import { neutralise } from '../../src/report/text.js';
import { EXAMPLE_STORY, REPO_ROOT } from '../../src/testing/paths.js';
import { readInputs } from '../../src/ingest/index.js';
import { buildDossier } from '../../src/compare/dossier.js';
import { CHROMIUM, hasChromium, highlightedPassages, launch, openWatched, type Session } from './chromium.js';

/** Screenshots and rendered pages go here (gitignored), for a person to look at after the run. */
const OUT = join(REPO_ROOT, 'out', 'browser');

const skip = !hasChromium() && !process.env['CI'] ? `no Chromium at ${CHROMIUM}: run scripts/ensure-chromium.sh (required in CI)` : false;

function write(name: string, d: Dossier): string {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${name}.html`);
  writeFileSync(file, renderDossier(d, 'html'));
  return file;
}

const index = (d: Dossier, id: string): number => d.sources.findIndex((s) => s.id === id);

void describe('HTML dossier in Chromium', { skip }, () => {
  let session: Session;
  before(async () => {
    session = await launch();
  });
  after(async () => {
    await session?.close();
  });

  void test('selecting a conflict highlights each side in its sources; no errors, no requests', async () => {
    const d = testDossier();
    const w = await openWatched(session.context, write('conflict', d));
    const conflict = d.conflicts[0];
    assert.ok(conflict);
    await w.page.click(`#conflict-${conflict.id} > .finding`);
    assert.equal(await w.page.getAttribute(`#conflict-${conflict.id} > .finding`, 'aria-pressed'), 'true');
    for (const side of conflict.sides) {
      for (const e of side.evidence) {
        const passages = await highlightedPassages(w.page, index(d, e.source));
        assert.ok(passages.includes(e.text), `${e.source}: "${e.text}" highlighted (got ${JSON.stringify(passages)})`);
      }
    }
    const silent = d.sources.filter((s) => !conflict.sides.some((side) => side.evidence.some((e) => e.source === s.id)));
    for (const s of silent) assert.deepEqual(await highlightedPassages(w.page, index(d, s.id)), [], `${s.id} has no evidence`);
    const marks = await w.page.$$eval('[data-mark]', (els) => els.map((e) => e.getAttribute('data-mark')));
    assert.ok(marks.includes('A') && marks.includes('B'), 'sides are told apart by letter, not colour alone');
    const firstVisible = await w.page.evaluate(() => {
      const el = document.querySelector('.hl');
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    });
    assert.ok(firstVisible, 'the first highlighted passage is scrolled into view');
    mkdirSync(OUT, { recursive: true });
    await w.page.screenshot({ path: join(OUT, 'conflict-selected.png') });
    assert.deepEqual(w.errors, []);
    assert.deepEqual(w.requests, []);
    await w.page.close();
  });

  void test('findings work from the keyboard: Enter selects, Enter again and Escape clear', async () => {
    const d = testDossier();
    const w = await openWatched(session.context, write('keyboard', d));
    const claim = d.claims.find((c) => c.status === 'single-source');
    assert.ok(claim);
    const e = claim.evidence[0];
    assert.ok(e);
    const row = w.page.locator('#single [data-ev]').first();
    await row.focus();
    await w.page.keyboard.press('Enter');
    assert.equal(await row.getAttribute('aria-pressed'), 'true');
    assert.deepEqual(await highlightedPassages(w.page, index(d, e.source)), [e.text]);
    await w.page.keyboard.press('Escape');
    assert.equal(await w.page.locator('.hl').count(), 0);
    await row.focus();
    await w.page.keyboard.press(' ');
    assert.ok((await w.page.locator('.hl').count()) > 0, 'Space selects too');
    await w.page.keyboard.press(' ');
    assert.equal(await w.page.locator('.hl').count(), 0, 'selecting again clears');
    assert.deepEqual(w.errors, []);
    await w.page.close();
  });

  void test('readable on a phone: no sideways scrolling of the page', async () => {
    const w = await openWatched(session.context, write('phone', testDossier()), { width: 390, height: 844 });
    const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await w.page.screenshot({ path: join(OUT, 'phone.png') });
    await w.page.close();
  });

  void test('prints well: one column, texts after the findings, no status bar or navigation', async () => {
    const w = await openWatched(session.context, write('print', testDossier()));
    await w.page.locator('#conflicts [data-ev]').first().click();
    await w.page.emulateMedia({ media: 'print' });
    const layout = await w.page.evaluate(() => ({
      status: getComputedStyle(document.getElementById('status') as HTMLElement).display,
      nav: getComputedStyle(document.querySelector('nav.toc') as HTMLElement).display,
      texts: getComputedStyle(document.getElementById('texts') as HTMLElement).position,
      columns: getComputedStyle(document.querySelector('.layout') as HTMLElement).display,
    }));
    assert.deepEqual(layout, { status: 'none', nav: 'none', texts: 'static', columns: 'block' });
    const pdf = await w.page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 1000, 'a PDF is produced');
    await w.page.close();
  });

  void test('hostile article and metadata render inert: no script runs, no dialog, no request', async () => {
    const d = hostileDossier();
    const w = await openWatched(session.context, write('hostile', d));
    // Select every finding, so hostile text in evidence and labels passes through the script too.
    const selected = await w.page.$$eval('[data-ev]', (els) => {
      for (const el of els) (el as HTMLElement).click();
      return els.length;
    });
    assert.ok(selected > 5);
    const pwned = await w.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);
    assert.equal(pwned, null, 'no hostile script ran');
    assert.deepEqual(w.dialogs, []);
    assert.deepEqual(w.requests, []);
    assert.deepEqual(w.errors, []);
    assert.equal(await w.page.locator('img, iframe, script').count(), 1, 'only the page script exists');
    const shown = await w.page.evaluate(() => document.getElementById('t0')?.textContent ?? '');
    assert.equal(shown, neutralise(d.sources[0]?.text ?? ''), 'the hostile text is shown, as text');
    assert.ok(await w.page.locator('body').isVisible(), 'a hostile <style> did not hide the page');
    await w.page.screenshot({ path: join(OUT, 'hostile.png') });
    await w.page.close();
  });

  void test('the hostile article through the real pipeline renders inert', async () => {
    const { articles } = await readInputs([HOSTILE_FILE, ...readdirSync(EXAMPLE_STORY).filter((f) => f.endsWith('.txt')).slice(0, 2).map((f) => join(EXAMPLE_STORY, f))]);
    const d = buildDossier(articles);
    const w = await openWatched(session.context, write('hostile-pipeline', d));
    await w.page.$$eval('[data-ev]', (els) => els.forEach((el) => (el as HTMLElement).click()));
    assert.equal(await w.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null), null);
    assert.deepEqual(w.dialogs, []);
    assert.deepEqual(w.requests, []);
    assert.deepEqual(w.errors, []);
    await w.page.close();
  });

  void test('the example story through the real pipeline: each conflict highlights its evidence', async (t) => {
    const files = readdirSync(EXAMPLE_STORY).map((f) => join(EXAMPLE_STORY, f)).sort();
    const { articles } = await readInputs(files);
    assert.ok(articles.length > 0, 'the example story is read');
    const d = buildDossier(articles);
    const file = write('example-story', d);
    const w = await openWatched(session.context, file);
    assert.deepEqual(w.errors, []);
    assert.deepEqual(w.requests, []);
    if (!d.conflicts.length) {
      t.diagnostic('the pipeline found no conflicts in the example story: only loading was checked');
    }
    for (const k of d.conflicts) {
      await w.page.click(`[id="conflict-${k.id}"] > .finding`);
      for (const side of k.sides) {
        for (const e of side.evidence) {
          const passages = (await highlightedPassages(w.page, index(d, e.source))).join('\n');
          assert.ok(passages.includes(neutralise(e.text)), `${k.id} ${e.source}: "${e.text}" highlighted`);
        }
      }
    }
    if (d.conflicts.length) {
      await w.page.click(`[id="conflict-${d.conflicts[0]?.id ?? ''}"] > .finding`);
      await w.page.screenshot({ path: join(OUT, 'example-story-conflict.png') });
    }
    assert.deepEqual(w.errors, []);
    await w.page.setViewportSize({ width: 390, height: 844 });
    const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `on a phone the page is ${overflow}px wider than the screen`);
    await w.page.close();
  });
});
