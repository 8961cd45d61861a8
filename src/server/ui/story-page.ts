import { attr, html } from '../../report/html/escape.js';
import type { Dossier } from '../../model/dossier.js';
import type { ArticleRecord, StoryEvent, StorySummary } from '../../store/types.js';
import { page, plural, storyHref, when } from './layout.js';

/** A story: its figures, its articles as they arrived, its history from the store's events, and its dossier. */

export interface StoryView {
  story: StorySummary;
  /** Current article versions, in arrival order. */
  records: ArticleRecord[];
  events: StoryEvent[];
  /** Articles the events name, current or not (older versions, articles moved away). */
  named: Map<string, Pick<ArticleRecord['article'], 'title' | 'outlet' | 'origin'>>;
  dossier: Dossier;
  /** Where "back to the list" goes: the list the user came from, filters kept. */
  back: string;
}

function articleName(v: StoryView, id: string): string {
  const a = v.named.get(id);
  if (!a) return `<span class="id">${html(id || 'an article')}</span>`;
  const outlet = a.outlet ? ` <span class="muted">(${html(a.outlet)})</span>` : '';
  return `“${html(a.title ?? a.origin)}”${outlet}`;
}

const storyLink = (id: string | null): string => (id ? `<a href="${attr(storyHref(id))}" class="id">${html(id)}</a>` : 'another story');

/** One event in words, from the point of view of this story. */
function eventText(v: StoryView, e: StoryEvent): [string, string] {
  const here = e.story === v.story.id;
  const a = articleName(v, e.article);
  // Events of a story merged into this one happened there: say where.
  const there = here ? '' : ` in ${storyLink(e.story)}, since merged into this story`;
  switch (e.kind) {
    case 'created':
      return ['Story started', `by ${a}${there}`];
    case 'joined':
      return ['Article arrived', `${a}${there}`];
    case 'version':
      return ['New version', `${a} changed at its URL; the new text replaces the old`];
    case 'merged':
      if (e.other === v.story.id) return ['Merged away', `this story joined ${storyLink(e.story)}`];
      return ['Merged', `story ${storyLink(e.other)} joined ${here ? 'this one' : storyLink(e.story)}${e.article ? `, bridged by ${a}` : ''}`];
    case 'moved':
      return here ? ['Moved in', `${a} from ${storyLink(e.other)}`] : ['Moved out', `${a} to ${storyLink(e.story)}, where it fits better`];
    case 'split':
      return here ? ['Split off', `from ${storyLink(e.other)}, starting with ${a}`] : ['Split', `${storyLink(e.story)} split off from this story, starting with ${a}`];
  }
}

function timeline(v: StoryView): string {
  if (v.events.length === 0) return '<p class="muted">No recorded events.</p>';
  const items = v.events.map((e) => {
    const [kind, text] = eventText(v, e);
    return `<li class="${attr(e.kind)}">${when(e.at)} <span class="kind">${html(kind)}</span>${text}</li>`;
  });
  return `<ol class="timeline" id="timeline">${items.join('\n')}</ol>`;
}

const safeUrl = (url: string | null): string | null => (url && /^https?:\/\//i.test(url) ? url : null);

/** An article's published date: its metadata's, else the one the dossier read from its text (said so). */
function publishedCell(v: StoryView, r: ArticleRecord): string {
  if (r.article.published) return when(r.article.published);
  const source = v.dossier.sources.find((s) => s.origin === r.article.origin && s.publishedInferred);
  return source?.published ? `${when(source.published)} <span class="muted">(stated in the text)</span>` : when(null);
}

function articleRows(v: StoryView): string {
  const rows = v.records.map((r) => {
    const url = safeUrl(r.article.url);
    const title = html(r.article.title ?? r.article.origin);
    const named = url ? `<a href="${attr(url)}" rel="noopener noreferrer" target="_blank">${title}</a>` : title;
    const copy = r.nearDuplicateOf ? `near-copy of ${articleName(v, r.nearDuplicateOf)}` : '';
    return `<tr><td>${when(r.ingestedAt)}</td><td>${r.article.outlet ? html(r.article.outlet) : '<span class="muted">no outlet named</span>'}</td>
<td>${named}<div class="id">${html(r.article.origin)}</div></td><td>${publishedCell(v, r)}</td><td class="n">${r.version}</td><td>${copy}</td></tr>`;
  });
  return `<div class="scroll"><table id="articles"><thead><tr><th>Arrived (UTC)</th><th>Outlet</th><th>Title</th><th>Published</th><th class="n">Version</th><th>Copy of</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
}

function figures(d: Dossier): string {
  const claims = (status: string): number => d.claims.filter((c) => c.status === status).length;
  const independent = d.sourceGroups?.length ?? d.sources.length;
  // The label agrees with its figure: "1 source", "2 sources".
  const fig = (n: number, one: string, cls = '', many = `${one}s`): string => `<div class="figure${cls}"><b>${n}</b><span>${html(n === 1 ? one : many)}</span></div>`;
  return `<div class="summary" id="figures">${fig(d.sources.length, 'source')}${fig(independent, 'independent source')}${fig(d.conflicts.length, 'conflict', d.conflicts.length ? ' bad' : '')}${fig(claims('corroborated'), 'corroborated claim')}${fig(claims('contested'), 'contested claim')}${fig(claims('single-source'), 'single-source claim')}${fig(d.quotes.length, 'quote')}${fig(d.reuse.length, 'reuse pair')}</div>`;
}

/** Articles a warning names, shown before "and N more". */
const NAMED = 4;

/**
 * The dossier's warnings, as the dossier shows them (copies count as one source), naming the articles
 * as this page does (outlet and title) rather than by the dossier's source ids.
 */
function warnings(d: Dossier): string {
  const list = d.warnings ?? [];
  if (!list.length) return '';
  const name = (id: string): string => {
    const s = d.sources.find((x) => x.id === id);
    return s ? `“${html(s.title ?? s.origin)}”${s.outlet ? ` (${html(s.outlet)})` : ''}` : html(id);
  };
  const items = list.map((w) => {
    const named = w.sources.slice(0, NAMED).map(name).join(', ') + (w.sources.length > NAMED ? ` and ${w.sources.length - NAMED} more` : '');
    const what = w.kind === 'identical-inputs' ? 'are identical copies of one text' : "reuse one another's text";
    return `<li>${plural(w.sources.length, 'article')} ${what}: ${named}. They count as one independent source.</li>`;
  });
  return `<div class="warnings" role="alert" id="warnings"><b>Before trusting the counts:</b><ul>${items.join('')}</ul></div>`;
}

export function storyPage(v: StoryView): string {
  const s = v.story;
  const id = encodeURIComponent(s.id);
  const summary = v.dossier.summary.length ? `<ul>${v.dossier.summary.slice(0, 6).map((x) => `<li>${html(x.text)}</li>`).join('')}</ul>` : '<p class="muted">The dossier has no summary sentences.</p>';
  const body = `<p><a href="${attr(v.back)}" id="back">← All stories</a></p>
<h1>${html(s.title || s.id)}</h1><p class="id">${html(s.id)}</p>
<p>${plural(s.articleCount, 'article')} from ${s.outlets.length ? html(s.outlets.join(', ')) : 'no named outlet'}; published ${when(s.firstPublished)}${s.lastPublished && s.lastPublished !== s.firstPublished ? ` to ${when(s.lastPublished)}` : ''}; last update ${when(s.updatedAt)}.</p>
${warnings(v.dossier)}${figures(v.dossier)}
<p class="actions"><a href="/ui/stories/${id}/dossier" id="dossier-link">Open the full dossier (evidence highlighted in every source) →</a>
<a href="/stories/${id}/dossier?format=md">Markdown</a><a href="/stories/${id}/dossier?format=json">JSON</a></p>
<h2>Summary</h2>${summary}
<h2>Articles, as they arrived</h2>${articleRows(v)}
<h2>Timeline</h2>${timeline(v)}`;
  return page({ title: s.title || s.id, nav: 'stories' }, body);
}
