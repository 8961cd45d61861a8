import { attr, html } from '../../report/html/escape.js';
import { page, storyHref } from './layout.js';

/**
 * Adding articles: paste one, upload files, or read a feed once. Each form posts to /ui/add/*; without
 * the script the server answers with a results page, with it the results appear under the form with
 * progress (ui.js).
 */

/** One line of what happened to one input: the shape of POST /articles results plus where it came from. */
export interface UiResult {
  origin: string;
  /** The article's title, when it has one: what the user recognises. */
  title?: string;
  status: 'stored' | 'duplicate' | 'version' | 'error';
  id?: string;
  story?: string;
  storyTitle?: string;
  error?: string;
}

const tokenField = (needed: boolean): string =>
  needed ? '<label>Access token (this server requires one for writes)<input type="password" name="token" autocomplete="current-password" required></label>' : '';

const feedback = '<progress hidden></progress><div class="status" role="status" aria-live="polite"></div><ul class="results"></ul>';

/** How this server takes writes: with a token, open to anyone who can reach it, or not at all. */
export type Writes = 'token' | 'open' | 'closed';

/** Said when writes are closed, so a user knows why the forms do not work and what would open them. */
const CLOSED = `<p class="notice" id="writes-closed" role="alert"><b>Adding articles is closed on this server.</b> It was started without an access token, so it only reads.
To add articles here, restart it with <code>crosscheck serve --token TOKEN</code> (writes then need the token) or <code>--open-writes</code> (anyone who can reach it may add); or add them from the command line with <code>crosscheck ingest FILES --db STORE</code> on the same store.</p>`;

export function addPage(writes: Writes): string {
  const tokenNeeded = writes === 'token';
  const closed = writes === 'closed';
  const body = `<h1>Add articles</h1>
<p class="muted">Each article joins the story it belongs to (or starts one). Text is kept exactly as given; HTML pages are reduced to their article text.</p>
${closed ? CLOSED : ''}<fieldset${closed ? ' disabled aria-describedby="writes-closed"' : ''}><div class="panels">
<section class="panel" aria-labelledby="paste-h"><h2 id="paste-h">Paste an article</h2>
<form method="post" action="/ui/add/text" data-ingest="text" id="paste-form">
<label>Article text<textarea name="text" required placeholder="Paste the article here"></textarea></label>
<label class="inline"><span><input type="checkbox" name="html" value="1"> This is the HTML of a page</span></label>
<div class="row"><label>Title<input name="title" placeholder="optional"></label><label>Outlet<input name="outlet"></label></div>
<div class="row"><label>Published (YYYY-MM-DD or ISO 8601)<input name="published" placeholder="2024-07-09T10:00:00Z"></label><label>URL<input type="url" name="url"></label></div>
${tokenField(tokenNeeded)}<button type="submit">Add article</button>${feedback}</form></section>
<section class="panel" aria-labelledby="upload-h"><h2 id="upload-h">Upload files</h2>
<form method="post" action="/ui/add/file" enctype="multipart/form-data" data-ingest="file" id="upload-form">
<label>Files (.txt, .md, .html, .jsonl, RSS/Atom .xml), up to 5 MB each<input type="file" name="file" multiple required accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.jsonl,.ndjson,.xml,.rss,.atom,.gz"></label>
${tokenField(tokenNeeded)}<button type="submit">Upload and read</button>${feedback}</form></section>
<section class="panel" aria-labelledby="feed-h"><h2 id="feed-h">Read a feed</h2>
<form method="post" action="/ui/add/feed" data-ingest="feed" id="feed-form">
<label>Feed URL (RSS or Atom)<input type="url" name="url" required placeholder="https://example.org/news.xml"></label>
<p class="muted">The feed is read once now, with every linked article. To follow it over time, run <code>crosscheck watch URL</code> on the same store.</p>
${tokenField(tokenNeeded)}<button type="submit">Read the feed</button>${feedback}</form></section>
</div></fieldset>`;
  return page({ title: 'Add articles', nav: 'add' }, body);
}

export function resultItem(r: UiResult): string {
  const head = `<span>${html(r.title ?? r.origin)}</span>: `;
  if (r.status === 'error') return `<li>${head}<span class="error">${html(r.error ?? 'error')}</span></li>`;
  const story = r.story ? ` in <a href="${attr(storyHref(r.story))}">${html(r.storyTitle ?? r.story)}</a>` : '';
  return `<li>${head}<span class="${r.status === 'duplicate' ? 'muted' : 'ok'}">${r.status}</span>${story}</li>`;
}

/** The answer to a form posted without the script. */
export function resultsPage(results: UiResult[]): string {
  const count = (s: UiResult['status']): number => results.filter((r) => r.status === s).length;
  const parts = (['stored', 'version', 'duplicate', 'error'] as const).filter((s) => count(s) > 0).map((s) => `${count(s)} ${s}`);
  const body = `<h1>Articles read</h1><p class="status">Done: ${parts.join(', ') || 'nothing read'}.</p>
<ul class="results">${results.map(resultItem).join('\n')}</ul><p><a href="/ui/add">Add more</a> · <a href="/ui">All stories</a></p>`;
  return page({ title: 'Articles read', nav: 'add' }, body);
}
