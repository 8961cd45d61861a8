// The seed story: every quote variant annotated in ../shared/eval/gold/seeds.json is found with its
// right speaker (including the lines other leaders speak inside a politician's quote), and no
// sentence boundary falls inside a quotation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeArticle } from '../model/article.js';
import { overlaps } from '../model/span.js';
import { EVAL, SEEDS, hasShared } from '../testing/paths.js';
import { spanViolations } from '../testing/invariants.js';
import { analyzeArticle } from './analyze.js';
import type { ArticleAnalysis } from './types.js';

interface Gold {
  files: Record<string, string>;
  quotes: { id: string; speaker: string; variants: { f: string; text: string }[] }[];
}

const skip = !hasShared();

function load(): { gold: Gold; analyses: Map<string, ArticleAnalysis> } {
  const gold = JSON.parse(readFileSync(join(EVAL, 'gold', 'seeds.json'), 'utf8')) as Gold;
  const analyses = new Map<string, ArticleAnalysis>();
  for (const [id, file] of Object.entries(gold.files)) {
    const text = readFileSync(join(SEEDS, file), 'utf8');
    analyses.set(id, analyzeArticle(makeArticle({ origin: file, kind: 'text', text })));
  }
  return { gold, analyses };
}

/** "Putin (as quoted by Trump)" -> "Putin": the name the speaker must contain. */
const expectedName = (speaker: string): string => speaker.replace(/\s*\(.*\)\s*$/, '');

void test('every gold quote variant is found with its speaker', { skip }, () => {
  const { gold, analyses } = load();
  const problems: string[] = [];
  for (const q of gold.quotes) {
    for (const v of q.variants) {
      const a = analyses.get(v.f);
      assert.ok(a, `no analysis for ${v.f}`);
      const at = a.article.text.indexOf(v.text);
      assert.ok(at >= 0, `gold text of ${q.id} not in ${v.f}`);
      const span = { start: at, end: at + v.text.length };
      const found = a.quotes.filter((x) => x.direct && overlaps(x, span));
      const name = expectedName(q.speaker);
      if (!found.length) problems.push(`${q.id} ${v.f}: not found`);
      else if (!found.some((x) => x.speaker?.includes(name))) problems.push(`${q.id} ${v.f}: speakers ${found.map((x) => x.speaker).join(', ')}, expected ${name}`);
    }
  }
  assert.deepEqual(problems, []);
});

void test('no sentence boundary inside a gold quote or a found quotation', { skip }, () => {
  const { gold, analyses } = load();
  const problems: string[] = [];
  const check = (a: ArticleAnalysis, span: { start: number; end: number }, label: string): void => {
    for (const s of a.sentences) if (s.start > span.start && s.start < span.end) problems.push(`${label}: sentence starts at ${s.start} inside [${span.start},${span.end})`);
  };
  for (const q of gold.quotes) {
    for (const v of q.variants) {
      const a = analyses.get(v.f) as ArticleAnalysis;
      const at = a.article.text.indexOf(v.text);
      check(a, { start: at, end: at + v.text.length }, `${q.id} ${v.f}`);
    }
  }
  for (const [id, a] of analyses) for (const q of a.quotes) if (q.direct) for (const p of q.parts) check(a, p, `${id} quote ${JSON.stringify(q.text.slice(0, 30))}`);
  assert.deepEqual(problems, []);
});

void test('every span of the seed analyses indexes its text', { skip }, () => {
  const { analyses } = load();
  for (const [id, a] of analyses) {
    const t = a.article.text;
    const spans = [
      ...a.paragraphs,
      ...a.sentences,
      ...a.quotes.flatMap((q) => [q, ...q.parts, ...[q.speakerSpan, q.cueSpan, q.addresseeSpan, q.open, q.close].filter((s) => s !== null)]),
      ...a.mentions,
      ...a.dates,
      ...a.numbers,
    ];
    assert.deepEqual(spanViolations(t, spans, id), []);
  }
});
