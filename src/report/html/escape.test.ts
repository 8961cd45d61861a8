import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attr, escapeHtml, html } from './escape.js';
import { neutralise } from '../text.js';

void test('escapes the characters that could open markup or leave an attribute', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  assert.equal(attr('a\n"b"'), 'a &quot;b&quot;');
});

void test('bidi overrides and isolates are neutralised without changing length', () => {
  const s = 'a\u202Eb\u202Cc\u2066d\u2069e\u202Af\u202Bg\u202Dh';
  const n = neutralise(s);
  assert.equal(n.length, s.length);
  assert.doesNotMatch(n, /[\u202A-\u202E\u2066-\u2069]/);
  assert.doesNotMatch(html(s), /[\u202A-\u202E\u2066-\u2069]/);
  assert.equal(neutralise('line one\r\nline two\ttab'), 'line one\r\nline two\ttab', 'line breaks and tabs are kept');
  assert.equal(neutralise('\u001b[31m'), '\uFFFD[31m');
});
