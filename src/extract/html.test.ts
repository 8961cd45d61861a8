import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../testing/paths.js';
import { spanViolations } from '../testing/invariants.js';
import { bodyOf } from '../model/article.js';
import { extractFragment, extractHtml } from './html.js';

// Golden fixtures: test/fixtures/extract/<case>/ (see its README). UPDATE_GOLDEN=1 rewrites them.
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'extract');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Typographic characters whose exact form later stages compare. */
const TYPOGRAPHY = /[“”‘’—–…'"]/g;

for (const name of cases) {
  void test(`extract fixture: ${name}`, () => {
    const dir = join(FIXTURES, name);
    const html = readFileSync(join(dir, 'source.html'), 'utf8');
    const r = extractHtml(html);
    const metaFile = join(dir, 'expected-metadata.json');
    const textFile = join(dir, 'expected.txt');
    if (!r.ok) {
      if (UPDATE) {
        writeFileSync(metaFile, `${JSON.stringify({ error: r.reason }, null, 2)}\n`);
        rmSync(textFile, { force: true });
      }
      const expected = JSON.parse(readFileSync(metaFile, 'utf8')) as { error?: string };
      assert.equal(r.reason, expected.error, 'the page was expected to give an article');
      return;
    }
    const marks = r.boilerplate.map((b) => ({ reason: b.reason, text: r.text.slice(b.start, b.end) }));
    if (UPDATE) {
      writeFileSync(textFile, r.text);
      writeFileSync(metaFile, `${JSON.stringify({ ...r.meta, boilerplate: marks }, null, 2)}\n`);
    }
    assert.ok(existsSync(textFile), `${name} has no expected.txt (run with UPDATE_GOLDEN=1)`);
    assert.equal(r.text, readFileSync(textFile, 'utf8'));
    const expected = JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
    assert.deepEqual({ ...r.meta, boilerplate: marks }, expected);

    // Invariants hold whatever the golden says.
    assert.deepEqual(spanViolations(r.text, r.boilerplate), []);
    assert.doesNotMatch(r.text, /\n{3,}/, 'paragraphs are one blank line apart');
    assert.doesNotMatch(r.text, /^\s|\s$/, 'no leading or trailing white space');
    // Every typographic character of the extracted text appears in the source: none invented.
    for (const ch of new Set(r.text.match(TYPOGRAPHY) ?? [])) assert.ok(html.includes(ch) || (ch === '—' && html.includes('&mdash;')), `${ch} not in source`);
  });
}

void test('furniture (nav, share bar, ads, related, most read, comments, newsletter, cookies, footer) is left out', () => {
  const html = readFileSync(join(FIXTURES, 'news-page-with-furniture', 'source.html'), 'utf8');
  const r = extractHtml(html);
  assert.ok(r.ok);
  for (const junk of ['Sport', 'Accept', 'Advertisement', 'Ferry prices rise', 'Storm warning', 'waiting for this for ages', 'Sign up', 'All rights reserved', 'Courier staff'])
    assert.ok(!r.text.includes(junk), `"${junk}" should not be in the text`);
  const body = bodyOf(r);
  for (const junk of ['pic.twitter.com', 'Read more:', 'Topics:']) assert.ok(!body.includes(junk), `"${junk}" should be marked`);
});

void test('quotes, apostrophes, dashes and ellipses are kept exactly as published', () => {
  const html = '<html><body><article><p>“We’re here — and ‘staying’…” she said. It\'s “fine” – really...</p><p>Second paragraph of the article, long enough to count as prose for the extractor.</p></article></body></html>';
  const r = extractHtml(html);
  assert.ok(r.ok);
  assert.ok(r.text.includes('“We’re here — and ‘staying’…” she said. It\'s “fine” – really...'));
});

void test('headings, list items and block quotes become their own paragraphs; <br> is a line break', () => {
  const { text } = extractFragment('<h2>Crosshead</h2><p>One<br>two</p><ul><li>first item</li><li>second item</li></ul><blockquote>quoted words</blockquote>');
  assert.equal(text, 'Crosshead\n\nOne\ntwo\n\nfirst item\n\nsecond item\n\nquoted words');
});

void test('non-breaking spaces are content, ordinary HTML white space collapses', () => {
  const { text } = extractFragment('<p>10\u00a0km   from\n  the   coast</p>');
  assert.equal(text, '10\u00a0km from the coast');
});

void test('a page of navigation alone has no article', () => {
  const r = extractHtml('<html><body><nav><a href="/a">News</a> <a href="/b">Sport</a></nav><p>Menu</p></body></html>');
  assert.equal(r.ok, false);
});
