/**
 * What the web UI's counts tell a user in Chromium: the independent sources beside the article count,
 * a story of near-copies warned about with its figures in the right number, a conflicts filter that
 * says how many stories it cannot place yet (and links to them), and an add page that says why it is
 * closed. Screenshots go to out/ui-screenshots/. Skips only when no Chromium is installed outside CI.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launch, type Session } from './chromium.js';
import { openUi, shot, startUiServer, WIRE_TITLE, type UiServer } from './ui-server.js';

const skip = !hasChromium() && !process.env['CI'] ? `no Chromium at ${CHROMIUM}: run scripts/ensure-chromium.sh (required in CI)` : false;

/** Reloads until no count on the list says "not built yet" (the list builds them in the background). */
async function untilBuilt(page: Page): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const cells = await page.locator('tbody').innerText();
    if (!/not built yet/.test(cells)) return;
    await page.waitForTimeout(500);
    await page.reload();
  }
  assert.fail('the list never finished building its counts');
}

void describe('web UI: honest counts in Chromium', { skip }, () => {
  let session: Session;
  let server: UiServer;
  let closed: UiServer;
  before(async () => {
    server = await startUiServer(6, { copies: true });
    closed = await startUiServer(1, { writes: 'closed' });
    session = await launch();
  });
  after(async () => {
    await session?.close();
    await server?.close();
    await closed?.close();
  });

  void test('conflicts filter on a fresh list: the stories not built yet are counted and linked, then placed', async () => {
    const { page, errors, remote } = await openUi(session.context, server);
    await page.getByLabel('Conflicts').selectOption('some');
    await page.waitForURL(/conflicts=some/);
    const note = page.locator('#unbuilt');
    assert.match(await note.innerText(), /^\d+ stor(y|ies) matching the other filters (is|are) not built yet/);
    await shot(page, 'filter-unbuilt');
    await note.getByRole('link', { name: 'list the stories not built yet' }).click();
    await page.waitForURL(/conflicts=unbuilt/);
    assert.equal(await page.getByLabel('Conflicts').inputValue(), 'unbuilt', 'the menu shows the filter the link chose');
    // The filtered list asked for them to be built: in a while the note is gone.
    await page.goto(`${server.url}/ui?conflicts=some`);
    for (let i = 0; i < 120 && (await note.count()) > 0; i++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    assert.equal(await note.count(), 0, 'every story placed once built');
    assert.deepEqual(errors, []);
    assert.deepEqual(remote, []);
    await page.close();
  });

  void test('story list: each story shows its independent sources beside its article count', async () => {
    const { page, errors, remote } = await openUi(session.context, server, '/ui?sort=articles');
    await untilBuilt(page);
    const row = (title: string | RegExp) => page.locator('tbody tr').filter({ hasText: title });
    assert.match(await row(WIRE_TITLE).locator('td').nth(1).innerText(), /^3\s*\(1 independent\)$/, 'three near-copies: one independent source');
    assert.match(await row(/Wendle bridge derailment/).locator('td').nth(1).innerText(), /^6\s*\(\d independent\)$/);
    await shot(page, 'list-independent');
    assert.deepEqual(errors, []);
    assert.deepEqual(remote, []);
    await page.close();
  });

  void test('story page of near-copies: a warning naming them, figures in the right number', async () => {
    const { page, errors, remote } = await openUi(session.context, server, `/ui?q=${encodeURIComponent('Osterby')}`);
    await page.getByRole('link', { name: WIRE_TITLE }).click();
    await page.waitForURL(/\/ui\/stories\//);
    const warning = page.getByRole('alert');
    assert.match(await warning.innerText(), /3 articles reuse one another's text: .*Barge blocks Osterby canal.*Valley Courier.*They count as one independent source/s);
    const figures = await page.locator('#figures').innerText();
    assert.match(figures, /3\s*sources/);
    assert.match(figures, /1\s*independent source(?!s)/);
    await shot(page, 'story-copies');
    // A one-article story: "1 source", never "1 sources".
    await page.goto(`${server.url}/ui?q=Dunmore`);
    await page.getByRole('link', { name: 'Dunmore Vale approves tramway' }).click();
    await page.waitForURL(/\/ui\/stories\//);
    const one = await page.locator('#figures').innerText();
    assert.match(one, /1\s*source(?!s)/);
    assert.doesNotMatch(one, /\b1\s*[\w -]*s\n/, 'no figure of 1 with a plural label');
    assert.equal(await page.getByRole('alert').count(), 0, 'no copies, no warning');
    assert.deepEqual(errors, []);
    assert.deepEqual(remote, []);
    await page.close();
  });

  void test('add page on a server that takes no writes: disabled forms and the reason, in words', async () => {
    const { page, errors, remote } = await openUi(session.context, closed, '/ui/add');
    assert.match(await page.locator('#writes-closed').innerText(), /Adding articles is closed on this server[\s\S]*--token[\s\S]*--open-writes/);
    assert.ok(await page.getByLabel('Article text').isDisabled(), 'the paste box is disabled');
    assert.ok(await page.getByRole('button', { name: 'Upload and read' }).isDisabled());
    assert.ok(await page.getByRole('button', { name: 'Read the feed' }).isDisabled());
    await shot(page, 'add-closed');
    assert.deepEqual(errors, []);
    assert.deepEqual(remote, []);
    await page.close();
  });
});
