import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitLines, type StreamedLine } from './lines.js';
import { STREAM_JSONL_BYTES, streamInputs } from './index.js';

function* chunksOf(...parts: string[]): Generator<string> {
  for (const p of parts) yield p;
}

async function all(lines: AsyncIterable<StreamedLine>): Promise<StreamedLine[]> {
  const out: StreamedLine[] = [];
  for await (const l of lines) out.push(l);
  return out;
}

void test('lines split across chunks are joined; CRLF ends and a last line without an end are kept', async () => {
  const lines = await all(splitLines(chunksOf('{"a":', '1}\r\n{"b"', ':2}\n\n{"c":3}')));
  assert.deepEqual(lines, [{ text: '{"a":1}' }, { text: '{"b":2}' }, { text: '' }, { text: '{"c":3}' }]);
});

void test('a line over the cap is passed over with its length, and the next line is read', async () => {
  const lines = await all(splitLines(chunksOf('short\n', 'x'.repeat(6), 'y'.repeat(6), '\nnext\n'), 10));
  assert.deepEqual(lines, [{ text: 'short' }, { tooLong: 12 }, { text: 'next' }]);
});

void test('a large JSONL file is read as a stream: each line an article with its line number, a bad line an error alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-lines-'));
  try {
    const text = 'The harbour board said on Tuesday that the ferry would run again from May. '.repeat(40);
    const line = JSON.stringify({ outlet: 'Eastford Gazette', title: 'Ferry returns', text });
    const count = Math.ceil(STREAM_JSONL_BYTES / line.length) + 10;
    const lines = Array.from({ length: count }, (_, i) => (i === 2 ? '{not json' : line.replace('Ferry returns', `Ferry returns ${i}`)));
    const path = join(dir, 'big.jsonl');
    writeFileSync(path, `\uFEFF${lines.join('\n')}\n`);
    let articles = 0;
    const problems: string[] = [];
    let third = '';
    for await (const item of streamInputs([path])) {
      if ('article' in item) {
        articles++;
        if (item.article.title === 'Ferry returns 3') third = item.article.origin;
      } else problems.push(`${item.problem.origin}: ${item.problem.reason}`);
    }
    assert.equal(articles + problems.length, count, problems.join("; "));
    assert.equal(articles, count - 1);
    assert.deepEqual(problems, [`${path}#3: malformed JSON on line 3`]);
    assert.equal(third, `${path}#4`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
