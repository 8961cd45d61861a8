/**
 * The terminal report: what a reader needs at a glance, wrapped to the terminal's width (80 columns by
 * default). Colour only when asked for (a terminal); otherwise plain text. Every fidelity grade, stance
 * and diff mark is written as a word or sign too, so nothing depends on colour alone.
 */
import pc from 'picocolors';
import type { Dossier, DossierSource, QuoteVariant } from '../model/dossier.js';
import type { Evidence } from '../model/span.js';
import { clip, oneLine, plural } from './text.js';
import { agreement, copiesLine, copyOfFirst, shownReuse, shownVariants, glanceRows, independentNote, chainSteps, claimStances, diffRuns, FIDELITIES, showsDiff, provenanceChains, reuseEdges, shortDate, sourceName, sourceWarnings, type Stance } from './view.js';
import { wrap, wrapPieces, type Piece } from './wrap.js';

export const DEFAULT_WIDTH = 80;
/** Narrower than this and indented lines would hold almost nothing: lay out as if this wide. */
const MIN_WIDTH = 40;
/** Quoted evidence is cut to this many characters: enough to recognise the passage, short enough to scan. */
const EVIDENCE_CHARS = 90;
/** Most items listed per section before "… and N more": the full list is in the JSON, Markdown and HTML. */
const MAX_ITEMS = 12;

export interface TerminalOptions {
  color?: boolean;
  width?: number;
}

type Colors = ReturnType<typeof pc.createColors>;

export function renderTerminal(dossier: Dossier, options: TerminalOptions = {}): string {
  const width = Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH);
  const c = pc.createColors(options.color ?? false);
  const names = new Map(dossier.sources.map((s) => [s.id, sourceName(s)]));
  const out: string[] = [];
  const heading = (title: string): void => {
    out.push('', c.bold(c.underline(title)));
  };
  const para = (pieces: Piece[] | string, first = '', rest = first): void => {
    out.push(...(typeof pieces === 'string' ? wrap(pieces, width, first, rest) : wrapPieces(pieces, width, first, rest)));
  };
  const cite = (e: Evidence): Piece[] => [
    { text: `[${e.source}`, style: c.cyan },
    { text: ` "${clip(oneLine(e.text), EVIDENCE_CHARS)}"]`, style: c.dim },
  ];
  const more = (total: number): void => {
    if (total > MAX_ITEMS) para(`… and ${total - MAX_ITEMS} more (see --format md or html)`, '  ');
  };

  const a = agreement(dossier);
  out.push(c.bold(`crosscheck: ${plural(dossier.sources.length, 'source')}${independentNote(dossier)}`));
  for (const w of dossier.warnings ?? []) para([{ text: 'warning:', style: c.yellow }, { text: ` ${oneLine(w.message)}` }], '  ! ', '    ');

  heading('At a glance');
  for (const row of glanceRows(dossier)) {
    para(sourceLine(row.source, c), '  ', '       ');
    if (row.copies.length) para([{ text: copiesLine(row.copies), style: c.yellow }], '       ', '       ');
  }
  for (const w of sourceWarnings(dossier)) para([{ text: `warning ${w.source}: `, style: c.yellow }, { text: w.message }], '  ', '    ');
  const dates = a.dates.first ? (a.dates.first === a.dates.last ? a.dates.first : `${a.dates.first} to ${a.dates.last}`) : 'unknown';
  para(`Dates: ${dates}.`, '  ');
  const share = a.corroboratedShare === null ? '' : ` (${Math.round(a.corroboratedShare * 100)}% corroborated)`;
  para(`Claims: ${a.claims}${share}: ${a.corroborated} corroborated, ${a.contested} contested, ${a.singleSource} single-source. Conflicts: ${a.conflicts}.`, '  ', '    ');
  const grades = FIDELITIES.filter((f) => a.fidelity[f] > 0).map((f) => `${a.fidelity[f]} ${f}`);
  para(`Quotes: ${a.quotes} (${plural(a.variants, 'rendering')}${grades.length ? `; ${grades.join(', ')}` : ''}).`, '  ', '    ');

  if (dossier.summary.length) {
    heading('Summary');
    for (const s of dossier.summary) para([{ text: oneLine(s.text) }, ...s.evidence.flatMap((e) => [{ text: ' ' }, { text: `[${e.source}]`, style: c.cyan }])], '  • ', '    ');
  }

  heading(`Conflicts (${dossier.conflicts.length})`);
  if (!dossier.conflicts.length) para('None found.', '  ');
  for (const k of dossier.conflicts.slice(0, MAX_ITEMS)) {
    para([{ text: `${k.kind}:`, style: c.yellow }, { text: ` ${oneLine(k.summary)}` }], '  ! ', '    ');
    for (const side of k.sides) {
      const who = [...new Set(side.evidence.map((e) => e.source))].map((id) => names.get(id) ?? id).join(', ');
      para([{ text: oneLine(side.value), style: c.bold }, { text: ` — ${who}` }], '    - ', '      ');
      for (const e of side.evidence) para(cite(e), '        ');
    }
  }
  more(dossier.conflicts.length);

  heading(`Quotes (${dossier.quotes.length})`);
  const copyOf = copyOfFirst(dossier);
  if (!dossier.quotes.length) para('None found.', '  ');
  for (const q of dossier.quotes.slice(0, MAX_ITEMS)) {
    para(`${q.speaker ? oneLine(q.speaker) : 'Unknown speaker'} (${plural(q.variants.length, 'rendering')})`, '  " ', '    ');
    for (const { variant, copies } of shownVariants(q.variants, copyOf)) {
      para([...variantPieces(variant, names, c), ...(copies ? [{ text: ` (+ ${plural(copies, 'identical copy', 'identical copies')})`, style: c.dim }] : [])], '    - ', '      ');
    }
  }
  more(dossier.quotes.length);

  heading(`Claims (${dossier.claims.length})`);
  if (!dossier.claims.length) para('None found.', '  ');
  if (dossier.claims.length) para('Sources: + supports, x contradicts, . silent; in the order ' + dossier.sources.map((s) => s.id).join(' ') + '.', '  ');
  for (const claim of dossier.claims.slice(0, MAX_ITEMS)) {
    const stances = claimStances(dossier, claim);
    const marks = dossier.sources.map((s) => stanceMark(stances.get(s.id) ?? 'silent', c));
    const status = claim.status === 'corroborated' ? c.green : claim.status === 'contested' ? c.red : c.yellow;
    para([...marks, { text: ` ${claim.status}`, style: status }, { text: ` (${claim.independentSources} indep.): ${oneLine(claim.text)}` }], '  ', '  ' + ' '.repeat(dossier.sources.length + 1));
  }
  more(dossier.claims.length);

  heading(`Text reuse (${dossier.reuse.length})`);
  if (!dossier.reuse.length) para('No shared text found.', '  ');
  const reuse = shownReuse(dossier.reuse, copyOf);
  for (const { pair: r, copies, first } of reuse.slice(0, MAX_ITEMS)) {
    if (first && copies > 1) {
      para(`${first} ~ ${copies} identical copies: 100% copy`, '  ', '    ');
      continue;
    }
    const from = r.derivedFrom ? ` (${r.derivedFrom === r.a ? r.b : r.a} derived from ${r.derivedFrom})` : '';
    para(`${r.a} ~ ${r.b}: ${Math.round(r.score * 100)}%${r.kind ? ` ${r.kind}` : ''}${from}, ${plural(r.passages.length, 'shared passage')}`, '  ', '    ');
  }
  more(reuse.length);
  const directed = reuseEdges(dossier).filter((e) => e.directed);
  if (directed.length) para(`Took text from another: ${directed.map((e) => `${e.to} from ${e.from}`).join(', ')}.`, '  ', '    ');
  const disputed = provenanceChains(dossier).filter((p) => p.disputed);
  if (disputed.length) {
    heading(`Disputed provenance (${disputed.length})`);
    for (const p of disputed.slice(0, MAX_ITEMS)) {
      const { steps, carriedBy } = chainSteps(p);
      const chain = [...steps.map((st) => `${st.role} ${oneLine(st.actor)} [${st.sources.join(' ')}]`), ...(carriedBy.length ? [`carried by ${carriedBy.join(' ')}`] : [])];
      para(`${p.subject.kind} ${p.subject.id}: ${chain.join(' -> ')}${p.note ? ` (${oneLine(p.note)})` : ''}`, '  ! ', '    ');
    }
    more(disputed.length);
  }

  if (dossier.boilerplate.length) {
    heading('Set aside');
    para(`${plural(dossier.boilerplate.length, 'passage')} marked as boilerplate (${[...new Set(dossier.boilerplate.map((b) => oneLine(b.reason)))].slice(0, 6).join(', ')}).`, '  ', '    ');
  }
  return out.join('\n') + '\n';
}

function sourceLine(s: DossierSource, c: Colors): Piece[] {
  const date = shortDate(s.published);
  const title = s.outlet && s.title ? ` "${clip(oneLine(s.title), 70)}"` : '';
  return [{ text: s.id.padEnd(4), style: c.cyan }, { text: ` ${sourceName(s)}`, style: c.bold }, { text: `${title}${date ? `, ${date}` : ''}` }];
}

function stanceMark(stance: Stance, c: Colors): Piece {
  return stance === 'supports' ? { text: '+', style: c.green } : stance === 'contradicts' ? { text: 'x', style: c.red } : { text: '.', style: c.dim };
}

function variantPieces(v: QuoteVariant, names: Map<string, string>, c: Colors): Piece[] {
  const label = v.reference ? 'reference' : v.fidelity;
  const style = v.reference || v.fidelity === 'verbatim' ? c.green : v.fidelity === 'altered' ? c.red : c.yellow;
  const pieces: Piece[] = [{ text: `${v.source}`, style: c.cyan }, { text: ` ${names.get(v.source) ?? ''} ` }, { text: `[${label}]`, style }, { text: ' ' }];
  if (showsDiff(v)) {
    // Changes are bracketed as well as coloured: {+added+} and [-removed-], as in `git diff --word-diff`.
    for (const run of diffRuns(v.diff)) {
      if (run.spaceBefore) pieces.push({ text: ' ' });
      if (run.op === 'same') pieces.push({ text: run.text });
      else if (run.op === 'add') pieces.push({ text: `{+${run.text}+}`, style: c.green });
      else pieces.push({ text: `[-${run.text}-]`, style: c.red });
    }
  } else {
    pieces.push({ text: `"${clip(oneLine(v.text), EVIDENCE_CHARS * 2)}"` });
  }
  if (v.note) pieces.push({ text: ` (${oneLine(v.note)})`, style: c.dim });
  return pieces;
}
