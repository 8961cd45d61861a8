import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeExtractPool, IN_PROCESS_MAX_CHARS } from '../extract/pool.js';
import { readJsonl } from './jsonl.js';

void test('a JSONL line carrying HTML is extracted under the per-page deadline; the next line is still read', async () => {
  const para = '<p>The council met on Monday to discuss the river bridge and its repairs.</p>';
  const html = `<html><body><article>${para.repeat(Math.ceil(IN_PROCESS_MAX_CHARS / para.length) + 1)}</article></body></html>`;
  const content = [JSON.stringify({ url: 'https://example.org/a', html }), JSON.stringify({ text: 'The bridge reopens in May.' })].join('\n');
  const lines = await readJsonl('feed.jsonl', content, [], { deadlineMs: 1 });
  await closeExtractPool();
  const [first, second] = lines;
  assert.equal(first?.built.ok, false);
  assert.match(first?.built.ok === false ? first.built.reason : '', /took over/);
  assert.equal(second?.built.ok, true);
});

void test('a small JSONL HTML line keeps its metadata', async () => {
  const html = `<html><body><article>${'<p>The council met on Monday to discuss the river bridge and its repairs in detail.</p>'.repeat(8)}</article></body></html>`;
  const [line] = await readJsonl('feed.jsonl', JSON.stringify({ outlet: 'Eastford Gazette', html }));
  assert.equal(line?.built.ok && line.built.article.outlet, 'Eastford Gazette');
});
