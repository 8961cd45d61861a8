/**
 * The Markdown report: pastes into a fact-check draft or a newsroom document. Article text is escaped
 * so it can never become markup (links, images, HTML, emphasis, tables); evidence is cited inline as
 * [s1: "…"] so every finding still shows the words it rests on.
 */
import type { Dossier, QuoteVariant } from '../model/dossier.js';
import type { Evidence } from '../model/span.js';
import { clip, oneLine, plural } from './text.js';
import { agreement, copiesLine, copyOfFirst, shownReuse, shownVariants, glanceRows, independentNote, chainSteps, claimStances, diffRuns, showsDiff, FIDELITIES, FIDELITY_MEANING, profileFindings, profileViews, provenanceChains, reuseEdges, shortDate, sourceProfiles, sourceName, sourceWarnings, wordCount, type Stance } from './view.js';

/** Cited evidence is cut to this many characters; the full passage is in the source text. */
const EVIDENCE_CHARS = 160;
/** Citations shown per provenance step: enough to check it, short enough to read the chain. */
const CITES_PER_STEP = 3;

/**
 * Escapes text for inline Markdown: every ASCII punctuation character that CommonMark or GFM can read
 * as markup is backslash-escaped (CommonMark allows a backslash before any ASCII punctuation), and
 * text is made one line so it cannot start a block. Control and bidi characters are neutralised.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]<>()#+\-.!|~&"]/g, (ch) => {
    // "." "-" "+" "(" ")" '"' only matter at the start of a line or in link syntax; escape them where cheap.
    return ch === '.' || ch === '-' || ch === '"' || ch === '(' || ch === ')' || ch === '+' ? ch : `\\${ch}`;
  }).replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+])/, '\\$1');
}

function cite(e: Evidence): string {
  return `[${escapeMarkdown(e.source)}: "${escapeMarkdown(clip(oneLine(e.text), EVIDENCE_CHARS))}"]`;
}

const STANCE_CELL: Record<Stance, string> = { supports: '✔ supports', contradicts: '✘ contradicts', silent: '· silent' };

export function renderMarkdown(dossier: Dossier): string {
  const out: string[] = [];
  const push = (...lines: string[]): void => {
    out.push(...lines);
  };
  const names = new Map(dossier.sources.map((s) => [s.id, sourceName(s)]));
  const a = agreement(dossier);

  push('# crosscheck dossier', '');
  for (const w of dossier.warnings ?? []) push(`> **Warning:** ${escapeMarkdown(w.message)}`, '');
  push('## At a glance', '');
  push('| id | source | title | published | words |', '| --- | --- | --- | --- | ---: |');
  for (const { source: s, copies } of glanceRows(dossier)) {
    const title = `${s.title ? escapeMarkdown(s.title) : '—'}${copies.length ? ` (${escapeMarkdown(copiesLine(copies))})` : ''}`;
    push(`| ${escapeMarkdown(s.id)} | ${escapeMarkdown(sourceName(s))} | ${title} | ${escapeMarkdown(shortDate(s.published) ?? '—')} | ${wordCount(s.text)} |`);
  }
  push('');
  for (const w of sourceWarnings(dossier)) push(`> **Warning (${escapeMarkdown(w.source)}):** ${escapeMarkdown(w.message)}`, '');
  const share = a.corroboratedShare === null ? '' : ` (${Math.round(a.corroboratedShare * 100)}% corroborated)`;
  push(`- **Sources:** ${dossier.sources.length}${independentNote(dossier)}.`);
  push(`- **Claims:** ${a.claims}${share}: ${a.corroborated} corroborated, ${a.contested} contested, ${a.singleSource} single-source.`);
  push(`- **Conflicts:** ${a.conflicts}.`);
  const grades = FIDELITIES.filter((f) => a.fidelity[f] > 0).map((f) => `${a.fidelity[f]} ${f}`);
  push(`- **Quotes:** ${a.quotes}, ${plural(a.variants, 'rendering')}${grades.length ? ` (${grades.join(', ')})` : ''}.`);
  if (a.dates.first) push(`- **Dates:** ${escapeMarkdown(a.dates.first === a.dates.last ? a.dates.first : `${a.dates.first} to ${a.dates.last}`)}.`);
  push('');

  if (dossier.summary.length) {
    push('## Summary', '');
    for (const s of dossier.summary) push(`- ${escapeMarkdown(s.text)} ${s.evidence.map(cite).join(' ')}`);
    push('');
  }

  push('## Conflicts', '');
  if (!dossier.conflicts.length) push('None found.', '');
  for (const k of dossier.conflicts) {
    push(`### ${escapeMarkdown(k.kind)}: ${escapeMarkdown(k.summary)}`, '');
    for (const side of k.sides) {
      push(`- **${escapeMarkdown(side.value)}** — ${side.evidence.map((e) => `${escapeMarkdown(names.get(e.source) ?? e.source)} ${cite(e)}`).join('; ')}`);
    }
    push('');
  }

  push('## Quotes', '');
  const copyOf = copyOfFirst(dossier);
  if (!dossier.quotes.length) push('None found.', '');
  else push(`Grades: ${FIDELITIES.map((f) => `**${f}** (${FIDELITY_MEANING[f]})`).join(', ')}. Changes against the reference: ~~removed~~, **added**.`, '');
  for (const q of dossier.quotes) {
    push(`### ${q.speaker ? escapeMarkdown(q.speaker) : 'Unknown speaker'}`, '');
    for (const { variant, copies } of shownVariants(q.variants, copyOf)) {
      push(...variantBlock(variant, names.get(variant.source) ?? variant.source), ...(copies ? ['>', `> *+ ${copies} identical ${copies === 1 ? 'copy' : 'copies'}, the same words*`] : []), '');
    }
  }

  push('## Claims by source', '');
  if (!dossier.claims.length) push('None found.', '');
  else {
    push(`| claim | status | independent | ${dossier.sources.map((s) => escapeMarkdown(s.id)).join(' | ')} |`);
    push(`| --- | --- | ---: | ${dossier.sources.map(() => '---').join(' | ')} |`);
    for (const claim of dossier.claims) {
      const st = claimStances(dossier, claim);
      push(`| ${escapeMarkdown(claim.text)}${claim.copiesOnly ? ' (copies of one article only)' : ''} | ${claim.status} | ${claim.independentSources} | ${dossier.sources.map((s) => STANCE_CELL[st.get(s.id) ?? 'silent']).join(' | ')} |`);
    }
    push('');
  }

  const single = dossier.claims.filter((c) => c.status === 'single-source');
  if (single.length) {
    push('## Single-source claims', '');
    for (const c of single) push(`- ${escapeMarkdown(c.text)} ${c.evidence.map(cite).join(' ')}`);
    push('');
  }

  push('## Text reuse', '');
  if (!dossier.reuse.length) push('No shared text found.', '');
  else {
    push('| pair | score | kind | derived from | passages |', '| --- | ---: | --- | --- | ---: |');
    for (const { pair: r, copies, first } of shownReuse(dossier.reuse, copyOfFirst(dossier))) {
      const pair = first && copies > 1 ? `${escapeMarkdown(first)} ~ ${copies} identical copies` : `${escapeMarkdown(r.a)} ~ ${escapeMarkdown(r.b)}`;
      push(`| ${pair} | ${Math.round(r.score * 100)}% | ${r.kind ?? '—'} | ${r.derivedFrom ? escapeMarkdown(r.derivedFrom) : '—'} | ${r.passages.length} |`);
    }
    push('');
  }
  const edges = reuseEdges(dossier).filter((e) => e.directed);
  const chains = provenanceChains(dossier);
  if (edges.length || chains.length) {
    push('## Provenance', '');
    for (const e of edges) push(`- ${escapeMarkdown(e.to)} (${escapeMarkdown(names.get(e.to) ?? e.to)}) took text from ${escapeMarkdown(e.from)} (${escapeMarkdown(names.get(e.from) ?? e.from)}): ${escapeMarkdown(e.label)}`);
    for (const p of chains) {
      const { steps: chain, carriedBy } = chainSteps(p);
      const steps = chain.map((st) => `${escapeMarkdown(st.role)}: **${escapeMarkdown(st.actor)}**${st.evidence.length ? ` ${st.evidence.slice(0, CITES_PER_STEP).map(cite).join(' ')}` : ''}`);
      if (carriedBy.length) steps.push(`carried by ${carriedBy.map(escapeMarkdown).join(', ')}`);
      push(`- ${p.disputed ? '**disputed** ' : ''}${escapeMarkdown(p.subject.kind)} ${escapeMarkdown(p.subject.id)}: ${steps.join(' → ')}${p.note ? ` (${escapeMarkdown(p.note)})` : ''}`);
    }
    push('');
  }
  const profiles = sourceProfiles(dossier);
  const others = profileViews(dossier);
  if (profiles.length || others.length) {
    push('## Source profiles', '');
    for (const p of profiles) {
      const share = p.singleSourceShare === null ? '—' : `${Math.round(p.singleSourceShare * 100)}%`;
      push(`### ${escapeMarkdown(p.source)} (${escapeMarkdown(names.get(p.source) ?? p.source)})`, '', `${p.words} words, ${plural(p.quotes, 'quote')}, ${plural(p.claims, 'claim')}, ${share} of its claims reported by no other source.`, '');
      for (const k of profileFindings(p)) push(`- **${k.kind}:** ${k.items.map((f) => `${escapeMarkdown(f.term)}${f.note ? ` (${escapeMarkdown(f.note)})` : ''} ${f.evidence.slice(0, 1).map(cite).join('')}`).join('; ')}`);
      push('');
    }
    for (const p of others) push(`- **${p.source ? escapeMarkdown(p.source) : 'source'}**: ${p.fields.map(([k, v]) => `${escapeMarkdown(k)} ${escapeMarkdown(v)}`).join('; ')}`);
    if (others.length) push('');
  }
  if (dossier.boilerplate.length) {
    push('## Set aside as boilerplate', '');
    for (const b of dossier.boilerplate) push(`- ${escapeMarkdown(b.reason)} ${cite(b)}`);
    push('');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

function variantBlock(v: QuoteVariant, outlet: string): string[] {
  const label = v.reference ? 'reference' : v.fidelity;
  let body: string;
  if (showsDiff(v)) {
    body = diffRuns(v.diff)
      .map((run) => {
        const t = escapeMarkdown(run.text);
        return (run.spaceBefore ? ' ' : '') + (run.op === 'same' ? t : run.op === 'add' ? `**${t}**` : `~~${t}~~`);
      })
      .join('');
  } else body = escapeMarkdown(v.text);
  const lines = [`> **${label}** — ${escapeMarkdown(v.source)} (${escapeMarkdown(outlet)})${v.note ? `: ${escapeMarkdown(v.note)}` : ''}`, '>', `> “${body.trim()}”`];
  return lines;
}
