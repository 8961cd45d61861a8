import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFrontMatter } from './front-matter.js';

void test('front matter supplies metadata, with aliases, and its span covers the block', () => {
  const text = '---\ntitle: A title\nsource: The Outlet\ndate: 2025-07-09\nauthor: [Ana, Tom]\n---\nBody.\n';
  const fm = parseFrontMatter(text);
  assert.ok(fm);
  assert.deepEqual(fm.meta, { title: 'A title', outlet: 'The Outlet', published: '2025-07-09', author: 'Ana, Tom' });
  assert.equal(text.slice(fm.span.start, fm.span.end), '---\ntitle: A title\nsource: The Outlet\ndate: 2025-07-09\nauthor: [Ana, Tom]\n---\n');
});

void test('a YAML timestamp date stays the same calendar date', () => {
  const dated = parseFrontMatter('---\npublished: !!timestamp 2025-07-09\n---\nx');
  assert.equal(dated?.meta.published, '2025-07-09');
});

void test('no block, an unclosed block, or one not at the very top is not front matter', () => {
  assert.equal(parseFrontMatter('Body\n---\ntitle: x\n---\n'), null);
  assert.equal(parseFrontMatter('---\ntitle: x\nno closing line'), null);
  assert.equal(parseFrontMatter('\n---\ntitle: x\n---\n'), null);
});

void test('invalid YAML gives a warning, not a failure', () => {
  const fm = parseFrontMatter('---\ntitle: [unclosed\n---\nBody');
  assert.ok(fm);
  assert.deepEqual(fm.meta, {});
  assert.equal(fm.warnings.length, 1);
});
