/**
 * The web UI's story list and story page in Chromium, as a monitoring desk uses them: type a search,
 * sort by clicking headers, filter and page, open a story, come back. Every page must log no error
 * (a CSP violation is one) and request nothing from anywhere but the server. Screenshots go to
 * out/ui-screenshots/. Skips only when no Chromium is installed outside CI.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHROMIUM, hasChromium, launch, type Session } from './chromium.js';
import { openUi, rowTitles, shot, startUiServer, type UiServer } from './ui-server.js';

const skip = !hasChromium() && !process.env['CI'] ? `no Chromium at ${CHROMIUM}: run scripts/ensure-chromium.sh (required in CI)` : false;
const EXAMPLE_TITLE = /Wendle bridge derailment/;

void describe('web UI: browsing stories in Chromium', { skip }, () => {
  let session: Session;
  let server: UiServer;
  before(async () => {
    server = await startUiServer();
    session = await launch();
  });
  after(async () => {
    await session?.close();
    await server?.close();
  });

  void test('search: typing words of a headline and pressing Enter lists only the stories that have them', async () => {
    const { page, errors, remote } = await openUi(session.context, server);
    assert.match(await page.locator('#count').innerText(), /^23 stories\./);
    await page.getByLabel('Search titles').fill('brackenford');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=brackenford/);
    assert.deepEqual(await rowTitles(page), ['Brackenford approves library']);
    assert.match(await page.locator('#count').innerText(), /^1 story match, of 23\./);
    assert.equal(await page.getByLabel('Search titles').inputValue(), 'brackenford', 'the box keeps what was typed');
    await page.getByLabel('Search titles').fill('');
    await page.getByLabel('Outlet').fill('riverside');
    await page.getByLabel('Published from').fill('2024-03-01');
    await page.getByLabel('Published to').fill('2024-03-31');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/outlet=riverside/);
    const rows = await page.locator('tbody tr').all();
    assert.ok((await rowTitles(page)).length > 0, 'some story matches outlet and dates');
    for (const r of rows) {
      assert.match(await r.locator('td').nth(2).innerText(), /Riverside Post/);
      assert.match(await r.locator('td').nth(3).innerText(), /2024-03-/);
    }
    await shot(page, 'search');
    await page.getByLabel('Search titles').fill('no such headline anywhere');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=no\+such/);
    assert.match(await page.locator('tbody').innerText(), /No story matches these filters/);
    assert.deepEqual(errors, []);
    assert.deepEqual(remote, []);
    await page.close();
  });

  void test('sort, filter and page: header clicks sort both ways, the conflicts menu filters, the pager walks the pages', async () => {
    const { page, errors, remote } = await openUi(session.context, server);
    await page.getByRole('link', { name: 'Articles', exact: true }).click();
    await page.waitForURL(/sort=articles/);
    assert.match((await rowTitles(page))[0]!, EXAMPLE_TITLE, 'the six-article story first');
    assert.equal(await page.locator('th[aria-sort]').innerText(), 'Articles ▼');
    await page.getByRole('link', { name: /Articles/ }).click();
    await page.waitForURL(/order=asc/);
    assert.doesNotMatch((await rowTitles(page))[0]!, EXAMPLE_TITLE);
    assert.equal(await page.locator('th[aria-sort]').getAttribute('aria-sort'), 'ascending');
    await page.getByRole('link', { name: 'Story', exact: true }).click();
    await page.waitForURL(/sort=title/);
    const titles = await rowTitles(page);
    assert.deepEqual(titles, [...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())), 'A to Z');
    // Per page: 20, so 23 stories make two pages; the sort is kept across pages.
    await page.getByLabel('Per page').selectOption('20');
    await page.waitForURL(/limit=20/);
    assert.equal((await rowTitles(page)).length, 20);
    assert.match(await page.locator('.pager').innerText(), /Page 1 of 2/);
    await page.getByRole('link', { name: 'Next →' }).click();
    await page.waitForURL(/offset=20/);
    const second = await rowTitles(page);
    assert.equal(second.length, 3);
    assert.deepEqual(second, titles.slice(20), 'page two continues the sorted list');
    await shot(page, 'paging');
    await page.getByRole('link', { name: '← Previous' }).click();
    await page.waitForURL((u) => !u.search.includes('offset'));
    // Every listed story shows a conflict count, never a dash: the list builds missing dossiers.
    const cells = await page.locator('tbody tr td:last-child').allInnerTexts();
    assert.ok(cells.every((t) => /^\d+$/.test(t.trim()) || t.trim() === 'not built yet'), cells.join('|'));
    assert.ok(!cells.some((t) => t.includes('—')));
    await page.getByLabel('Conflicts').selectOption('some');
    await page.waitForURL(/conflicts=some/);
    // Stories still being built are not listed: the page says how many; reloading shows them once built.
    for (let i = 0; i < 120 && (await page.locator('#unbuilt').count()) > 0; i++) {
      assert.match(await page.locator('#unbuilt').innerText(), /not built yet, so (it is|they are) not listed here/);
      await page.waitForTimeout(500);
      await page.reload();
    }
    const withConflicts = await page.locator('tbody tr td:last-child').allInnerTexts();
    assert.ok(withConflicts.length > 0 && withConflicts.every((t) => Number(t) > 0), withConflicts.join('|'));
    assert.ok((await rowTitles(page)).some((t) => EXAMPLE_TITLE.test(t)), 'the example story has conflicts');
    await shot(page, 'filter-conflicts');
    assert.deepEqual(errors, []);
    assert.deepEqual(remote, []);
    await page.close();
  });

  void test('open a story: figures, articles in arrival order, timeline, dossier; back returns to the filtered list', async () => {
    const { page, errors, remote } = await openUi(session.context, server, '/ui?q=derailment');
    await page.getByRole('link', { name: EXAMPLE_TITLE }).click();
    await page.waitForURL(/\/ui\/stories\//);
    assert.match(await page.locator('h1').innerText(), EXAMPLE_TITLE);
    const figures = await page.locator('#figures').innerText();
    assert.match(figures, /6\s*sources/);
    assert.doesNotMatch(figures, /—/);
    assert.equal(await page.locator('#articles tbody tr').count(), 6);
    const timeline = await page.locator('#timeline li').allInnerTexts();
    assert.match(timeline[0]!, /Story started/);
    assert.equal(timeline.filter((t) => /Article arrived|Story started/.test(t)).length, 6, 'one entry per article as it arrived');
    await shot(page, 'story');
    await page.getByRole('link', { name: '← All stories' }).click();
    await page.waitForURL(/\/ui\?q=derailment/);
    assert.equal(await page.getByLabel('Search titles').inputValue(), 'derailment', 'the back link keeps the search');
    await page.goBack();
    await page.locator('#dossier-link').click();
    await page.waitForURL(/\/dossier$/);
    assert.ok((await page.locator('#conflicts').count()) > 0, 'the full dossier opens, with its conflicts section');
    await shot(page, 'dossier');
    await page.goBack();
    await page.goBack();
    await page.waitForURL(/\/ui\?q=derailment/);
    assert.deepEqual((await rowTitles(page)).length, 1, 'the browser back button returns to the search results');
    assert.deepEqual(errors, []);
    assert.deepEqual(remote, []);
    await page.close();
  });

  void test('on a phone: list and story page fit the screen (wide tables scroll inside themselves)', async () => {
    const { page, errors } = await openUi(session.context, server);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/ui', `/ui?q=derailment`]) {
      await page.goto(server.url + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path}: page is ${overflow}px wider than the screen`);
    }
    await page.getByRole('link', { name: EXAMPLE_TITLE }).click();
    await page.waitForURL(/\/ui\/stories\//);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0, 'story page fits');
    await shot(page, 'phone-story');
    assert.deepEqual(errors, []);
    await page.close();
  });

  void test('errors under /ui are pages with a way back, not JSON', async () => {
    const { page, errors } = await openUi(session.context, server, '/ui/stories/story-does-not-exist');
    assert.equal(await page.locator('h1').innerText(), 'Not found');
    assert.match(await page.locator('[role=alert]').innerText(), /no story story-does-not-exist/);
    await shot(page, 'error-404');
    await page.goto(`${server.url}/ui?from=last-tuesday`);
    assert.match(await page.locator('[role=alert]').innerText(), /from must be a day as YYYY-MM-DD/);
    await page.getByRole('link', { name: '← All stories' }).click();
    await page.waitForURL(/\/ui$/);
    assert.equal(await page.locator('h1').innerText(), 'Stories');
    assert.ok(errors.every((e) => /404|400/.test(e)), `only the failed loads are logged: ${errors.join('; ')}`);
    await page.close();
  });
});
