/**
 * The graph of who took text from whom, as inline SVG: sources on a circle, an arrow from the source text
 * was taken from to the one that took it (a dashed line when the direction is unknown), the share of
 * reused text on each edge. A text list beside it says the same for screen readers and print.
 */
import type { Dossier } from '../../model/dossier.js';
import { clip, oneLine } from '../text.js';
import { reuseEdges, sourceName } from '../view.js';
import { escapeHtml, html } from './escape.js';

const SIZE = 420;
/** Room around the circle for node labels. */
const MARGIN = 80;
const NODE_RADIUS = 18;
/** Node labels are cut to this many characters so they stay inside the picture. */
const LABEL_CHARS = 18;

export function provenanceSvg(dossier: Dossier): string {
  const edges = reuseEdges(dossier);
  const n = dossier.sources.length;
  const r = (SIZE - 2 * MARGIN) / 2;
  const c = SIZE / 2;
  const pos = new Map<string, { x: number; y: number }>();
  dossier.sources.forEach((s, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
    pos.set(s.id, { x: c + (n > 1 ? r * Math.cos(angle) : 0), y: c + (n > 1 ? r * Math.sin(angle) : 0) });
  });
  const parts: string[] = [];
  parts.push(`<svg class="graph" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}" role="img" aria-labelledby="prov-title" xmlns="http://www.w3.org/2000/svg">`);
  parts.push(`<title id="prov-title">Who took text from whom: ${edges.length} links between ${n} sources</title>`);
  parts.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#1b1f24"/></marker></defs>');
  for (const e of edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    // Stop the line at the node's rim so the arrow head stays visible.
    const x1 = a.x + (dx / len) * NODE_RADIUS;
    const y1 = a.y + (dy / len) * NODE_RADIUS;
    const x2 = b.x - (dx / len) * (NODE_RADIUS + 2);
    const y2 = b.y - (dy / len) * (NODE_RADIUS + 2);
    const width = 1 + 4 * Math.min(1, Math.max(0, e.score));
    const dash = e.directed ? '' : ' stroke-dasharray="5 4"';
    const label = `${e.label} ${Math.round(e.score * 100)}%`.trim();
    parts.push(`<g><title>${html(`${e.from} ${e.directed ? '→' : '~'} ${e.to} ${label}`)}</title><line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="#57606a" stroke-width="${width.toFixed(1)}"${dash}${e.directed ? ' marker-end="url(#arrow)"' : ''}/>`);
    if (label) parts.push(`<text x="${((a.x + b.x) / 2).toFixed(1)}" y="${((a.y + b.y) / 2 - 4).toFixed(1)}" text-anchor="middle">${html(label)}</text>`);
    parts.push('</g>');
  }
  for (const s of dossier.sources) {
    const p = pos.get(s.id);
    if (!p) continue;
    const below = p.y >= c;
    parts.push(`<g><title>${html(`${s.id}: ${sourceName(s)}`)}</title><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${NODE_RADIUS}" fill="#fff" stroke="#1b1f24" stroke-width="2"/>`);
    parts.push(`<text x="${p.x.toFixed(1)}" y="${(p.y + 4).toFixed(1)}" text-anchor="middle" font-weight="700">${escapeHtml(clip(oneLine(s.id), 4))}</text>`);
    parts.push(`<text x="${p.x.toFixed(1)}" y="${(below ? p.y + NODE_RADIUS + 14 : p.y - NODE_RADIUS - 6).toFixed(1)}" text-anchor="middle">${html(clip(sourceName(s), LABEL_CHARS))}</text></g>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
