/**
 * Adding articles from the web UI in Chromium: paste one, upload files (with per-file progress), read a
 * feed once, and the same forms without JavaScript. Each journey ends on the new story. Screenshots go
 * to out/ui-screenshots/. Skips only when no Chromium is installed outside CI.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launch, type Session } from './chromium.js';
import { openUi, rowTitles, shot, startUiServer, type UiServer } from './ui-server.js';

const skip = !hasChromium() && !process.env['CI'] ? `no Chromium at ${CHROMIUM}: run scripts/ensure-chromium.sh (required in CI)` : false;

/** Texts written for these tests: each names an invented event no seeded story mentions. */
const GLACIER = `A section of the Vordal glacier collapsed into the fjord near Skarnes on Thursday, sending a wave across the harbour. Harbourmaster Ines Kalvik said three boats were damaged and nobody was hurt. Geologists from the regional institute said the Vordal glacier had been retreating for a decade.`;
const glacierWire = (n: number): string =>
  `Skarnes harbour was hit by a wave on Thursday after part of the Vordal glacier fell into the fjord. Harbourmaster Ines Kalvik said ${n} boats were damaged. Scientists said the Vordal glacier had thinned for years.`;
const COMET = `Amateur astronomers at the Pelham ridge observatory reported a new comet on Sunday night. Observatory director Tomas Rinne said the comet would be visible with binoculars for two weeks. The Pelham ridge group sent its images to the minor planet centre for confirmation.`;
const cometFeedItem = (n: number): string =>
  `<p>${COMET}</p><p>Report ${n}: the comet, seen first from Pelham ridge, brightened over the night. Rinne said several hundred visitors came to the observatory to see it and that the club would hold open nights all week. Volunteers set up extra telescopes on the Pelham ridge car park and handed out star charts, and the local council kept the road open late for visitors. Astronomers elsewhere confirmed the sighting within hours and asked for more images from other observatories.</p>`;

/** Records every text the status line shows from now on, so a test sees the progress it went through. */
async function watchStatus(page: Page, form: string): Promise<void> {
  await page.evaluate((sel) => {
    const status = document.querySelector(`${sel} .status`)!;
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
  }, form);
}
const seenStatus = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { seen: string[] }).seen);

void describe('web UI: adding articles in Chromium', { skip }, () => {
  let session: Session;
  let server: UiServer;
  let feeds: Server;
  let letSecondPageThrough: () => void = () => {};
  const secondPage = new Promise<void>((resolve) => (letSecondPageThrough = resolve));
  before(async () => {
    server = await startUiServer(4);
    session = await launch();
    // A feed of teasers: each item's page is fetched, the second only once the test lets it through.
    feeds = createServer((req, res) => {
      const base = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
      if (req.url === '/sky.xml') {
        const items = [1, 2].map((n) => `<item><title>Comet seen from Pelham ridge (${n})</title><link>${base}/comet-${n}.html</link><pubDate>Mon, 0${n} Sep 2024 10:00:00 GMT</pubDate><description>A new comet over Pelham ridge.</description></item>`);
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Sky Notes</title><link>${base}/</link>${items.join('')}</channel></rss>`);
        return;
      }
      const n = /^\/comet-(\d)\.html$/.exec(req.url ?? '')?.[1];
      if (!n) return void res.writeHead(404).end();
      const page = `<!doctype html><html><head><title>Comet seen from Pelham ridge (${n})</title><meta property="og:site_name" content="Sky Notes"></head><body><article><h1>Comet seen from Pelham ridge (${n})</h1>${cometFeedItem(Number(n))}</article></body></html>`;
      void (n === '2' ? secondPage : Promise.resolve()).then(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
    });
    await new Promise<void>((resolve) => feeds.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    await session?.close();
    await server?.close();
    await new Promise((resolve) => feeds?.close(resolve));
  });

  void test('paste an article: the result links to its new story, which the list then shows', async () => {
    const { page, errors, remote } = await openUi(session.context, server, '/ui');
    await page.getByRole('link', { name: 'Add articles' }).click();
    await page.getByLabel('Article text').fill(GLACIER);
    await page.getByLabel('Title').fill('Glacier collapse sends wave into Skarnes harbour');
    await page.getByLabel('Outlet').fill('Fjord Times');
    await page.getByLabel('Published (YYYY-MM-DD or ISO 8601)').fill('2024-08-15');
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.locator('#paste-form .status', { hasText: 'Done' }).waitFor();
    assert.equal(await page.locator('#paste-form .status').innerText(), 'Done: 1 stored.');
    assert.equal(await page.locator('#paste-form progress').getAttribute('value'), '1');
    await shot(page, 'paste-done');
    await page.locator('#paste-form ul.results a').click();
    await page.waitForURL(/\/ui\/stories\//);
    assert.equal(await page.locator('h1').innerText(), 'Glacier collapse sends wave into Skarnes harbour');
    assert.match(await page.locator('#articles').innerText(), /Fjord Times/);
    await page.getByRole('link', { name: '← All stories' }).click();
    assert.ok((await rowTitles(page)).includes('Glacier collapse sends wave into Skarnes harbour'), 'the new story is listed');
    assert.deepEqual(errors, []);
    assert.deepEqual(remote, []);
    await page.close();
  });

  void test('upload files: progress file by file, one line per article or problem, the articles join one story', async () => {
    const { page, errors, remote } = await openUi(session.context, server, '/ui/add');
    const jsonl = [2, 4].map((n) => JSON.stringify({ text: glacierWire(n), outlet: `Wire ${n}`, title: `Wave hits Skarnes (${n})`, published: '2024-08-15T12:00:00Z' })).join('\n');
    await page.getByLabel(/^Files/).setInputFiles([
      { name: 'skarnes-wire.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) },
      { name: 'photo.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]) },
      { name: 'skarnes-local.txt', mimeType: 'text/plain', buffer: Buffer.from(`Skarnes wave: boats damaged\n\n${glacierWire(3)}`) },
    ]);
    await watchStatus(page, '#upload-form');
    await page.getByRole('button', { name: 'Upload and read' }).click();
    await page.locator('#upload-form .status', { hasText: 'Done' }).waitFor();
    const seen = await seenStatus(page);
    assert.deepEqual(
      seen.filter((t) => t.startsWith('Reading')),
      ['Reading 1 of 3: skarnes-wire.jsonl…', 'Reading 2 of 3: photo.bin…', 'Reading 3 of 3: skarnes-local.txt…'],
      'the status names each file as it is read',
    );
    assert.deepEqual([await page.locator('#upload-form progress').getAttribute('value'), await page.locator('#upload-form progress').getAttribute('max')], ['3', '3']);
    const lines = await page.locator('#upload-form ul.results li').allInnerTexts();
    assert.equal(lines.length, 4, lines.join('\n'));
    assert.match(lines.find((l) => l.startsWith('upload:photo.bin')) ?? '', /binary/i, 'a file that cannot be read is named, with the reason');
    assert.equal(lines.filter((l) => / stored in /.test(l)).length, 3);
    assert.match(await page.locator('#upload-form .status').innerText(), /^Done: 3 stored, 1 error\.$/);
    const stories = new Set(await page.locator('#upload-form ul.results a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))));
    assert.equal(stories.size, 1, 'the three reports of one event are one story');
    await shot(page, 'upload-done');
    await page.locator('#upload-form ul.results a').first().click();
    await page.waitForURL(/\/ui\/stories\//);
    assert.ok((await page.locator('#articles tbody tr').count()) >= 3);
    const timeline = await page.locator('#timeline').innerText();
    assert.match(timeline, /Article arrived/);
    await shot(page, 'upload-story');
    assert.deepEqual(errors, []);
    assert.deepEqual(remote, []);
    await page.close();
  });

  void test('read a feed once: each item shows as soon as it is read, and the two reports of one event form one story', async () => {
    const { page, errors } = await openUi(session.context, server, '/ui/add');
    await page.getByLabel('Feed URL (RSS or Atom)').fill(`http://127.0.0.1:${(feeds.address() as AddressInfo).port}/sky.xml`);
    await page.getByRole('button', { name: 'Read the feed' }).click();
    await page.locator('#feed-form ul.results li').first().waitFor();
    assert.equal(await page.locator('#feed-form .status').innerText(), '1 item read so far…', 'the first item shows while the second is still being fetched');
    assert.equal(await page.locator('#feed-form progress').getAttribute('value'), null, 'progress is indeterminate while the feed is read');
    await shot(page, 'feed-progress');
    letSecondPageThrough();
    await page.locator('#feed-form .status', { hasText: 'Done' }).waitFor();
    assert.equal(await page.locator('#feed-form .status').innerText(), 'Done: 2 stored.');
    const links = await page.locator('#feed-form ul.results a').allInnerTexts();
    assert.equal(links.length, 2);
    assert.equal(new Set(links).size, 1, 'both comet reports are one story');
    await shot(page, 'feed-done');
    await page.getByLabel('Feed URL (RSS or Atom)').fill('not a url');
    await page.getByLabel('Feed URL (RSS or Atom)').evaluate((el) => ((el as HTMLInputElement).type = 'text'));
    await page.getByRole('button', { name: 'Read the feed' }).click();
    await page.locator('#feed-form .status .error').waitFor();
    assert.match(await page.locator('#feed-form .status').innerText(), /http:\/\/ or https:\/\/ URL/);
    assert.ok(errors.every((e) => /400/.test(e)), errors.join('; '));
    await page.close();
  });

  void test('a hostile pasted article stays text: no script runs on the results, the list or the story page', async () => {
    const { page, errors, remote } = await openUi(session.context, server, '/ui/add');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await page.getByLabel('Article text').fill(`Quarry blast at Tobermill\n\nA blast at the Tobermill quarry broke windows in ${hostile} three streets on Monday, the operator said.`);
    await page.getByLabel('Title').fill(`Tobermill ${hostile}`);
    await page.getByLabel('Outlet').fill(`Evil ${hostile}`);
    await page.getByRole('button', { name: 'Add article' }).click();
    await page.locator('#paste-form .status', { hasText: 'Done' }).waitFor();
    await page.locator('#paste-form ul.results a').click();
    await page.waitForURL(/\/ui\/stories\//);
    assert.equal(await page.locator('h1').innerText(), `Tobermill ${hostile}`, 'the title is shown as written');
    await page.goto(`${server.url}/ui?q=tobermill`);
    assert.deepEqual(await rowTitles(page), [`Tobermill ${hostile}`]);
    assert.equal(await page.locator('main img, main script').count(), 0, 'no element came from the article');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(remote, []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  void test('without JavaScript the forms still work: the server answers with a results page', async () => {
    const plain = await launch({ javaScriptEnabled: false });
    try {
      const { page } = await openUi(plain.context, server, '/ui/add');
      await page.getByLabel('Article text').fill(COMET);
      await page.getByLabel('Outlet').fill('Stargazer Weekly');
      await page.getByRole('button', { name: 'Add article' }).click();
      await page.waitForURL(/\/ui\/add\/text$/);
      assert.equal(await page.locator('h1').innerText(), 'Articles read');
      assert.match(await page.locator('.status').innerText(), /^Done: 1 stored\.$/);
      await page.locator('ul.results a').click();
      await page.waitForURL(/\/ui\/stories\//);
      assert.match(await page.locator('#articles').innerText(), /Stargazer Weekly/);
      await shot(page, 'no-script-story');
    } finally {
      await plain.close();
    }
  });
});
