import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe } from './corpus-watch.js';

void test('watch announces the next poll, except with --once, where there is none', () => {
  const poll = { event: 'poll', feed: 'https://news.example/feed.xml', status: 'ok', items: 3, nextInSeconds: 1872 } as const;
  assert.equal(describe(poll), 'https://news.example/feed.xml: 3 new; next poll in 1872 s');
  assert.equal(describe(poll, true), 'https://news.example/feed.xml: 3 new');
  assert.equal(describe({ ...poll, status: 'not-modified' }, true), 'https://news.example/feed.xml: unchanged');
});
