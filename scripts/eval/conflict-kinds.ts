// `npm run eval -- conflict-kinds`: conflicts per kind on the ECB+ dev stories (../shared/eval/stories):
// for each gold kind, how many gold conflicts a dossier conflict meets (the scorer's rule: two gold
// sides met by two different dossier sides, evidence of the same source overlapping at least half of
// the shorter span and at most the gold plus 300 characters), and for each dossier kind, how many
// conflicts were reported and how many of them meet a gold conflict. The gold is not exhaustive: a
// reported conflict no gold conflict meets is to be read, not counted wrong.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDossier } from '../../src/compare/dossier.js';
import type { Conflict } from '../../src/model/dossier.js';
import { readInputs } from '../../src/ingest/index.js';
import { EVAL } from '../../src/testing/paths.js';

const EVIDENCE_SLACK = 300;

interface GoldConflict {
  id: string;
  kind: string;
  sides: { f: string[]; evidence: string[] }[];
}
interface Gold {
  dir: string;
  files: Record<string, string>;
  conflicts?: GoldConflict[];
}
interface GoldSpan {
  key: string;
  start: number;
  end: number;
}

function meets(e: { source: string; start: number; end: number }, g: GoldSpan): boolean {
  if (e.source !== g.key) return false;
  const o = Math.min(e.end, g.end) - Math.max(e.start, g.start);
  return o > 0 && o >= 0.5 * Math.min(e.end - e.start, g.end - g.start) && e.end - e.start <= g.end - g.start + EVIDENCE_SLACK;
}

/** Index of the first unused dossier conflict meeting the gold conflict, or -1. */
function match(gc: GoldConflict, texts: Map<string, string>, conflicts: Conflict[], used: Set<number>): number {
  const sides = gc.sides.map((side) =>
    side.f.flatMap((key) =>
      side.evidence.flatMap((t) => {
        const start = texts.get(key)?.indexOf(t) ?? -1;
        return start < 0 ? [] : [{ key, start, end: start + t.length }];
      }),
    ),
  );
  return conflicts.findIndex((c, ci) => {
    if (used.has(ci)) return false;
    const met = c.sides.map((s) => sides.map((g) => g.some((gs) => s.evidence.some((e) => meets(e, gs)))));
    for (let i = 0; i < met.length; i++)
      for (let j = 0; j < met.length; j++) if (i !== j && sides.some((_, a) => sides.some((__, b) => a !== b && met[i]?.[a] && met[j]?.[b]))) return true;
    return false;
  });
}

export async function run(): Promise<string[]> {
  const dir = join(EVAL, 'stories');
  const goldKinds = new Map<string, { found: number; total: number }>();
  const reported = new Map<string, { n: number; matched: number }>();
  const lines: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold;
    const docDir = join(EVAL, gold.dir);
    const keys = Object.keys(gold.files);
    const { articles } = await readInputs(keys.map((k) => join(docDir, gold.files[k] as string)));
    const dossier = buildDossier(articles);
    const texts = new Map(keys.map((k, i) => [k, articles[i]?.text ?? '']));
    const used = new Set<number>();
    const missed: string[] = [];
    for (const gc of gold.conflicts ?? []) {
      const k = goldKinds.get(gc.kind) ?? { found: 0, total: 0 };
      k.total++;
      const hit = match(gc, texts, dossier.conflicts, used);
      if (hit >= 0) {
        used.add(hit);
        k.found++;
      } else missed.push(`${gc.id} (${gc.kind})`);
      goldKinds.set(gc.kind, k);
    }
    dossier.conflicts.forEach((c, i) => {
      const r = reported.get(c.kind) ?? { n: 0, matched: 0 };
      r.n++;
      if (used.has(i)) r.matched++;
      reported.set(c.kind, r);
    });
    lines.push(`   ${f.replace(/\.json$/, '').padEnd(20)} ${used.size}/${(gold.conflicts ?? []).length} found, ${dossier.conflicts.length} reported; missed: ${missed.join(', ') || '-'}`);
  }
  const out = ['-- conflict kinds on the ECB+ dev stories (gold kind: found/total)'];
  for (const [k, v] of [...goldKinds].sort()) out.push(`   ${k.padEnd(12)} ${v.found}/${v.total}`);
  out.push('-- reported by kind (matching a gold conflict / reported)');
  for (const [k, v] of [...reported].sort()) out.push(`   ${k.padEnd(12)} ${v.matched}/${v.n}`);
  return [...out, ...lines];
}
