/**
 * What every report shows, computed once from a dossier so the terminal, Markdown and HTML reports
 * agree: short names for sources, the claims-by-sources matrix, agreement figures, and the optional
 * provenance and profile data read defensively (their exact shape belongs to the independence stage).
 */
import type { Claim, DiffOp, Dossier, DossierSource, Fidelity, ProfileFinding, Provenance, ProvenanceStep, QuoteVariant, SourceProfile } from '../model/dossier.js';
import type { Evidence } from '../model/span.js';
import { overlaps } from '../model/span.js';
import { oneLine } from './text.js';

export const FIDELITIES: readonly Fidelity[] = ['verbatim', 'bowdlerised', 'trimmed', 'reworded', 'altered'];

/** What each fidelity grade means, in the words of the contract, for legends and tooltips. */
export const FIDELITY_MEANING: Record<Fidelity, string> = {
  verbatim: 'same words as the reference',
  bowdlerised: 'only the censoring of words differs',
  trimmed: 'a part of the reference, or with ellipses',
  reworded: 'same meaning in other words, still presented as a quote',
  altered: 'meaning-bearing content differs',
};

export type Stance = 'supports' | 'contradicts' | 'silent';

/** The variants with the reference first (the one the others are compared with), otherwise in order. */
export function referenceFirst<T extends { reference: boolean }>(variants: readonly T[]): T[] {
  return [...variants.filter((v) => v.reference), ...variants.filter((v) => !v.reference)];
}

/**
 * True when a variant's diff shows a change worth displaying; otherwise its own text (with its
 * punctuation, which word diffs leave out) is shown instead.
 */
export function showsDiff(v: QuoteVariant): v is QuoteVariant & { diff: DiffOp[] } {
  return !v.reference && !!v.diff?.some((d) => d.op !== 'same' && d.text.trim() !== '');
}

/** A diff run ready to display: its words (trimmed, one line) and whether a space goes before it. */
export interface DiffRun {
  op: DiffOp['op'];
  text: string;
  spaceBefore: boolean;
}

/**
 * Diff ops as display runs. Ops are runs of words; whether they carry their own spaces varies, so a
 * space is put between runs unless the next starts with closing punctuation or neither side had one
 * where the text they came from (an op ending or starting with white space) said so.
 */
export function diffRuns(diff: readonly DiffOp[]): DiffRun[] {
  const out: DiffRun[] = [];
  diff.forEach((d, i) => {
    const text = oneLine(d.text);
    if (!text) return;
    const prev = diff[i - 1];
    const explicit = /^\s/.test(d.text) || (prev !== undefined && /\s$/.test(prev.text));
    const glued = /^[.,;:!?…)\]}’”'"]/.test(text) && !explicit;
    out.push({ op: d.op, text, spaceBefore: out.length > 0 && !glued });
  });
  return out;
}

/** A short human name for a source: its outlet, else its title, else the file name of its origin. */
export function sourceName(source: DossierSource): string {
  const name = source.outlet ?? source.title ?? source.origin.split(/[\\/]/).filter(Boolean).pop() ?? source.origin;
  return oneLine(name) || source.id;
}

/** One row of the sources list: a source, and the other inputs with its identical text (collapsed into it). */
export interface GlanceRow {
  source: DossierSource;
  copies: DossierSource[];
}

/** Names shown of a group of identical copies before "(N more)". */
const COPIES_NAMED = 2;

/**
 * The sources as a reader should list them: identical inputs (the dossier's `identical-inputs`
 * warnings) collapse into their first, so 30 copies of one article are one row, not thirty.
 */
export function glanceRows(dossier: Pick<Dossier, 'sources' | 'warnings'>): GlanceRow[] {
  const byId = new Map(dossier.sources.map((s) => [s.id, s]));
  const copiesOf = new Map<string, DossierSource[]>();
  const hidden = new Set<string>();
  for (const w of dossier.warnings ?? []) {
    if (w.kind !== 'identical-inputs') continue;
    const members = dossier.sources.filter((s) => w.sources.includes(s.id));
    const [first, ...rest] = members;
    if (!first || rest.length === 0 || hidden.has(first.id)) continue;
    copiesOf.set(first.id, members);
    for (const r of rest) hidden.add(r.id);
  }
  return dossier.sources.filter((s) => !hidden.has(s.id)).map((s) => ({ source: byId.get(s.id) ?? s, copies: copiesOf.get(s.id) ?? [] }));
}

/** Each identical copy's source id to the first of its copies (the dossier's `identical-inputs` warnings). */
export function copyOfFirst(dossier: Pick<Dossier, 'sources' | 'warnings'>): Map<string, string> {
  const first = new Map<string, string>();
  for (const row of glanceRows(dossier)) for (const c of row.copies) if (c.id !== row.source.id) first.set(c.id, row.source.id);
  return first;
}

/**
 * A quote's renderings as a reader should see them: a rendering in an identical copy of a source
 * listed already, in the same words, is folded into that source's line ("+ 29 identical copies"),
 * so 30 copies show one rendering, not thirty. Renderings that differ are always shown.
 */
export function shownVariants<T extends { source: string; text: string; reference: boolean }>(variants: readonly T[], copyOf: ReadonlyMap<string, string>): { variant: T; copies: number }[] {
  const out: { variant: T; copies: number }[] = [];
  for (const v of referenceFirst(variants)) {
    const first = copyOf.get(v.source);
    const home = first === undefined ? undefined : out.find((o) => o.variant.source === first && o.variant.text === v.text);
    if (home) home.copies++;
    else out.push({ variant: v, copies: 0 });
  }
  return out;
}

/** A row of the reuse table: a pair, or the first of identical copies and how many copies it has (`first`). */
export interface ReuseRow<R> {
  pair: R;
  copies: number;
  first: string | null;
}

/**
 * Reuse pairs as a reader should see them: the pairs linking identical copies to the first of them
 * (kind `copy`, the dossier's `identical-inputs`) are one row per article, with the copies counted;
 * every other pair is its own row, strongest first.
 */
export function shownReuse<R extends { a: string; b: string; kind?: string; score: number }>(reuse: readonly R[], copyOf: ReadonlyMap<string, string>): ReuseRow<R>[] {
  const out: ReuseRow<R>[] = [];
  const byFirst = new Map<string, ReuseRow<R>>();
  for (const r of [...reuse].sort((x, y) => y.score - x.score)) {
    const first = r.kind === 'copy' ? (copyOf.get(r.b) === r.a ? r.a : copyOf.get(r.a) === r.b ? r.b : undefined) : undefined;
    const row = first === undefined ? undefined : byFirst.get(first);
    if (row) row.copies++;
    else {
      const fresh = { pair: r, copies: first === undefined ? 0 : 1, first: first ?? null };
      if (first !== undefined) byFirst.set(first, fresh);
      out.push(fresh);
    }
  }
  return out;
}

/** "30 copies of one article: a.txt, b.txt, … (28 more)", naming each copy by its file name (or URL). */
export function copiesLine(copies: readonly DossierSource[]): string {
  const name = (s: DossierSource): string => oneLine(s.origin.split(/[\\/]/).filter(Boolean).pop() ?? s.origin) || s.id;
  const named = copies.slice(0, COPIES_NAMED).map(name).join(', ');
  const more = copies.length - COPIES_NAMED;
  return `${copies.length} copies of one article: ${named}${more > 0 ? `, … (${more} more)` : ''}`;
}

/** Warnings about single sources, in source order: for now, a language the language layer does not read. */
export function sourceWarnings(dossier: Pick<Dossier, 'sources'>): { source: string; message: string }[] {
  return dossier.sources.flatMap((s) => (s.language?.note ? [{ source: s.id, message: s.language.note }] : []));
}

/** Publication date as YYYY-MM-DD (or as given when not ISO), or null. */
export function shortDate(published: string | null): string | null {
  if (!published) return null;
  const m = /^\d{4}-\d{2}-\d{2}/.exec(published);
  return m ? m[0] : oneLine(published);
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function evidenceSources(evidence: Evidence[]): Set<string> {
  return new Set(evidence.map((e) => e.source));
}

function sharesEvidence(a: Evidence[], b: Evidence[]): boolean {
  return a.some((x) => b.some((y) => x.source === y.source && overlaps(x, y)));
}

/**
 * Each source's stance on each claim. A source supports a claim when it holds evidence for it. It
 * contradicts it when a conflict has a side resting on the claim's evidence and the source takes
 * another side of that conflict. Otherwise it is silent.
 */
export function claimStances(dossier: Dossier, claim: Claim): Map<string, Stance> {
  const supports = new Set([...evidenceSources(claim.evidence), ...(claim.sources ?? [])]);
  const contradicts = new Set<string>();
  for (const conflict of dossier.conflicts) {
    const mine = conflict.sides.findIndex((side) => sharesEvidence(side.evidence, claim.evidence));
    if (mine < 0) continue;
    conflict.sides.forEach((side, i) => {
      if (i === mine) return;
      for (const s of evidenceSources(side.evidence)) if (!supports.has(s)) contradicts.add(s);
    });
  }
  const out = new Map<string, Stance>();
  for (const s of dossier.sources) out.set(s.id, supports.has(s.id) ? 'supports' : contradicts.has(s.id) ? 'contradicts' : 'silent');
  return out;
}

export interface Agreement {
  claims: number;
  corroborated: number;
  contested: number;
  singleSource: number;
  conflicts: number;
  quotes: number;
  variants: number;
  /** Non-reference variants by fidelity grade. */
  fidelity: Record<Fidelity, number>;
  /** Share of claims that are corroborated, 0–1, or null without claims. */
  corroboratedShare: number | null;
  dates: { first: string | null; last: string | null };
}

/** " (N independent)" when sources that reuse one another were merged, else nothing. */
export function independentNote(dossier: Dossier): string {
  const groups = dossier.sourceGroups?.length;
  return groups !== undefined && groups < dossier.sources.length ? ` (${groups} independent)` : '';
}

export function agreement(dossier: Dossier): Agreement {
  const count = (status: Claim['status']): number => dossier.claims.filter((c) => c.status === status).length;
  const fidelity = Object.fromEntries(FIDELITIES.map((f) => [f, 0])) as Record<Fidelity, number>;
  let variants = 0;
  // Renderings in identical copies of one article are one rendering, as the reports show them.
  const copyOf = copyOfFirst(dossier);
  for (const q of dossier.quotes) {
    for (const { variant: v } of shownVariants(q.variants, copyOf)) {
      variants++;
      if (!v.reference) fidelity[v.fidelity]++;
    }
  }
  const dates = dossier.sources.map((s) => shortDate(s.published)).filter((d): d is string => d !== null).sort();
  const corroborated = count('corroborated');
  return {
    claims: dossier.claims.length,
    corroborated,
    contested: count('contested'),
    singleSource: count('single-source'),
    conflicts: dossier.conflicts.length,
    quotes: dossier.quotes.length,
    variants,
    fidelity,
    corroboratedShare: dossier.claims.length ? corroborated / dossier.claims.length : null,
    dates: { first: dates[0] ?? null, last: dates[dates.length - 1] ?? null },
  };
}

/** One edge of the graph of who took text from whom: `to` took text from `from` (undirected: they share text). */
export interface ReuseEdge {
  from: string;
  to: string;
  directed: boolean;
  label: string;
  score: number;
}

const asRecord = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const asString = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const isEvidenceList = (v: unknown): v is Evidence[] => Array.isArray(v) && v.every((e) => asRecord(e) !== null && typeof (e as Evidence).start === 'number' && typeof (e as Evidence).source === 'string');

/** The reuse pairs between known sources as graph edges, directed when the reuse stage named the original. */
export function reuseEdges(dossier: Dossier): ReuseEdge[] {
  const known = new Set(dossier.sources.map((s) => s.id));
  const edges: ReuseEdge[] = [];
  for (const r of dossier.reuse) {
    if (!known.has(r.a) || !known.has(r.b) || r.a === r.b) continue;
    const label = oneLine(r.kind ?? 'shared text');
    if (r.derivedFrom === r.a) edges.push({ from: r.a, to: r.b, directed: true, label, score: r.score });
    else if (r.derivedFrom === r.b) edges.push({ from: r.b, to: r.a, directed: true, label, score: r.score });
    else edges.push({ from: r.a, to: r.b, directed: false, label, score: r.score });
  }
  return edges;
}

/** The dossier's provenance chains that have the expected shape (the field is loosely typed in the model). */
export function provenanceChains(dossier: Dossier): Provenance[] {
  return (dossier.provenance ?? []).filter((p): p is Provenance => {
    const r = asRecord(p);
    const subject = asRecord(r?.['subject']);
    return (
      !!r &&
      !!subject &&
      Array.isArray(r['chain']) &&
      (r['chain'] as unknown[]).every((step) => {
        const st = asRecord(step);
        return !!st && typeof st['actor'] === 'string' && typeof st['role'] === 'string' && isEvidenceList(st['evidence']);
      })
    );
  });
}

/**
 * A chain as displayed: its steps other than the outlets, and the outlets (each source carrying it)
 * gathered into one list, since an outlet step only names the source itself.
 */
export function chainSteps(p: Provenance): { steps: ProvenanceStep[]; carriedBy: string[] } {
  return {
    steps: p.chain.filter((st) => st.role !== 'outlet'),
    carriedBy: [...new Set(p.chain.filter((st) => st.role === 'outlet').flatMap((st) => st.sources))],
  };
}

/** The profiles with the independence stage's shape; others are shown generically by `profileViews`. */
export function sourceProfiles(dossier: Dossier): SourceProfile[] {
  return (dossier.profiles ?? []).filter((p): p is SourceProfile => isSourceProfile(p));
}

function isSourceProfile(p: unknown): boolean {
  const r = asRecord(p);
  return !!r && typeof r['source'] === 'string' && typeof r['words'] === 'number' && (['hedges', 'unsourcedGeneralisations', 'loadedLanguage', 'engagementBait', 'nameSpellings'] as const).every((k) => r[k] === undefined || Array.isArray(r[k]));
}

/** The wording findings of a profile, by kind, with a label and each finding's term and evidence. */
export function profileFindings(p: SourceProfile): { kind: string; items: { term: string; evidence: Evidence[]; note: string | null }[] }[] {
  const list = (v: unknown): ProfileFinding[] => (Array.isArray(v) ? v.filter((f): f is ProfileFinding => typeof asRecord(f)?.['term'] === 'string' && isEvidenceList(asRecord(f)?.['evidence'])) : []);
  const loaded = (Array.isArray(p.loadedLanguage) ? p.loadedLanguage : []).filter((f) => typeof f?.term === 'string' && isEvidenceList(f.evidence));
  const spellings = (Array.isArray(p.nameSpellings) ? p.nameSpellings : []).filter((f) => typeof f?.name === 'string' && isEvidenceList(f.evidence));
  return [
    { kind: 'hedges', items: list(p.hedges).map((f) => ({ term: f.term, evidence: f.evidence, note: null })) },
    { kind: 'unsourced generalisations', items: list(p.unsourcedGeneralisations).map((f) => ({ term: f.term, evidence: f.evidence, note: null })) },
    { kind: 'loaded language', items: loaded.map((f) => ({ term: f.term, evidence: [...f.evidence, ...(f.neutral ? [f.neutral] : [])], note: f.neutral ? `elsewhere: "${oneLine(f.neutral.text)}"` : null })) },
    { kind: 'engagement bait', items: list(p.engagementBait).map((f) => ({ term: f.term, evidence: f.evidence, note: null })) },
    { kind: 'name spellings', items: spellings.map((f) => ({ term: f.name, evidence: [...f.evidence, ...(isEvidenceList(f.otherEvidence) ? f.otherEvidence : [])], note: `others write "${oneLine(String(f.others))}"` })) },
  ].filter((k) => k.items.length > 0);
}

/** A profile of unknown shape as display rows: the source it describes (when named) and its simple fields. */
export interface ProfileView {
  source: string | null;
  fields: [string, string][];
}

const MAX_PROFILE_VALUE = 200;

/** Reads profiles that do not have the known shape: simple fields are shown, nested values summarised. */
export function profileViews(dossier: Dossier): ProfileView[] {
  const out: ProfileView[] = [];
  for (const entry of dossier.profiles ?? []) {
    const r = asRecord(entry);
    if (!r || isSourceProfile(r)) continue;
    const source = asString(r['source']) ?? asString(r['id']);
    const fields: [string, string][] = [];
    for (const [key, value] of Object.entries(r)) {
      if (key === 'source' || key === 'id') continue;
      fields.push([key, displayValue(value)]);
    }
    out.push({ source, fields });
  }
  return out;
}

function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value === 'string' || typeof value === 'boolean') return oneLine(String(value)).slice(0, MAX_PROFILE_VALUE);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) return oneLine(value.join(', ')).slice(0, MAX_PROFILE_VALUE);
    return `${value.length} items`;
  }
  const r = asRecord(value);
  if (r) return oneLine(Object.entries(r).filter(([, v]) => typeof v !== 'object').map(([k, v]) => `${k}: ${String(v)}`).join('; ')).slice(0, MAX_PROFILE_VALUE);
  return '';
}

/** Every evidence span anywhere in the dossier (findings of any stage, known or added later), by source id. */
export function evidenceBySource(dossier: Dossier): Map<string, Evidence[]> {
  const out = new Map<string, Evidence[]>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    const r = asRecord(v);
    if (!r) return;
    if (typeof r['source'] === 'string' && typeof r['start'] === 'number' && typeof r['end'] === 'number') {
      const e = r as unknown as Evidence;
      const list = out.get(e.source) ?? [];
      list.push(e);
      out.set(e.source, list);
    }
    for (const x of Object.values(r)) walk(x);
  };
  for (const [key, value] of Object.entries(dossier)) if (key !== 'sources') walk(value);
  return out;
}
