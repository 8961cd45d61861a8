// Speed of the story list's search (GET /stories, the web UI's list) on a SQLite store of 10,000 stories
// and 30,000 articles: each query's median time over 5 runs. Filters are EXISTS subqueries on a story's
// current articles (src/store/sqlite-query.ts), so a page should cost milliseconds, not a scan of every
// article's text. Target: every query under 100 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeArticle } from '../../src/model/article.js';
import { contentId, urlKey } from '../../src/store/identity.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { StoryQuery } from '../../src/store/types.js';

const STORIES = 10_000;
const PER_STORY = 3;
const OUTLETS = ['Valley Courier', 'Morning Ledger', 'Riverside Post', 'Harbour Times', 'Northern Wire', 'Daily Signal', 'Evening Star', 'Coast Gazette'];
const WORDS = ['council', 'bridge', 'election', 'storm', 'strike', 'budget', 'fire', 'trial', 'harbour', 'school', 'flood', 'rail'];

async function fill(store: SqliteStore): Promise<void> {
  let seq = 0;
  for (let k = 0; k < STORIES; k++) {
    const id = `story-${k.toString(16).padStart(6, '0')}`;
    for (let i = 0; i < PER_STORY; i++) {
      const title = `${WORDS[k % WORDS.length]} report ${k} part ${i}`;
      const day = String(1 + ((k + i) % 28)).padStart(2, '0');
      const a = makeArticle({ origin: `gen/${k}/${i}`, kind: 'text', text: `${title}. Body text of article ${i} of story ${k}.`, meta: { title, outlet: OUTLETS[(k + i) % OUTLETS.length]!, published: `2024-${String(1 + (k % 12)).padStart(2, '0')}-${day}T08:00:00Z` } });
      await store.commit(
        {
          record: { id: contentId(a), urlKey: urlKey(a), version: 1, current: true, storyId: id, firstStory: id, nearDuplicateOf: null, ingestedAt: new Date(Date.UTC(2024, 0, 1) + seq * 1000).toISOString(), article: a, vector: [['w:x', 1]], terms: ['w:x'], minhash: [1] },
          newStory: i === 0 ? { id, title } : null,
          merges: [],
          supersedes: null,
        },
        seq++,
      );
    }
    if (k % 3 === 0) await store.setConflictCount(id, PER_STORY, k % 2);
  }
}

const QUERIES: [string, StoryQuery][] = [
  ['first page (most recent)', { limit: 50 }],
  ['page 100', { limit: 50, offset: 5000 }],
  ['title words', { text: 'harbour report 9', limit: 50 }],
  ['outlet', { outlet: 'riverside', limit: 50 }],
  ['date range', { from: '2024-03-01', to: '2024-03-07', limit: 50 }],
  ['has conflicts', { conflicts: 'some', limit: 50 }],
  ['sort by articles', { sort: 'articles', limit: 50 }],
  ['sort by latest publication', { sort: 'published', limit: 50 }],
  ['everything combined', { text: 'storm', outlet: 'wire', from: '2024-02-01', to: '2024-06-30', conflicts: 'some', sort: 'title', limit: 50 }],
];

export async function run(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-query-'));
  const store = new SqliteStore(join(dir, 'q.db'));
  try {
    const t0 = Date.now();
    await fill(store);
    const lines = [`store: ${STORIES} stories, ${STORIES * PER_STORY} articles (filled in ${((Date.now() - t0) / 1000).toFixed(1)} s)`];
    for (const [name, q] of QUERIES) {
      const times: number[] = [];
      let total = 0;
      for (let r = 0; r < 5; r++) {
        const s = process.hrtime.bigint();
        total = (await store.queryStories(q)).total;
        times.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      times.sort((a, b) => a - b);
      const median = times[2]!;
      lines.push(`${name.padEnd(28)} ${median.toFixed(1).padStart(7)} ms  (${total} match)${median > 100 ? '  OVER TARGET' : ''}`);
    }
    return lines;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
