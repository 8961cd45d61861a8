/**
 * The standalone HTML dossier: one file, no remote requests (styles and script inline, allowed by hash in
 * a Content-Security-Policy that forbids every other load), readable offline, as an email attachment,
 * on a phone and on paper. Every piece of article text and metadata goes through escape.ts. Findings
 * are elements with `data-ev` listing their evidence; the full texts are rendered once, cut into
 * segments at evidence boundaries, so highlighting never duplicates text (see script.ts).
 */
import { createHash } from 'node:crypto';
import type { Conflict, Dossier, DossierSource, Provenance, QuoteCluster, QuoteVariant } from '../../model/dossier.js';
import type { Evidence, Span } from '../../model/span.js';
import { clip, oneLine, plural } from '../text.js';
import { agreement, chainSteps, claimStances, diffRuns, showsDiff, evidenceBySource, FIDELITIES, FIDELITY_MEANING, profileFindings, profileViews, provenanceChains, referenceFirst, reuseEdges, shortDate, sourceName, sourceProfiles, sourceWarnings, wordCount, type Stance } from '../view.js';
import { attr, html } from './escape.js';
import { SCRIPT } from './script.js';
import { STYLES } from './styles.js';
import { provenanceSvg } from './svg.js';

/** Evidence quoted inside a finding is cut to this many characters; the whole passage is highlighted in the text. */
const QUOTE_CHARS = 180;
/** Reuse scores are shown in this many shades (plus the number itself, so colour is never alone). */
const HEAT_LEVELS = 5;

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('base64');

/** The page's Content-Security-Policy: nothing may load but this page's own style sheet and script. */
export function contentSecurityPolicy(): string {
  return [`default-src 'none'`, `style-src 'sha256-${sha256(STYLES)}'`, `script-src 'sha256-${sha256(SCRIPT)}'`, `img-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}

interface Ctx {
  dossier: Dossier;
  index: Map<string, number>;
  names: Map<string, string>;
}

/** `data-ev` value: evidence as "SRC:START:END:SIDE" with SRC the source's index (ids never reach the script). */
function evAttr(ctx: Ctx, evidence: readonly Evidence[], side = 0): string {
  return evidence
    .map((e) => {
      const i = ctx.index.get(e.source);
      return i === undefined ? '' : `${i}:${e.start}:${e.end}:${side}`;
    })
    .filter(Boolean)
    .join(' ');
}

function srcChip(ctx: Ctx, id: string): string {
  return `<span class="src" title="${attr(ctx.names.get(id) ?? id)}">${html(id)}</span>`;
}

function evQuote(ctx: Ctx, e: Evidence): string {
  return `<span class="ev">${srcChip(ctx, e.source)} <q>${html(clip(oneLine(e.text), QUOTE_CHARS))}</q></span>`;
}

/** A selectable finding: focusable, announced as a toggle button, with its evidence in `data-ev`. */
function finding(tag: string, ev: string, inner: string, extra = '', className = 'finding'): string {
  return `<${tag} class="${className}" tabindex="0" role="button" aria-pressed="false" data-ev="${attr(ev)}"${extra}>${inner}</${tag}>`;
}

export function renderHtml(dossier: Dossier): string {
  const ctx: Ctx = {
    dossier,
    index: new Map(dossier.sources.map((s, i) => [s.id, i])),
    names: new Map(dossier.sources.map((s) => [s.id, sourceName(s)])),
  };
  const sections: [string, string, string][] = [
    ['glance', 'At a glance', glance(ctx)],
    ['summary', 'Summary', summary(ctx)],
    ['quotes', 'Quotes', quotes(ctx)],
    ['conflicts', 'Conflicts', conflicts(ctx)],
    ['claims', 'Claims by source', claims(ctx)],
    ['single', 'Single-source claims', singleSource(ctx)],
    ['reuse', 'Text reuse', reuse(ctx)],
    ['provenance', 'Provenance', provenance(ctx)],
    ['profiles', 'Source profiles', profiles(ctx)],
    ['boilerplate', 'Set aside as boilerplate', boilerplate(ctx)],
  ];
  const title = `crosscheck dossier: ${plural(dossier.sources.length, 'source')}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy())}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="crosscheck">
<title>${html(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLES}</style>
</head>
<body>
<a class="skip" href="#texts">Skip to the source texts</a>
<header class="top"><h1>${html(title)}</h1>
<p class="hint">Select any finding (click it, or Tab to it and press Enter) to highlight its evidence in the full text of each source. Escape clears.</p>
<nav class="toc" aria-label="Sections"><ul>${sections.map(([id, name]) => `<li><a href="#${id}">${html(name)}</a></li>`).join('')}<li><a href="#texts">Source texts</a></li></ul></nav>
</header>
<div class="layout">
<main class="findings">
${sections.map(([id, name, body]) => `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${html(name)}</h2>\n${body}</section>`).join('\n')}
</main>
<aside id="texts" class="texts" aria-label="Source texts"><h2>Source texts</h2>
${renderTexts(ctx)}
</aside>
</div>
<div id="status" class="status" role="status" aria-live="polite"></div>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function renderTexts(ctx: Ctx): string {
  // Every span of every finding (of any stage) is a cut point, so any finding can be highlighted.
  const spans = evidenceBySource(ctx.dossier);
  return ctx.dossier.sources.map((s, i) => sourceText(ctx, s, i, spans.get(s.id) ?? [])).join('\n');
}

function glance(ctx: Ctx): string {
  const { dossier } = ctx;
  const a = agreement(dossier);
  const rows = dossier.sources
    .map((s) => `<tr><td>${html(s.id)}</td><td><bdi>${html(sourceName(s))}</bdi></td><td><bdi>${s.title ? html(s.title) : '—'}</bdi></td><td>${html(shortDate(s.published) ?? '—')}</td><td>${wordCount(s.text)}</td><td><bdi>${html(clip(oneLine(s.url ?? s.origin), 60))}</bdi></td></tr>`)
    .join('');
  const share = a.corroboratedShare === null ? '—' : `${Math.round(a.corroboratedShare * 100)}%`;
  const dates = a.dates.first ? (a.dates.first === a.dates.last ? a.dates.first : `${a.dates.first} – ${a.dates.last}`) : 'unknown';
  const grades = FIDELITIES.filter((f) => a.fidelity[f] > 0).map((f) => `${a.fidelity[f]} ${f}`).join(', ');
  const warnings = (dossier.warnings ?? []).map((w) => `<li>${html(w.message)}</li>`).join('');
  return `${warnings ? `<ul class="warnings" role="alert">${warnings}</ul>\n` : ''}<ul class="stats">
<li><b>${dossier.sources.length}</b>sources</li>
<li><b>${html(dates)}</b>published</li>
<li><b>${share}</b>of ${plural(a.claims, 'claim')} corroborated</li>
<li><b>${a.contested}</b>contested</li>
<li><b>${a.singleSource}</b>single-source</li>
<li><b>${a.conflicts}</b>${a.conflicts === 1 ? 'conflict' : 'conflicts'}</li>${dossier.sourceGroups ? `\n<li><b>${dossier.sourceGroups.length}</b>independent ${dossier.sourceGroups.length === 1 ? 'account' : 'accounts'} (sources that reuse one another counted once)</li>` : ''}
<li><b>${a.quotes}</b>${a.quotes === 1 ? 'quote' : 'quotes'}, ${plural(a.variants, 'rendering')}${grades ? ` (${html(grades)})` : ''}</li>
</ul>
<div class="scroll"><table><caption class="empty">Sources</caption><thead><tr><th scope="col">id</th><th scope="col">source</th><th scope="col">title</th><th scope="col">published</th><th scope="col">words</th><th scope="col">origin</th></tr></thead><tbody>${rows}</tbody></table></div>${sourceWarnings(dossier).map((w) => `\n<p class="warning"><b>Warning (${html(w.source)}):</b> ${html(w.message)}</p>`).join('')}`;
}

function summary(ctx: Ctx): string {
  if (!ctx.dossier.summary.length) return '<p class="empty">No statement is backed by two or more sources.</p>';
  return `<ul>${ctx.dossier.summary
    .map((s) => `<li>${finding('span', evAttr(ctx, s.evidence), `${html(s.text)} ${[...new Set(s.evidence.map((e) => e.source))].map((id) => srcChip(ctx, id)).join(' ')}`)}</li>`)
    .join('')}</ul>`;
}

function diffHtml(v: QuoteVariant): string {
  if (!showsDiff(v)) return html(v.text);
  return diffRuns(v.diff)
    .map((run) => (run.spaceBefore ? ' ' : '') + (run.op === 'same' ? html(run.text) : run.op === 'add' ? `<ins><span class="sr">added: </span>${html(run.text)}</ins>` : `<del><span class="sr">removed: </span>${html(run.text)}</del>`))
    .join('');
}

function variantCard(ctx: Ctx, v: QuoteVariant): string {
  const label = v.reference ? 'reference' : v.fidelity;
  const meaning = v.reference ? 'the fullest faithful rendering, which the others are compared with' : FIDELITY_MEANING[v.fidelity];
  const who = [v.speaker ? `speaker: ${oneLine(v.speaker)}` : '', v.cue ? `cue: ${oneLine(v.cue)}` : '', v.addressee ? `to: ${oneLine(v.addressee)}` : ''].filter(Boolean).join(' · ');
  return finding(
    'div',
    evAttr(ctx, [v]),
    `<div>${srcChip(ctx, v.source)} <bdi>${html(ctx.names.get(v.source) ?? v.source)}</bdi> <span class="label ${label}" title="${attr(meaning)}">${label}</span></div>
<blockquote><bdi>“${diffHtml(v)}”</bdi></blockquote>${v.note ? `<p class="note">${html(v.note)}</p>` : ''}${who ? `<p class="note">${html(who)}</p>` : ''}`,
    '',
    'finding variant',
  );
}

function quotes(ctx: Ctx): string {
  const { dossier } = ctx;
  if (!dossier.quotes.length) return '<p class="empty">No quotes found.</p>';
  const legend = `<p class="note">Grades against the reference: ${FIDELITIES.map((f) => `<span class="label ${f}">${f}</span> ${html(FIDELITY_MEANING[f])}`).join('; ')}. Changes: <ins>added</ins> <del>removed</del>.</p>`;
  return legend + dossier.quotes.map((q) => quoteCluster(ctx, q)).join('\n');
}

function quoteCluster(ctx: Ctx, q: QuoteCluster): string {
  const changed = q.variants.filter((v) => !v.reference && v.fidelity !== 'verbatim').length;
  const head = finding('div', evAttr(ctx, q.variants), `${q.speaker ? `<bdi>${html(q.speaker)}</bdi>` : 'Unknown speaker'} <span class="count">${plural(q.variants.length, 'rendering')}${changed ? `, ${changed} changed` : ''}</span>`);
  return `<article class="card" id="${attr(`quote-${q.id}`)}">${head}<div class="variants">${referenceFirst(q.variants).map((v) => variantCard(ctx, v)).join('')}</div></article>`;
}

function conflictCard(ctx: Ctx, k: Conflict): string {
  const all = k.sides.map((side, i) => evAttr(ctx, side.evidence, i)).filter(Boolean).join(' ');
  const sides = k.sides
    .map((side, i) => {
      const tag = String.fromCharCode(65 + (i % 8));
      const who = [...new Set(side.evidence.map((e) => e.source))].map((id) => srcChip(ctx, id)).join(' ');
      return `<li>${finding('div', evAttr(ctx, side.evidence, i), `<span class="side-tag" aria-label="side ${tag}">${tag}</span><strong><bdi>${html(side.value)}</bdi></strong> ${who}<br>${side.evidence.map((e) => evQuote(ctx, e)).join('<br>')}`, ' data-sides="1"')}</li>`;
    })
    .join('');
  return `<article class="card conflict" id="${attr(`conflict-${k.id}`)}">${finding('div', all, `<span class="label altered">${html(k.kind)}</span> ${html(k.summary)}`, ' data-sides="1"')}<ul class="sides">${sides}</ul></article>`;
}

function conflicts(ctx: Ctx): string {
  if (!ctx.dossier.conflicts.length) return '<p class="empty">No conflicts found.</p>';
  return ctx.dossier.conflicts.map((k) => conflictCard(ctx, k)).join('\n');
}

const STANCE_SIGN: Record<Stance, string> = { supports: '✔', contradicts: '✘', silent: '·' };

function claims(ctx: Ctx): string {
  const { dossier } = ctx;
  if (!dossier.claims.length) return '<p class="empty">No claims found.</p>';
  const head = `<tr><th scope="col">claim</th><th scope="col">status</th><th scope="col" title="independent sources">indep.</th>${dossier.sources.map((s) => `<th scope="col" title="${attr(sourceName(s))}">${html(s.id)}</th>`).join('')}</tr>`;
  const rows = dossier.claims
    .map((c) => {
      const st = claimStances(dossier, c);
      const cells = dossier.sources.map((s) => {
        const stance = st.get(s.id) ?? 'silent';
        // The sign's shape tells the stance apart (not only its colour); the word is there for screen readers.
        return `<td class="stance ${stance}" title="${stance}"><span aria-hidden="true">${STANCE_SIGN[stance]}</span><span class="sr">${stance}</span></td>`;
      });
      return `<tr><th scope="row">${finding('span', evAttr(ctx, c.evidence), html(c.text))}${c.copiesOnly ? ' <span class="note">(copies of one article only)</span>' : ''}</th><td class="status-${c.status}">${c.status}</td><td>${c.independentSources}</td>${cells.join('')}</tr>`;
    })
    .join('');
  const legend = `<p class="note">Each source: <span class="stance supports">${STANCE_SIGN.supports} supports</span>, <span class="stance contradicts">${STANCE_SIGN.contradicts} contradicts</span> (takes another side of a conflict), <span class="stance silent">${STANCE_SIGN.silent} silent</span>. Select a claim to see its evidence.</p>`;
  return `${legend}<div class="scroll"><table class="matrix"><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}

function singleSource(ctx: Ctx): string {
  const single = ctx.dossier.claims.filter((c) => c.status === 'single-source');
  if (!single.length) return '<p class="empty">Every claim is reported by more than one source.</p>';
  return `<ul>${single.map((c) => `<li>${finding('span', evAttr(ctx, c.evidence), `${html(c.text)} ${c.evidence.map((e) => srcChip(ctx, e.source)).join(' ')}`)}</li>`).join('')}</ul>`;
}

function reuse(ctx: Ctx): string {
  const { dossier } = ctx;
  if (!dossier.reuse.length) return '<p class="empty">No shared text found.</p>';
  const pair = (a: string, b: string) => dossier.reuse.find((r) => (r.a === a && r.b === b) || (r.a === b && r.b === a));
  const head = `<tr><td></td>${dossier.sources.map((s) => `<th scope="col" title="${attr(sourceName(s))}">${html(s.id)}</th>`).join('')}</tr>`;
  const rows = dossier.sources
    .map((row) => {
      const cells = dossier.sources.map((col) => {
        if (row.id === col.id) return '<td class="heat">—</td>';
        const r = pair(row.id, col.id);
        if (!r) return '<td class="heat heat0">0%</td>';
        const level = Math.min(HEAT_LEVELS, Math.ceil(r.score * HEAT_LEVELS));
        const ev = r.passages.flatMap((p) => [p.a, p.b]);
        const text = `${Math.round(r.score * 100)}%${r.kind ? ` <small>${html(r.kind)}</small>` : ''}`;
        return `<td class="heat heat${level}">${ev.length ? finding('span', evAttr(ctx, ev), text, ` title="${attr(`${plural(r.passages.length, 'shared passage')}: select to highlight`)}"`) : text}</td>`;
      });
      return `<tr><th scope="row" title="${attr(sourceName(row))}">${html(row.id)}</th>${cells.join('')}</tr>`;
    })
    .join('');
  const list = [...dossier.reuse]
    .sort((x, y) => y.score - x.score)
    .map((r) => {
      const from = r.derivedFrom ? `; ${html(r.derivedFrom === r.a ? r.b : r.a)} derived from ${html(r.derivedFrom)}` : '';
      return `<li>${srcChip(ctx, r.a)} ~ ${srcChip(ctx, r.b)}: ${Math.round(r.score * 100)}% shared${r.kind ? ` (${html(r.kind)})` : ''}${from}; ${plural(r.passages.length, 'passage')}</li>`;
    })
    .join('');
  return `<p class="note">Share of text two sources have in common (darker is more; the figure is in each cell). Select a cell to highlight the shared passages.</p><div class="scroll"><table class="heatmap">${head}${rows}</table></div><ul>${list}</ul>`;
}

function provenance(ctx: Ctx): string {
  const edges = reuseEdges(ctx.dossier);
  const chains = provenanceChains(ctx.dossier);
  let out = '<h3>Who took text from whom</h3>';
  if (!edges.length) out += '<p class="empty">No source appears to take text from another.</p>';
  else {
    const list = edges
      .map((e) => `<li>${srcChip(ctx, e.from)} ${e.directed ? '→' : '~'} ${srcChip(ctx, e.to)}${e.directed ? ` (<bdi>${html(ctx.names.get(e.to) ?? e.to)}</bdi> took text from <bdi>${html(ctx.names.get(e.from) ?? e.from)}</bdi>)` : ' (shared text, direction unknown)'}: ${html(e.label)}, ${Math.round(e.score * 100)}%</li>`)
      .join('');
    out += `<figure>${provenanceSvg(ctx.dossier)}<figcaption class="note">Arrows point from a source to the one that took its text; dashed lines mean shared text of unknown direction; thicker lines, more shared text.</figcaption></figure><ul>${list}</ul>`;
  }
  if (chains.length) {
    const disputed = chains.filter((p) => p.disputed).length;
    out += `<h3>How quotes and claims travelled <span class="count">${plural(chains.length, 'chain')}${disputed ? `, ${disputed} disputed` : ''}</span></h3>`;
    out += `<p class="note">As the sources tell it: who said it, through whom, who obtained or published it, and which outlets carry it. Select a step to see where each source names it.</p>`;
    out += chains.map((p) => chainCard(ctx, p)).join('');
  }
  return out;
}

/** What a chain is about: the quote's reference wording or the claim's text, else its kind and speaker. */
function subjectText(ctx: Ctx, p: Provenance): string {
  if (p.subject.kind === 'quote') {
    const q = ctx.dossier.quotes.find((x) => x.id === p.subject.id);
    const ref = q?.variants.find((v) => v.reference) ?? q?.variants[0];
    if (ref) return `“${clip(oneLine(ref.text), 100)}”`;
  } else {
    const c = ctx.dossier.claims.find((x) => x.id === p.subject.id);
    if (c) return clip(oneLine(c.text), 100);
  }
  const speaker = p.chain.find((st) => st.role === 'speaker');
  return `A ${p.subject.kind}${speaker ? ` by ${oneLine(speaker.actor)}` : ''}`;
}

function chainCard(ctx: Ctx, p: Provenance): string {
  const all = p.chain.flatMap((st) => st.evidence);
  const { steps: chain, carriedBy: outlets } = chainSteps(p);
  const steps =
    chain
      .map((st) => {
        const inner = `<span class="label">${html(st.role)}</span> <bdi>${html(st.actor)}</bdi> ${st.sources.map((id) => srcChip(ctx, id)).join(' ')}`;
        return `<li>${st.evidence.length ? finding('span', evAttr(ctx, st.evidence), inner) : inner}</li>`;
      })
      .join('') + (outlets.length ? `<li><span class="label">carried by</span> ${outlets.map((id) => srcChip(ctx, id)).join(' ')}</li>` : '');
  return `<article class="card chain"${p.disputed ? ' data-disputed="1"' : ''}>${finding('div', evAttr(ctx, all), `${p.disputed ? '<span class="label altered">disputed</span> ' : ''}<bdi>${html(subjectText(ctx, p))}</bdi>`)}${p.note ? `<p class="note">${html(p.note)}</p>` : ''}<ol class="steps">${steps}</ol></article>`;
}

function profiles(ctx: Ctx): string {
  const typed = sourceProfiles(ctx.dossier);
  const views = profileViews(ctx.dossier);
  if (!typed.length && !views.length) return '<p class="empty">No source profiles in this dossier.</p>';
  const cards = typed.map((p) => {
    const share = p.singleSourceShare === null ? '—' : `${Math.round(p.singleSourceShare * 100)}%`;
    const kinds = profileFindings(p)
      .map((k) => `<tr><th scope="row">${html(k.kind)}</th><td>${k.items.map((f) => finding('span', evAttr(ctx, f.evidence), `<bdi>${html(f.term)}</bdi>${f.note ? ` <span class="note">(${html(f.note)})</span>` : ''}`)).join(', ')}</td></tr>`)
      .join('');
    return `<div class="card"><h3>${srcChip(ctx, p.source)} <bdi>${html(ctx.names.get(p.source) ?? p.source)}</bdi></h3><p>${p.words} words · ${plural(p.quotes, 'quote')} · ${plural(p.claims, 'claim')} · ${share} of its claims reported by no other source</p>${kinds ? `<table><tbody>${kinds}</tbody></table>` : '<p class="empty">No hedges, loaded words, engagement bait or odd spellings found.</p>'}</div>`;
  });
  const others = views.map((p) => `<div class="card"><h3>${p.source ? `${srcChip(ctx, p.source)} <bdi>${html(ctx.names.get(p.source) ?? p.source)}</bdi>` : 'Source'}</h3><table><tbody>${p.fields.map(([k, v]) => `<tr><th scope="row">${html(k)}</th><td>${html(v)}</td></tr>`).join('')}</tbody></table></div>`);
  return [...cards, ...others].join('');
}

function boilerplate(ctx: Ctx): string {
  const { dossier } = ctx;
  if (!dossier.boilerplate.length) return '<p class="empty">Nothing was set aside.</p>';
  return `<p class="note">Stretches of the inputs read as page furniture, not article prose. They stay in the texts, struck through.</p><ul>${dossier.boilerplate
    .map((b) => `<li>${finding('span', evAttr(ctx, [b]), `${html(b.reason)}: ${evQuote(ctx, b)}`)}</li>`)
    .join('')}</ul>`;
}

/** Segment boundaries for one text: 0, its length, and every span's start and end that lies inside it. */
export function cutPoints(length: number, spans: readonly Span[]): number[] {
  const points = new Set([0, length]);
  for (const s of spans) {
    if (s.start >= 0 && s.start <= length) points.add(s.start);
    if (s.end >= 0 && s.end <= length) points.add(s.end);
  }
  return [...points].sort((a, b) => a - b);
}

function sourceText(ctx: Ctx, s: DossierSource, i: number, spans: readonly Span[]): string {
  const boiler = ctx.dossier.boilerplate.filter((b) => b.source === s.id);
  const points = cutPoints(s.text.length, spans);
  let body = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k] ?? 0;
    const end = points[k + 1] ?? start;
    if (end <= start) continue;
    const inBoiler = boiler.some((b) => b.start <= start && end <= b.end);
    body += `<span data-o="${start}"${inBoiler ? ' class="bp"' : ''}>${html(s.text.slice(start, end))}</span>`;
  }
  const name = sourceName(s);
  const date = shortDate(s.published);
  return `<section class="source-text" aria-labelledby="t${i}-h"><h3 id="t${i}-h" data-name="${attr(`${s.id} ${clip(name, 30)}`)}">${html(s.id)} <bdi>${html(name)}</bdi>${date ? ` <span class="count">${html(date)}</span>` : ''}<span class="count" data-count="${i}"></span></h3><div class="text" id="t${i}" dir="auto">${body}</div></section>`;
}
