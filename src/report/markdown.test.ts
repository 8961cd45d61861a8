import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown, renderMarkdown } from './markdown.js';
import { testDossier } from './test-dossier.js';
import { hostileDossier } from './test-hostile.js';
import { BIDI_CONTROL } from './text.js';

/** Splits a table row on pipes that are not backslash-escaped. */
const cells = (row: string): string[] => row.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/);

void test('escaped text cannot form links, images, HTML, emphasis or table cells', () => {
  const e = escapeMarkdown('[x](javascript:alert(1)) ![i](http://a.invalid/x.png) <b>bold</b> *em* _em_ `code` a|b ~~s~~');
  assert.doesNotMatch(e, /(?<!\\)\]\(/);
  assert.doesNotMatch(e, /(?<!\\)</);
  assert.doesNotMatch(e, /(?<!\\)[*_`|~]/);
  assert.equal(escapeMarkdown('1. not a list'), '1\\. not a list');
  assert.equal(escapeMarkdown('- not a list'), '\\- not a list');
  assert.equal(escapeMarkdown('line\nbreak'), 'line break');
});

void test('the report has each section, the claims matrix has one cell per source, quotes carry labels', () => {
  const d = testDossier();
  const md = renderMarkdown(d);
  for (const h of ['## At a glance', '## Summary', '## Conflicts', '## Quotes', '## Claims by source', '## Single-source claims', '## Text reuse', '## Provenance', '## Source profiles', '## Set aside as boilerplate']) assert.ok(md.includes(`\n${h}\n`), h);
  const rows = md.split('\n').filter((l) => l.startsWith('| ') && /\| (corroborated|contested|single-source) \|/.test(l));
  assert.equal(rows.length, d.claims.length);
  for (const r of rows) assert.equal(cells(r).length, 3 + d.sources.length, r);
  assert.match(md, /> \*\*trimmed\*\* — s1/);
  assert.match(md, /~~the bridge~~/);
  assert.match(md, /\[s2: "closed for 20 days"\]/);
});

void test('hostile text stays text: no raw HTML, no links, no bidi overrides, tables keep their shape', () => {
  const d = hostileDossier();
  const md = renderMarkdown(d);
  assert.doesNotMatch(md, /(?<!\\)</, 'every < is escaped');
  assert.doesNotMatch(md, /(?<!\\)\]\(/, 'no link syntax');
  assert.doesNotMatch(md, BIDI_CONTROL);
  const sourceRows = md.split('\n').filter((l) => /^\| s\d \|/.test(l));
  assert.equal(sourceRows.length, d.sources.length);
  for (const r of sourceRows) assert.equal(cells(r).length, 5, r);
});
