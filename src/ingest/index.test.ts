import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT, SEEDS, hasShared } from '../testing/paths.js';
import { spanViolations } from '../testing/invariants.js';
import { bodyOf, type Article } from '../model/article.js';
import { readInputs, type ReadResult } from './index.js';

const FIX = join(REPO_ROOT, 'test', 'fixtures', 'ingest');
const tmp = mkdtempSync(join(tmpdir(), 'cc-ingest-'));
const ARTICLE_HTML =
  '<html><head><title>Page title</title><meta property="og:site_name" content="Local Outlet"></head><body><article>' +
  '<p>The harbour bridge reopened to traffic on Monday morning, two years after engineers closed it when cracks were found in its supports.</p>' +
  '<p>“We’re proud of the crews,” the transport director told reporters at the ceremony on the northern bank of the river.</p></article></body></html>';

let server: Server;
let base = '';
before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/article') res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE_HTML);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

function checkInvariants(r: ReadResult): void {
  for (const a of r.articles) assert.deepEqual(spanViolations(a.text, a.boilerplate, a.origin), []);
}
const byOrigin = (r: ReadResult, origin: string): Article | undefined => r.articles.find((a) => a.origin === origin);
const problemOf = (r: ReadResult, origin: string): string | undefined => r.problems.find((p) => p.origin === origin)?.reason;

void test('seed files: text is the file exactly as read', { skip: !hasShared() && 'no ../shared' }, async () => {
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
  const r = await readInputs(files);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.articles.map((a) => a.origin), files);
  for (const a of r.articles) assert.equal(a.text, readFileSync(a.origin, 'utf8').replace(/^\uFEFF/, ''));
  checkInvariants(r);
});

void test('a directory is read recursively in sorted order, saying what was skipped and why', async () => {
  const dir = join(FIX, 'story');
  const r = await readInputs([dir]);
  assert.deepEqual(r.articles.map((a) => a.origin), [join(dir, 'a-front-matter.md'), join(dir, 'b-plain.txt'), join(dir, 'sub', 'c-articles.jsonl#1'), join(dir, 'sub', 'c-articles.jsonl#3')]);
  assert.match(problemOf(r, join(dir, '.hidden.txt')) ?? '', /hidden file/);
  assert.match(problemOf(r, join(dir, 'd-scan.pdf')) ?? '', /unsupported file type \.pdf/);
  assert.match(problemOf(r, join(dir, 'README.md')) ?? '', /README/);
  assert.equal(problemOf(r, join(dir, 'sub', 'c-articles.jsonl#4')), 'malformed JSON on line 4');
  checkInvariants(r);
  // Deterministic: the same inputs give the same articles, ids included.
  const again = await readInputs([dir]);
  assert.deepEqual(again.articles.map((a) => a.id), r.articles.map((a) => a.id));
});

void test('a symbolic link loop inside a directory is read once and reported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-loop-'));
  writeFileSync(join(dir, 'a.txt'), 'Some article text.\n');
  symlinkSync(dir, join(dir, 'again'));
  const r = await readInputs([dir]);
  assert.deepEqual(r.articles.map((a) => a.origin), [join(dir, 'a.txt')]);
  assert.match(problemOf(r, join(dir, 'again')) ?? '', /symbolic link loop/);
});

void test('front matter gives metadata, stays in the text, and is marked', async () => {
  const path = join(FIX, 'story', 'a-front-matter.md');
  const a = (await readInputs([path])).articles[0];
  assert.ok(a);
  assert.equal(a.text, readFileSync(path, 'utf8'));
  assert.deepEqual([a.title, a.outlet, a.published, a.author, a.url], ['Council approves harbour budget', 'The Example Courier', '2025-07-09', 'Ana Lima', 'https://courier.example.org/budget']);
  assert.equal(a.boilerplate[0]?.reason, 'front-matter');
  assert.equal(a.boilerplate[0]?.start, 0);
  assert.deepEqual(a.boilerplate.slice(1).map((b) => a.text.slice(b.start, b.end)), ['Advertisement', 'Topics: Harbour, Council']);
  assert.ok(bodyOf(a).includes('“It’s a fair budget,” the mayor said.'));
  assert.ok(!bodyOf(a).includes('title:'));
});

void test('JSONL lines carry their metadata; text is taken as given, html is extracted', async () => {
  const path = join(FIX, 'story', 'sub', 'c-articles.jsonl');
  const r = await readInputs([path]);
  const first = byOrigin(r, `${path}#1`);
  assert.equal(first?.text, 'The bridge reopened on Monday.\nRead more: Ferry prices rise\n');
  assert.equal(first?.published, '2025-07-09T10:00:00Z');
  assert.equal(first?.boilerplate[0]?.reason, 'teaser');
  const second = byOrigin(r, `${path}#3`);
  assert.equal(second?.outlet, 'Two');
  assert.match(second?.text ?? '', /^The bridge reopened on Monday morning/);
});

void test('RSS and Atom: items with full content are articles; link-only items need --fetch', async () => {
  const rss = join(FIX, 'feed-rss.xml');
  const atom = join(FIX, 'feed-atom.atom');
  const r = await readInputs([rss, atom]);
  const item = byOrigin(r, `${rss}#1`);
  assert.ok(item);
  assert.deepEqual([item.title, item.outlet, item.author, item.url, item.kind], ['Harbour report shows record traffic', 'The Example Courier', 'Ana Lima', 'https://courier.example.org/harbour-report', 'feed']);
  assert.match(item.published ?? '', /^2025-07-09T08:00:00/);
  assert.ok(item.text.includes('“We’re busier than ever,” the harbour master said.'));
  assert.match(problemOf(r, `${rss}#2`) ?? '', /use --fetch/);
  assert.equal(r.problems.find((p) => p.origin === `${rss}#2`)?.level, 'skipped');
  const entry = byOrigin(r, `${atom}#1`);
  assert.deepEqual([entry?.outlet, entry?.author, entry?.published, entry?.url], ['Riverside Weekly', "Sam O'Neill", '2023-05-14T09:00:00+02:00', 'https://weekly.example.net/library']);
  checkInvariants(r);
});

void test('Atom xhtml content (parsed markup, not escaped text) is read as the article', async () => {
  const feed = join(tmp, 'xhtml.atom');
  const para = 'The harbour authority published its annual report, which shows record traffic and a small rise in accidents. '.repeat(6);
  writeFileSync(feed, `<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title><entry><title>T</title><link href="https://x.example/a"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>${para}</p><p>“Busy year,” she said.</p></div></content></entry></feed>`);
  const r = await readInputs([feed]);
  const a = byOrigin(r, `${feed}#1`);
  assert.ok(a, JSON.stringify(r.problems));
  assert.match(a.text, /^The harbour authority/);
  assert.ok(a.text.endsWith('“Busy year,” she said.'));
});

void test('with --fetch, a link-only feed item is fetched and the feed fills missing metadata', async () => {
  const feed = join(tmp, 'local.rss');
  writeFileSync(feed, `<rss version="2.0"><channel><title>Feed Name</title><item><title>Item</title><link>${base}/article</link><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item></channel></rss>`);
  const refused = await readInputs([feed], { fetch: true });
  assert.match(problemOf(refused, `${feed}#1`) ?? '', /refused/);
  const r = await readInputs([feed], { fetch: true, allowPrivateNetwork: true });
  const a = byOrigin(r, `${feed}#1`);
  assert.ok(a, JSON.stringify(r.problems));
  assert.equal(a.outlet, 'Local Outlet');
  assert.match(a.published ?? '', /^2025-03-03/);
  assert.match(a.text, /^The harbour bridge reopened/);
});

void test('gzip-compressed files of any type are read', async () => {
  const txt = join(tmp, 'note.txt.gz');
  writeFileSync(txt, gzipSync('Plain text, compressed.\n'));
  const html = join(tmp, 'page.html.gz');
  writeFileSync(html, gzipSync(ARTICLE_HTML));
  const r = await readInputs([txt, html]);
  assert.equal(byOrigin(r, txt)?.text, 'Plain text, compressed.\n');
  assert.equal(byOrigin(r, html)?.outlet, 'Local Outlet');
});

void test('stdin (-) is read and its kind sniffed', async () => {
  const r = await readInputs(['-'], { readStdin: () => Promise.resolve(new TextEncoder().encode(ARTICLE_HTML)) });
  assert.equal(r.articles[0]?.origin, '-');
  assert.equal(r.articles[0]?.kind, 'html');
});

void test('URLs are fetched, and refused on loopback unless allowed', async () => {
  const url = `${base}/article`;
  const refused = await readInputs([url]);
  assert.equal(refused.articles.length, 0);
  assert.match(problemOf(refused, url) ?? '', /--allow-private-network/);
  const r = await readInputs([url], { allowPrivateNetwork: true });
  assert.equal(r.articles[0]?.origin, url);
  assert.equal(r.articles[0]?.url, url);
  assert.equal(r.articles[0]?.title, 'Page title');
  assert.match(problemOf(await readInputs([`${base}/nothing`], { allowPrivateNetwork: true }), `${base}/nothing`) ?? '', /HTTP 404/);
});

void test('each bad input gives one reason naming it, and the others go on', async () => {
  const write = (name: string, data: string | Uint8Array): string => {
    const p = join(tmp, name);
    writeFileSync(p, data);
    return p;
  };
  const good = write('good.txt', 'A good article.\n');
  const empty = write('empty.txt', '');
  const binary = write('binary.txt', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
  const invalid = write('latin1.txt', Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  const noArticle = write('nav.html', '<html><body><nav><a href="/">Home</a></nav></body></html>');
  const unsupported = write('sheet.csv', 'a,b\n');
  const brokenFeed = join(FIX, 'feed-broken.xml');
  const missing = join(tmp, 'missing.txt');
  const r = await readInputs([missing, empty, binary, invalid, noArticle, unsupported, brokenFeed, 'ftp://example.com/x', good]);
  assert.deepEqual(r.articles.map((a) => a.origin), [invalid, good]);
  assert.equal(problemOf(r, missing), 'no such file or directory');
  assert.match(problemOf(r, empty) ?? '', /empty/);
  assert.match(problemOf(r, binary) ?? '', /binary/);
  assert.match(problemOf(r, invalid) ?? '', /invalid UTF-8/);
  assert.equal(r.problems.find((p) => p.origin === invalid)?.level, 'warning');
  assert.equal(byOrigin(r, invalid)?.text, 'caf\uFFFD\n');
  assert.match(problemOf(r, noArticle) ?? '', /no article/);
  assert.match(problemOf(r, unsupported) ?? '', /unsupported file type \.csv/);
  assert.match(problemOf(r, brokenFeed) ?? '', /not a valid feed/);
  assert.match(problemOf(r, 'ftp://example.com/x') ?? '', /unsupported URL scheme/);
  for (const p of r.problems) assert.doesNotMatch(p.reason, /\n| {4}at /, 'one line, no stack');
  // items keep input order: problems and articles interleaved as given
  assert.deepEqual(r.items.map((i) => ('article' in i ? i.article.origin : i.problem.origin)), [missing, empty, binary, invalid, invalid, noArticle, unsupported, brokenFeed, 'ftp://example.com/x', good]);
});

void test('progress is reported once per input', async () => {
  const seen: string[] = [];
  await readInputs([join(FIX, 'story', 'b-plain.txt'), join(FIX, 'feed-rss.xml')], { onProgress: (done, total, origin) => seen.push(`${done}/${total} ${origin}`) });
  assert.deepEqual(seen, [`1/2 ${join(FIX, 'story', 'b-plain.txt')}`, `2/2 ${join(FIX, 'feed-rss.xml')}`]);
});
