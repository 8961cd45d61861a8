import { attr, html } from '../../report/html/escape.js';
import { defaultOrder } from '../../store/story-query.js';
import type { StoryPage, StoryQuery, StorySort, StorySummary } from '../../store/types.js';
import { DEFAULT_PAGE, storyQueryParams } from '../story-params.js';
import { page, plural, storyHref, when } from './layout.js';

/** The story list: a search and filter form, a table sortable by its headers, and a pager. */

const href = (q: StoryQuery, change: Partial<StoryQuery> = {}): string => {
  const s = storyQueryParams(q, change).toString();
  return s ? `/ui?${s}` : '/ui';
};

const option = (value: string, label: string, current: string | undefined): string =>
  `<option value="${attr(value)}"${(current ?? '') === value ? ' selected' : ''}>${html(label)}</option>`;

function filterForm(q: StoryQuery): string {
  const conflicts = [
    ['', 'Any'],
    ['some', 'With conflicts'],
    ['none', 'No conflicts'],
    ['unbuilt', 'Dossier not built yet'],
  ];
  const sizes = [20, 50, 100, 200];
  return `<form class="filters" method="get" action="/ui" role="search">
<label>Search titles<input type="search" name="q" value="${attr(q.text ?? '')}" placeholder="words in a headline"></label>
<label>Outlet<input type="text" name="outlet" value="${attr(q.outlet ?? '')}" placeholder="any outlet"></label>
<label>Published from<input type="date" name="from" value="${attr(q.from ?? '')}"></label>
<label>Published to<input type="date" name="to" value="${attr(q.to ?? '')}"></label>
<label>Conflicts<select name="conflicts" data-autosubmit>${conflicts.map(([v, l]) => option(v!, l!, q.conflicts)).join('')}</select></label>
<div class="actions">${q.sort ? `<input type="hidden" name="sort" value="${attr(q.sort)}">` : ''}${q.order ? `<input type="hidden" name="order" value="${attr(q.order)}">` : ''}
<label>Per page<select name="limit" data-autosubmit>${sizes.map((n) => option(String(n), String(n), String(q.limit ?? DEFAULT_PAGE))).join('')}</select></label>
<button type="submit">Search</button><a class="reset" href="/ui">Clear</a></div></form>`;
}

/** A header that sorts by its column; clicking the current sort column reverses it. */
function sortHeader(q: StoryQuery, sort: StorySort, label: string, numeric = false): string {
  const current = (q.sort ?? 'updated') === sort;
  const order = q.order ?? defaultOrder(sort);
  const next = current ? (order === 'asc' ? 'desc' : 'asc') : defaultOrder(sort);
  const aria = current ? ` aria-sort="${order === 'asc' ? 'ascending' : 'descending'}"` : '';
  const arrow = current ? (order === 'asc' ? ' ▲' : ' ▼') : '';
  return `<th${aria}${numeric ? ' class="n"' : ''}><a href="${attr(href(q, { sort, order: next, offset: 0 }))}">${html(label)}${arrow}</a></th>`;
}

function conflictCell(s: StorySummary): string {
  if (s.conflicts === null) return '<span class="muted">not built yet</span>';
  return s.conflicts > 0 ? `<span class="badge bad">${s.conflicts}</span>` : '<span class="badge">0</span>';
}

function published(s: StorySummary): string {
  if (!s.firstPublished) return when(null);
  const first = s.firstPublished.slice(0, 10);
  const last = (s.lastPublished ?? s.firstPublished).slice(0, 10);
  return first === last ? when(first) : `${when(first)} – ${when(last)}`;
}

/** The article count, and beside it how many independent sources they are (copies counting once). */
function articlesCell(s: StorySummary, independent: number | null | undefined): string {
  const note = independent === null || independent === undefined ? 'independent: not built yet' : `${independent} independent`;
  return `<td class="n">${s.articleCount} <span class="muted indep">(${note})</span></td>`;
}

function row(s: StorySummary, independent: number | null | undefined): string {
  return `<tr><td><a href="${attr(storyHref(s.id))}">${html(s.title || s.id)}</a><div class="id">${html(s.id)}</div></td>
${articlesCell(s, independent)}<td>${s.outlets.length ? html(s.outlets.join(', ')) : '<span class="muted">no outlet named</span>'}</td>
<td>${published(s)}</td><td>${when(s.updatedAt)}</td><td class="n">${conflictCell(s)}</td></tr>`;
}

function pager(q: StoryQuery, total: number): string {
  const limit = q.limit ?? DEFAULT_PAGE;
  const offset = q.offset ?? 0;
  const pages = Math.max(1, Math.ceil(total / limit));
  const at = Math.floor(offset / limit) + 1;
  const prev = offset > 0 ? `<a rel="prev" href="${attr(href(q, { offset: Math.max(0, offset - limit) }))}">← Previous</a>` : '<span class="muted">← Previous</span>';
  const next = offset + limit < total ? `<a rel="next" href="${attr(href(q, { offset: offset + limit }))}">Next →</a>` : '<span class="muted">Next →</span>';
  return `<nav class="pager" aria-label="Pages">${prev}<span>Page ${at} of ${pages}</span>${next}</nav>`;
}

/** What the list knows besides the store's summaries. */
export interface ListExtras {
  /** Independent sources per listed story, null while its dossier is not built. */
  independent?: Map<string, number | null>;
  /** With a conflicts filter: how many stories matching the other filters are not built yet (so not listed). */
  unbuilt?: number | null;
}

/** "3 stories are not built yet ...": the stories a conflicts filter cannot place yet, with a link to them. */
function unbuiltNote(q: StoryQuery, unbuilt: number | null | undefined): string {
  if (!unbuilt) return '';
  const them = unbuilt === 1 ? 'Its' : 'Their';
  const verb = unbuilt === 1 ? 'is' : 'are';
  return `<p class="notice" id="unbuilt" role="status">${plural(unbuilt, 'story', 'stories')} matching the other filters ${verb} not built yet, so ${unbuilt === 1 ? 'it is' : 'they are'} not listed here. ${them} dossiers are being built: reload in a moment, or <a href="${attr(href(q, { conflicts: 'unbuilt', offset: 0 }))}">list the stories not built yet</a>.</p>`;
}

export function storyListPage(q: StoryQuery, result: StoryPage, all: number, extras: ListExtras = {}): string {
  const filtered = result.total !== all;
  const lead = filtered ? `${plural(result.total, 'story', 'stories')} match, of ${all}.` : `${plural(all, 'story', 'stories')}.`;
  const empty = all === 0 ? 'No stories yet: <a href="/ui/add">add articles</a>.' : extras.unbuilt ? 'No story built so far matches these filters.' : 'No story matches these filters.';
  const body = `<h1>Stories</h1>${filterForm(q)}
<p class="muted" id="count">${lead} Conflict counts and independent sources appear once a story's dossier is built (it is built when the story is opened, or listed).</p>${unbuiltNote(q, extras.unbuilt)}
<div class="scroll"><table><thead><tr>${sortHeader(q, 'title', 'Story')}${sortHeader(q, 'articles', 'Articles', true)}<th>Outlets</th>${sortHeader(q, 'published', 'Published')}${sortHeader(q, 'updated', 'Last update (UTC)')}${sortHeader(q, 'conflicts', 'Conflicts', true)}</tr></thead>
<tbody>${result.stories.map((s) => row(s, extras.independent?.get(s.id))).join('\n') || `<tr><td colspan="6">${empty}</td></tr>`}</tbody></table></div>${pager(q, result.total)}`;
  return page({ title: 'Stories', nav: 'stories' }, body);
}
