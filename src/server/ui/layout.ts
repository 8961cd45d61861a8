import { attr, html } from '../../report/html/escape.js';
import { ASSETS } from './assets.js';

/**
 * The shell of every web UI page: one stylesheet and one script, both served by the app itself
 * (/ui/assets/...), so the pages work offline and the policy below allows no inline code at all.
 */
export const UI_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface PageOptions {
  title: string;
  /** Which top navigation entry is the current page. */
  nav?: 'stories' | 'add';
}

export function page(o: PageOptions, body: string): string {
  const link = (href: string, name: string, key: PageOptions['nav']): string =>
    `<a href="${href}"${o.nav === key ? ' aria-current="page"' : ''}>${name}</a>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="same-origin">
<title>${html(o.title)} · crosscheck</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS.css.path}"><script src="${ASSETS.js.path}" defer></script></head><body>
<header class="bar"><a class="brand" href="/ui">crosscheck</a><nav aria-label="Main">${link('/ui', 'Stories', 'stories')}${link('/ui/add', 'Add articles', 'add')}<a href="/openapi.json">API</a></nav></header>
<main>${body}</main></body></html>`;
}

/** An error as a page under /ui: the status, the reason in words, and a way back. */
export function errorPage(status: number, message: string): string {
  const name = status === 404 ? 'Not found' : status >= 500 ? 'Something went wrong' : 'That request could not be served';
  return page(
    { title: `${status} ${name}` },
    `<h1>${html(name)}</h1><p class="error" role="alert">${html(message)}</p><p class="muted">HTTP ${status}.</p><p><a href="/ui">← All stories</a></p>`,
  );
}

/** A date-time as "2024-07-09 10:00" (UTC), or the given words when there is none. */
export function when(iso: string | null, none = 'no date'): string {
  if (!iso) return `<span class="muted">${html(none)}</span>`;
  const shown = iso.length > 10 ? iso.replace('T', ' ').slice(0, 16) : iso;
  return `<time datetime="${attr(iso)}">${html(shown)}</time>`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const storyHref = (id: string): string => `/ui/stories/${encodeURIComponent(id)}`;
