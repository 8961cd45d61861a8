import assert from 'node:assert/strict';
import test from 'node:test';
import { FEED_ITEM_MAX_CHARS, FEED_MIN_CONTENT_WORDS, readFeed } from './feed.js';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const rss = (items: string[]): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Weekly</title>${items.join('')}</channel></rss>`;
const item = (title: string, html: string): string => `<item><title>${title}</title><description>${escape(html)}</description></item>`;
const para = '<p>The ferry to Caddon Ferry resumed its crossings on Monday after the storm had closed the harbour.</p>';
const body = para.repeat(Math.ceil(FEED_MIN_CONTENT_WORDS / 10));

void test('feed: an item over the per-item markup limit is that item\'s error, the others are read', () => {
  const huge = para.repeat(Math.ceil(FEED_ITEM_MAX_CHARS / para.length) + 1);
  const result = readFeed('harbour.xml', rss([item('Huge', huge), item('Ferry', body)]));
  assert.ok(result.ok);
  const [first, second] = result.entries;
  assert.equal(first?.kind, 'error');
  assert.match(first?.kind === 'error' ? first.reason : '', /over 256 KB of markup/);
  assert.equal(second?.kind, 'article');
});

void test('feed: an item just under the limit is read', () => {
  const big = para.repeat(Math.floor((FEED_ITEM_MAX_CHARS - 100) / (para.length + 10)));
  const result = readFeed('harbour.xml', rss([item('Big', big)]));
  assert.ok(result.ok);
  assert.equal(result.entries[0]?.kind, 'article');
});
