import { html, attr } from '../report/html/escape.js';
import type { StorySummary } from '../store/types.js';

/**
 * The web UI's story list: server-rendered, no script, every value from an article escaped.
 * Story pages are the report's own HTML dossier (served by app.ts with its CSP).
 */
const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
th{font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}a{color:#0645ad}.muted{color:#666}nav a{margin-right:1rem}`;

export const UI_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function storyListPage(stories: StorySummary[], total: number, offset: number, limit: number): string {
  const rows = stories
    .map(
      (s) => `<tr><td><a href="/ui/stories/${attr(encodeURIComponent(s.id))}">${html(s.title || s.id)}</a><div class="muted">${html(s.id)}</div></td>
<td class="n">${s.articleCount}</td><td>${html(s.outlets.join(', ') || '—')}</td><td>${html(s.updatedAt.replace('T', ' ').slice(0, 16))}</td><td class="n">${s.conflicts ?? '—'}</td></tr>`,
    )
    .join('\n');
  const prev = offset > 0 ? `<a href="/?offset=${Math.max(0, offset - limit)}&amp;limit=${limit}">← newer</a>` : '';
  const next = offset + limit < total ? `<a href="/?offset=${offset + limit}&amp;limit=${limit}">older →</a>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>crosscheck: stories</title><style>${STYLE}</style></head><body>
<h1>Stories</h1><p class="muted">${total} ${total === 1 ? 'story' : 'stories'}, most recently updated first. Conflicts show once a story's dossier has been built.</p>
<table><thead><tr><th>Story</th><th>Articles</th><th>Outlets</th><th>Last update (UTC)</th><th>Conflicts</th></tr></thead><tbody>
${rows || '<tr><td colspan="5">No stories yet: ingest some articles.</td></tr>'}
</tbody></table><nav>${prev}${next}</nav><p class="muted"><a href="/openapi.json">API (OpenAPI)</a></p></body></html>`;
}
