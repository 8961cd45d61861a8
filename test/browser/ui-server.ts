/**
 * A crosscheck server for the UI's browser tests: a temporary SQLite store holding the example story
 * (examples/story) and generated stories of our own, served on a free loopback port.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { BrowserContext, Page } from 'playwright-core';
import { readInputs } from '../../src/ingest/index.js';
import { makeArticle, type Article } from '../../src/model/article.js';
import { createApp } from '../../src/server/app.js';
import { Corpus } from '../../src/store/corpus.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { EXAMPLE_STORY, REPO_ROOT } from '../../src/testing/paths.js';

/** Invented places and subjects: each generated story uses words no other story uses, so they stay apart. */
const PLACES = ['Brackenford', 'Dunmore Vale', 'Essling', 'Foxhollow', 'Gartmore', 'Hethersett', 'Ilmarsh', 'Jorvale', 'Kestwick', 'Lundholm', 'Marrowby', 'Netherfield', 'Oakhurst', 'Pellworth', 'Quarrendon', 'Rushmere', 'Stavely', 'Thornbury', 'Ulverdale', 'Wexcombe', 'Yarrowton', 'Zennor Cross'];
const SUBJECTS = ['library', 'tramway', 'reservoir', 'stadium', 'hospital wing', 'ferry terminal', 'solar farm', 'footbridge', 'market hall', 'school', 'museum', 'bus depot', 'water works', 'harbour wall', 'cycle path', 'fire station', 'observatory', 'concert hall', 'ice rink', 'orchard', 'lighthouse', 'viaduct'];
const PEOPLE = ['Ada Quell', 'Bruno Vasek', 'Celia Marsh', 'Dario Pent', 'Edda Roan', 'Felix Strand', 'Greta Holm', 'Hugo Brill', 'Iris Tamm', 'Jonas Weir', 'Kira Lodz', 'Lars Oduya', 'Mina Sorel', 'Nils Barra', 'Olga Feyn', 'Piet Calder', 'Rosa Imre', 'Sven Adler', 'Tess Morrow', 'Uli Varga', 'Vera Lind', 'Wim Escher'];
export const OUTLETS = ['Valley Courier', 'Morning Ledger', 'Riverside Post'];

/** Generated article number `i` of story `k`: one place, subject and speaker per story. */
export function generated(k: number, i: number, text?: string): Article {
  const place = PLACES[k % PLACES.length]!;
  const subject = SUBJECTS[k % SUBJECTS.length]!;
  const person = PEOPLE[k % PEOPLE.length]!;
  const cost = 10 + k + (i === 1 ? 5 : 0);
  const body =
    text ??
    `${place} council approved the new ${subject} on Tuesday after a long debate. Councillor ${person} said the ${subject} in ${place} would cost ${cost} million and open within two years. Residents of ${place} had campaigned for the ${subject} since the old one closed.`;
  const day = String(1 + ((k * 3 + i) % 27)).padStart(2, '0');
  return makeArticle({
    origin: `generated/${k}-${i}.txt`,
    kind: 'text',
    text: body,
    meta: { title: `${place} approves ${subject}`, outlet: OUTLETS[(k + i) % OUTLETS.length]!, published: `2024-0${1 + (k % 6)}-${day}T09:00:00Z` },
  });
}

export interface UiServer {
  url: string;
  corpus: Corpus;
  close: () => Promise<void>;
}

/** Three outlets running one wire story, each with a line of its own: near-copies, one independent source. */
const WIRE = 'A freight barge ran aground on the Osterby canal on Friday and blocked it for shipping, the canal authority said. Pilot Henrik Sandvall said the barge lost steering in high wind near the Osterby locks. Crews expected to refloat the barge by Sunday.';
export const WIRE_TITLE = 'Barge blocks Osterby canal';
export function wireCopies(): Article[] {
  return OUTLETS.map((outlet, i) =>
    makeArticle({
      origin: `wire/${i}.txt`,
      kind: 'text',
      text: `${WIRE} ${['More to follow.', 'This story was updated.', 'Reporting by staff.'][i]}`,
      meta: { title: WIRE_TITLE, outlet, published: `2024-05-1${i}T08:00:00Z` },
    }),
  );
}

export interface UiServerOptions {
  /** Also store three near-copies of one wire story. */
  copies?: boolean;
  /** Writes open to anyone (the default, for the add journeys), or closed (no token, no --open-writes). */
  writes?: 'open' | 'closed';
}

/** Starts the server over a fresh store: the example story, then `stories` generated stories (two articles for every third). */
export async function startUiServer(stories = 22, options: UiServerOptions = {}): Promise<UiServer> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-ui-'));
  const store = new SqliteStore(join(dir, 'ui.db'));
  const corpus = await Corpus.open(store);
  const example = await readInputs([EXAMPLE_STORY]);
  for (const a of example.articles) await corpus.ingest(a);
  for (let k = 0; k < stories; k++) {
    await corpus.ingest(generated(k, 0));
    if (k % 3 === 0) await corpus.ingest(generated(k, 1));
  }
  if (options.copies) for (const a of wireCopies()) await corpus.ingest(a);
  const app = createApp({ corpus, openWrites: options.writes !== 'closed', allowPrivateNetwork: true });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    corpus,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Screenshots of the UI journeys (gitignored), for a person to look at after the run. */
export const SHOTS = join(REPO_ROOT, 'out', 'ui-screenshots');

export interface UiPage {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations. */
  errors: string[];
  /** Requests to anywhere but the crosscheck server: the UI must work offline. */
  remote: string[];
}

/** A new page on the server, watched from before the first load. */
export async function openUi(context: BrowserContext, server: UiServer, path = '/ui'): Promise<UiPage> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors: string[] = [];
  const remote: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) remote.push(r.url());
  });
  await page.goto(server.url + path, { waitUntil: 'load' });
  return { page, errors, remote };
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The story titles of the list's rows, in order. */
export const rowTitles = (page: Page): Promise<string[]> => page.locator('tbody tr td:first-child a').allTextContents();
