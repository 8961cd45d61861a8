import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../ingest/index.js';
import type { Article } from '../model/article.js';
import { overlaps, type Span } from '../model/span.js';

/**
 * The parts of a dossier gold (../shared/eval/gold/seeds.json, examples/gold/story.json) that speak of
 * boilerplate: the junk lines, and the prose (quotes and claims) no mark may touch.
 */
export interface DossierGold {
  files: Record<string, string>;
  boilerplate: { f: string; evidence: string }[];
  quotes: { variants: { f: string; text: string }[] }[];
  singleSource: { f: string; evidence: string }[];
  corroborated: { evidence: Record<string, string> }[];
}

export interface BoilerplateCheck {
  /** Gold junk lines with no mark on them. */
  missed: string[];
  /** Gold prose (quotes, claims) that a mark touches, with the mark's reason. */
  proseMarked: string[];
  /** Gold text not found in its article. */
  notFound: string[];
  found: number;
  total: number;
  marks: number;
}

/** Reads every gold file's article through the whole reading path (`path#N` for JSONL items). */
export async function goldArticles(gold: DossierGold, dir: string): Promise<Map<string, Article>> {
  const byKey = new Map<string, Article>();
  for (const [key, name] of Object.entries(gold.files)) {
    const origin = join(dir, name);
    const { articles } = await readInputs([origin.replace(/#\d+$/, '')]);
    const article = articles.find((a) => a.origin === origin);
    if (article) byKey.set(key, article);
  }
  return byKey;
}

/** Checks the articles' boilerplate marks against the gold: recall on junk lines, precision on prose. */
export function checkBoilerplate(gold: DossierGold, byKey: Map<string, Article>): BoilerplateCheck {
  const notFound: string[] = [];
  const spanOf = (key: string, s: string): Span | null => {
    const at = byKey.get(key)?.text.indexOf(s) ?? -1;
    if (at < 0) notFound.push(`${key}: ${s}`);
    return at < 0 ? null : { start: at, end: at + s.length };
  };
  const marksOf = (key: string) => byKey.get(key)?.boilerplate ?? [];
  const missed: string[] = [];
  for (const g of gold.boilerplate) {
    const span = spanOf(g.f, g.evidence);
    if (span && !marksOf(g.f).some((b) => overlaps(b, span))) missed.push(`${g.f}: ${g.evidence}`);
  }
  const prose = [
    ...gold.quotes.flatMap((q) => q.variants.map((v) => [v.f, v.text] as const)),
    ...gold.singleSource.map((x) => [x.f, x.evidence] as const),
    ...gold.corroborated.flatMap((c) => Object.entries(c.evidence)),
  ];
  const proseMarked: string[] = [];
  for (const [key, s] of prose) {
    const span = spanOf(key, s);
    const hit = span && marksOf(key).find((b) => overlaps(b, span));
    if (hit) proseMarked.push(`${key} (${hit.reason}): ${s}`);
  }
  const total = gold.boilerplate.length;
  const marks = [...byKey.values()].reduce((n, a) => n + a.boilerplate.length, 0);
  return { missed, proseMarked, notFound, found: total - missed.length, total, marks };
}

export function readGold(file: string): DossierGold {
  return JSON.parse(readFileSync(file, 'utf8')) as DossierGold;
}
