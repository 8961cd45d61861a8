/**
 * Launches Debian's Chromium through playwright-core (no browser download) for the report's real-browser
 * test and evaluation, and opens a page while recording what the page must never do: log console errors,
 * throw, open dialogs, or make network requests.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags for a quiet, offline-minded headless run: nothing the browser itself fetches can be mistaken for the page's. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const hasChromium = (): boolean => existsSync(CHROMIUM);

export interface Session {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** A persistent context in a fresh user-data-dir, removed on close (`javaScriptEnabled: false` checks pages work without their script). */
export async function launch(options: { javaScriptEnabled?: boolean } = {}): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-chromium-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, ...options });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Watched {
  page: Page;
  /** Console messages of type error, uncaught page errors, and CSP violations. */
  errors: string[];
  /** Every request other than the page's own file. */
  requests: string[];
  /** Dialogs (alert, confirm, prompt) the page tried to open: a hostile script ran. */
  dialogs: string[];
  /** Milliseconds from navigation start to DOMContentLoaded, as the page measured it. */
  domContentLoadedMs: number;
}

/** Opens a local HTML file in a new page, watching errors, requests and dialogs from before it loads. */
export async function openWatched(context: BrowserContext, file: string, viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const url = pathToFileURL(file).href;
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  const domContentLoadedMs = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav ? nav.domContentLoadedEventEnd - nav.startTime : -1;
  });
  return { page, errors, requests, dialogs, domContentLoadedMs };
}

/** The highlighted text of one source's full-text box, passage by passage (consecutive segments joined). */
export async function highlightedPassages(page: Page, sourceIndex: number): Promise<string[]> {
  return page.evaluate((i) => {
    const box = document.getElementById(`t${i}`);
    if (!box) return [];
    const out: string[] = [];
    let run = '';
    for (const seg of Array.from(box.querySelectorAll('[data-o]'))) {
      if (seg.classList.contains('hl')) {
        if (seg.hasAttribute('data-mark') && run) {
          out.push(run);
          run = '';
        }
        run += seg.textContent ?? '';
      } else if (run) {
        out.push(run);
        run = '';
      }
    }
    if (run) out.push(run);
    return out;
  }, sourceIndex);
}
