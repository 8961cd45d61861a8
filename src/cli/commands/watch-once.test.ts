import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../testing/paths.js';

// `watch --once` run twice on one store: the second run sends the ETag and Last-Modified the first
// was given (kept in the store), gets 304, and stores nothing again.

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-watch-once-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const text = Array.from({ length: 8 }, (_, i) => `Sentence ${i} of the report on the harbour fire in Eastport, where ${i + 3} boats burned overnight.`).join(' ');
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://news.example/</link><item><title>Harbour fire</title><link>https://news.example/fire</link><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate><description>${text}</description></item></channel></rss>`;
const ETAG = '"feed-v1"';
const MODIFIED = 'Mon, 01 Jan 2024 10:00:00 GMT';

/** The command as a user runs it, without blocking the event loop (the test's server answers it). */
function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

void test('a second watch --once sends the validators the first was given, and the 304 stores nothing', async () => {
  const requests: { etag: string | undefined; since: string | undefined }[] = [];
  const server = createServer((req, res) => {
    requests.push({ etag: req.headers['if-none-match'], since: req.headers['if-modified-since'] });
    if (req.headers['if-none-match'] === ETAG) return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG, 'last-modified': MODIFIED }).end(FEED);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  const db = join(dir, 'watch.db');
  try {
    const first = await cli(['watch', url, '--once', '--allow-private-network', '--db', db]);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /1 new/);
    const second = await cli(['watch', url, '--once', '--allow-private-network', '--db', db]);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /unchanged/);
    assert.deepEqual(requests, [
      { etag: undefined, since: undefined },
      { etag: ETAG, since: MODIFIED },
    ]);
  } finally {
    server.close();
  }
});
