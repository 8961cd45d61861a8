import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { pageMetadata } from './metadata.js';
import { normalisePublished } from './dates.js';

const doc = (head: string, body = ''): Document => parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document;

void test('JSON-LD NewsArticle wins over OpenGraph and meta tags; broken JSON-LD blocks are passed over', () => {
  const d = doc(
    `<script type="application/ld+json">{ broken</script>
     <script type="application/ld+json">[{"@type":"Organization","name":"Org"},{"@type":["NewsArticle"],"headline":"LD headline","datePublished":"2024-01-02T03:04:05Z","author":{"name":"Ld Author"},"publisher":{"name":"LD Outlet"}}]</script>
     <meta property="og:title" content="OG title"><meta property="og:site_name" content="OG Outlet"><meta name="author" content="Meta Author">`,
  );
  assert.deepEqual(pageMetadata(d, 'https://www.site.example/a'), { title: 'LD headline', outlet: 'LD Outlet', published: '2024-01-02T03:04:05Z', author: 'Ld Author', url: 'https://www.site.example/a' });
});

void test('without JSON-LD: OpenGraph, meta author, <time>, canonical link, and residual entities decoded', () => {
  const d = doc(`<meta property="og:title" content="&#8216;Quoted&#8217; title &amp;amp; more"><link rel="canonical" href="/canonical/path">`, '<time datetime="2023-05-14">14 May</time><a rel="author">By Jo Doe</a>');
  const m = pageMetadata(d, 'https://www.site.example/page?x=1');
  assert.equal(m.title, '‘Quoted’ title & more');
  assert.equal(m.published, '2023-05-14');
  assert.equal(m.author, 'Jo Doe');
  assert.equal(m.url, 'https://www.site.example/canonical/path');
  assert.equal(m.outlet, 'site.example', 'the host stands in for a missing site name');
});

void test('an author given as a profile URL is not a name', () => {
  const m = pageMetadata(doc('<meta property="article:author" content="https://facebook.com/someone">'), null);
  assert.equal(m.author, null);
  assert.equal(m.outlet, null);
});

void test('published dates become ISO 8601 without shifting the day', () => {
  assert.equal(normalisePublished('2025-07-09'), '2025-07-09');
  assert.equal(normalisePublished('2025-07-09 10:00:00+02:00'), '2025-07-09T10:00:00+02:00');
  assert.equal(normalisePublished('July 9, 2025'), '2025-07-09');
  assert.equal(normalisePublished('Wed, 09 Jul 2025 08:00:00 GMT'), '2025-07-09T08:00:00Z');
  assert.equal(normalisePublished('yesterday'), null);
  assert.equal(normalisePublished(''), null);
});
