// Quality of the independence stage (src/compare/independence):
//   1. BASIL (../shared/eval/basil): reuse pairs between Fox News, the New York Times and HuffPost on each of
//      100 events, listed from REPORT_SCORE up; every linked pair is a claim that one outlet reused another's
//      text, to be judged by reading the passages printed.
//   2. The seed story: reuse pairs, the summary, and whether each summary line cites two independent sources;
//      the composite of score-dossier.mjs with and without this stage's fields.
//   3. The example story (examples/story): the light rewrite and its origin found, and nothing else linked.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { readInputs } from '../../src/ingest/index.js';
import { sourcesOnlyDossier, type Dossier } from '../../src/model/dossier.js';
import { buildDossier } from '../../src/compare/dossier.js';
import { applyIndependence, sourceTexts } from '../../src/compare/independence/index.js';
import { computeReuse, REUSE_LINK_THRESHOLD } from '../../src/compare/independence/reuse.js';
import { readLexicon } from '../../src/compare/independence/lexicon.js';
import { EVAL, EXAMPLE_STORY, SEEDS } from '../../src/testing/paths.js';

/** Pairs listed from this score up: a tenth of the shorter text's prose in shared passages. */
const REPORT_SCORE = 0.1;
const EXCERPT = 110;


const short = (s: string): string => JSON.stringify(s.length > EXCERPT ? s.slice(0, EXCERPT) + '…' : s);
const name = (d: Dossier, id: string): string => {
  const s = d.sources.find((x) => x.id === id);
  return s?.outlet ?? s?.origin.split('/').pop() ?? id;
};

async function basil(): Promise<string[]> {
  const root = join(EVAL, 'basil');
  if (!existsSync(root)) return ['basil: not found'];
  const stopWords = new Set(readLexicon('function-words.json', 'words'));
  const events = readdirSync(root).filter((e) => existsSync(join(root, e, 'fox.txt'))).sort();
  const out: string[] = [];
  let pairs = 0;
  let listed = 0;
  let linked = 0;
  const kinds = new Map<string, number>();
  for (const e of events) {
    const { articles } = await readInputs([join(root, e)]);
    const d = sourcesOnlyDossier(articles);
    const { texts } = sourceTexts(d, []);
    for (const r of computeReuse(texts, { stopWords })) {
      pairs++;
      kinds.set(r.kind ?? 'shared phrases', (kinds.get(r.kind ?? 'shared phrases') ?? 0) + 1);
      if (r.linked) linked++;
      if (r.score < REPORT_SCORE && !r.linked) continue;
      listed++;
      out.push(`  ${e.slice(0, 8)} ${name(d, r.a)} ~ ${name(d, r.b)}: score ${r.score} ${r.kind ?? 'shared phrases'}${r.linked ? ' LINKED' : ''} quoteShare ${r.quoteShare}; ${r.passages.length} passages, first ${short(r.passages[0]?.a.text ?? '')}`);
    }
  }
  return [
    `BASIL: ${events.length} events, ${pairs} pairs sharing a passage (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})`,
    `  ${listed} pairs at score >= ${REPORT_SCORE} or linked; ${linked} linked (score >= ${REUSE_LINK_THRESHOLD}: one source for independence)`,
    ...out,
  ];
}

function composite(d: Dossier): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-independence-'));
  const file = join(dir, 'dossier.json');
  writeFileSync(file, JSON.stringify(d));
  const r = spawnSync(process.execPath, [join(EVAL, 'score-dossier.mjs'), '--gold', join(EVAL, 'gold', 'seeds.json'), '--dossier', file, '--dir', SEEDS], { encoding: 'utf8' });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return last || `scorer failed: ${r.stderr.trim().split('\n').pop() ?? ''}`;
}

function summaryLines(d: Dossier): { lines: string[]; ok: number } {
  const groupOf = new Map<string, number>();
  (d.sourceGroups ?? []).forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
  let ok = 0;
  const lines = d.summary.map((s) => {
    const n = new Set(s.evidence.map((e) => groupOf.get(e.source) ?? e.source)).size;
    if (n >= 2) ok++;
    return `  [${n} independent: ${[...new Set(s.evidence.map((e) => e.source))].join(',')}] ${short(s.text)}`;
  });
  return { lines, ok };
}

async function seeds(): Promise<string[]> {
  if (!existsSync(SEEDS)) return ['seeds: not found'];
  const { articles } = await readInputs([SEEDS]);
  const out: string[] = [];
  const alone = applyIndependence(sourcesOnlyDossier(articles), []);
  const reported = alone.reuse.filter((r) => r.score >= REPORT_SCORE || r.kind === 'copy' || r.kind === 'light-rewrite' || r.kind === 'paraphrase');
  out.push(`Seed story: ${alone.reuse.length} pairs share a passage, ${reported.length} at score >= ${REPORT_SCORE}; groups ${JSON.stringify(alone.sourceGroups)}`);
  for (const r of alone.reuse) out.push(`  ${r.a}~${r.b} score ${r.score} ${r.kind ?? 'shared phrases'} quoteShare ${r.quoteShare}`);

  let full: Dossier;
  try {
    full = buildDossier(articles);
  } catch (e) {
    out.push(`  full pipeline failed: ${(e as Error).message}`);
    return out;
  }
  const { lines, ok } = summaryLines(full);
  out.push(`  summary (full pipeline): ${full.summary.length} sentences, ${ok} cite >= 2 independent sources`);
  out.push(...lines);
  const stripped: Dossier = { ...full, reuse: [], summary: [], claims: full.claims.map(({ copiesOnly: _c, ...c }) => c) };
  delete stripped.provenance;
  delete stripped.profiles;
  delete stripped.sourceGroups;
  out.push(`  composite with this stage's fields: ${composite(full)}; without them: ${composite(stripped)}`);
  const disputed = (full.provenance ?? []).filter((p) => (p as { disputed?: boolean }).disputed).length;
  out.push(`  provenance: ${full.provenance?.length ?? 0} chains, ${disputed} disputed`);
  return out;
}

async function example(): Promise<string[]> {
  if (!existsSync(EXAMPLE_STORY)) return ['example story: not found'];
  const { articles } = await readInputs([EXAMPLE_STORY]);
  const d = applyIndependence(sourcesOnlyDossier(articles), []);
  const idOf = (file: string): string => d.sources.find((s) => s.origin.includes(file))?.id ?? '?';
  const linked = d.reuse.filter((r) => r.kind === 'copy' || r.kind === 'light-rewrite' || r.kind === 'paraphrase');
  const wire = idOf('cpa-wire');
  const rewrite = idOf('newspulse');
  const found = linked.find((r) => [r.a, r.b].sort().join() === [wire, rewrite].sort().join());
  const out = [
    `Example story: ${linked.length} linked pair(s): ${linked.map((r) => `${name(d, r.a)} ~ ${name(d, r.b)} ${r.kind} score ${r.score} derivedFrom ${r.derivedFrom ? name(d, r.derivedFrom) : 'unknown'}`).join('; ')}`,
    `  rewrite (NewsPulse from the CPA wire) found: ${found ? 'yes' : 'NO'}; direction right: ${found?.derivedFrom === wire ? 'yes' : 'NO'}; other pairs linked: ${linked.length - (found ? 1 : 0)}`,
  ];
  try {
    const full = buildDossier(articles);
    const groupOf = new Map<string, number>();
    (full.sourceGroups ?? []).forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
    const shared = full.claims.filter((c) => c.evidence.some((e) => e.source === wire) && c.evidence.some((e) => e.source === rewrite));
    // counted once: at most as many independent sources as groups, and fewer than the sources
    const once = shared.filter((c) => c.independentSources <= new Set(c.evidence.map((e) => groupOf.get(e.source))).size && c.independentSources < new Set(c.evidence.map((e) => e.source)).size);
    out.push(`  full pipeline: ${shared.length} claims in both the wire and the rewrite; ${once.length} of them count the pair once; ${full.claims.filter((c) => c.copiesOnly).length} marked copiesOnly`);
    const { lines, ok } = summaryLines(full);
    out.push(`  summary: ${full.summary.length} sentences, ${ok} cite >= 2 independent sources`, ...lines);
  } catch (e) {
    out.push(`  full pipeline failed: ${(e as Error).message}`);
  }
  return out;
}

export async function run(): Promise<string[]> {
  return [...(await example()), '', ...(await seeds()), '', ...(await basil())];
}
