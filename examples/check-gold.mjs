#!/usr/bin/env node
// Checks examples/gold/story.json against the articles in examples/story, with no dependencies:
//   node examples/check-gold.mjs [GOLD.json] [STORY_DIR] [--ideal DOSSIER.json]
// - every gold file key names a file that exists, and every file of the story folder has a key;
// - every evidence string of the gold (quote variants, conflict sides, single-source and corroborated
//   claims, boilerplate) occurs exactly once in its source's text as crosscheck holds it: the file as read
//   for .txt/.md, the article's paragraphs (<p> inside <article>, tags stripped, entities decoded) for .html,
//   the "text" field of line N for "<file>.jsonl#N";
// - the gold is well formed: quotes met in 2+ sources, conflicts with 2+ sides, each side with evidence;
// - each article is 250-600 words long (the length the brief asks for).
// With --ideal, also writes the dossier that would meet every gold item exactly (gold spans, the first
// variant of each quote as reference), so that score-dossier.mjs can show the gold is scoreable:
//   node ../shared/eval/score-dossier.mjs --gold examples/gold/story.json --dossier DOSSIER.json  → 1.000
// Prints one line per problem and exits 1 if there is any, else prints a one-line summary and exits 0.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const idealAt = args.indexOf('--ideal');
const idealPath = idealAt >= 0 ? args.splice(idealAt, 2)[1] : null;
const goldPath = resolve(args[0] ?? join(here, 'gold/story.json'));
const storyDir = resolve(args[1] ?? join(here, 'story'));
const MIN_WORDS = 250; // the brief's range for an article body
const MAX_WORDS = 600;

const problems = [];
const gold = JSON.parse(readFileSync(goldPath, 'utf8'));

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', rsaquo: '›', lsaquo: '‹', copy: '©', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}
// The article text of a news page: its <p> paragraphs inside <article>, one per block. A close
// approximation of what an extractor returns; evidence is kept within one paragraph so it holds either way.
function htmlArticleText(html) {
  const article = /<article\b[^>]*>([\s\S]*?)<\/article>/i.exec(html)?.[1] ?? html;
  const body = article.replace(/<aside\b[\s\S]*?<\/aside>/gi, '');
  const paras = [...body.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)].map((m) => decodeEntities(m[1].replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim());
  return paras.filter(Boolean).join('\n\n');
}
function sourceText(name) {
  const [file, line] = name.split('#');
  const raw = readFileSync(join(storyDir, file), 'utf8');
  if (file.endsWith('.html') || file.endsWith('.htm')) return htmlArticleText(raw);
  if (file.endsWith('.jsonl')) {
    const lines = raw.split('\n').filter((l) => l.trim());
    const rec = JSON.parse(lines[Number(line ?? '1') - 1] ?? 'null');
    if (!rec || typeof rec.text !== 'string') throw new Error(`no text on line ${line}`);
    for (const k of ['url', 'outlet', 'title', 'published', 'author']) if (typeof rec[k] !== 'string') problems.push(`${name}: field ${k} missing`);
    return rec.text;
  }
  return raw;
}
const bodyOf = (name, text) => (/\.(txt|md)$/.test(name) ? text.replace(/^---\n[\s\S]*?\n---\n/, '') : text);

// --- files ---------------------------------------------------------------------------------------
const texts = {};
for (const [key, name] of Object.entries(gold.files ?? {})) {
  try {
    texts[key] = sourceText(name);
  } catch (e) {
    problems.push(`${key} (${name}): cannot read: ${e.message}`);
    continue;
  }
  if (/\.(txt|md)$/.test(name) && !/^---\n[\s\S]*?\n---\n/.test(texts[key])) problems.push(`${name}: no front matter`);
  const words = bodyOf(name, texts[key]).split(/\s+/).filter(Boolean).length;
  if (words < MIN_WORDS || words > MAX_WORDS) problems.push(`${name}: ${words} words, outside ${MIN_WORDS}-${MAX_WORDS}`);
}
const named = new Set(Object.values(gold.files ?? {}).map((n) => n.split('#')[0]));
for (const f of readdirSync(storyDir)) if (!named.has(f)) problems.push(`${f}: in the story folder but not in the gold files`);

// --- evidence ------------------------------------------------------------------------------------
let checked = 0;
function check(key, text, where) {
  checked++;
  const src = texts[key];
  if (src === undefined) return problems.push(`${where}: unknown file key ${key}`);
  if (typeof text !== 'string' || !text) return problems.push(`${where}: empty evidence`);
  const at = src.indexOf(text);
  if (at < 0) return problems.push(`${where}: not found in ${gold.files[key]}: "${text}"`);
  if (src.indexOf(text, at + 1) >= 0) problems.push(`${where}: occurs more than once in ${gold.files[key]}: "${text}"`);
}
for (const q of gold.quotes ?? []) {
  q.variants.forEach((v) => check(v.f, v.text, `quote ${q.id}`));
  if (new Set(q.variants.map((v) => v.f)).size < 2) problems.push(`quote ${q.id}: fewer than two sources`);
}
for (const c of gold.conflicts ?? []) {
  if ((c.sides ?? []).length < 2) problems.push(`conflict ${c.id}: fewer than two sides`);
  for (const side of c.sides ?? []) {
    // every file of a side must hold at least one of the side's evidence strings
    for (const key of side.f) {
      const hits = side.evidence.filter((t) => texts[key]?.includes(t));
      checked++;
      if (hits.length === 0) problems.push(`conflict ${c.id}: no evidence of this side found in ${gold.files[key]}`);
    }
    for (const t of side.evidence) if (!side.f.some((k) => texts[k]?.includes(t))) problems.push(`conflict ${c.id}: "${t}" is in none of ${side.f.join(', ')}`);
  }
}
for (const s of gold.singleSource ?? []) check(s.f, s.evidence, 'singleSource');
for (const c of gold.corroborated ?? []) {
  for (const [k, t] of Object.entries(c.evidence)) check(k, t, `corroborated ${c.id}`);
  if (Object.keys(c.evidence).length < c.minSources) problems.push(`corroborated ${c.id}: fewer files than minSources`);
}
for (const b of gold.boilerplate ?? []) check(b.f, b.evidence, 'boilerplate');

if (idealPath && !problems.length) writeFileSync(idealPath, JSON.stringify(idealDossier(), null, 1));

// The dossier a perfect analyzer would give: every gold item as a finding with the gold's own spans.
function idealDossier() {
  const span = (key, text) => {
    const start = texts[key].indexOf(text);
    return { source: key, start, end: start + text.length, text };
  };
  const sources = Object.entries(gold.files).map(([key, name]) => ({ id: key, origin: `examples/story/${name}`, outlet: null, title: null, published: null, text: texts[key] }));
  const quotes = (gold.quotes ?? []).map((q) => ({
    id: q.id,
    speaker: q.speaker,
    variants: q.variants.map((v, i) => ({ ...span(v.f, v.text), fidelity: v.notVerbatim ? 'reworded' : 'verbatim', reference: i === 0, speaker: q.speaker })),
  }));
  const claims = [
    ...(gold.singleSource ?? []).map((s, i) => ({ id: `single-${i}`, text: s.evidence, status: 'single-source', independentSources: 1, evidence: [span(s.f, s.evidence)] })),
    ...(gold.corroborated ?? []).map((c) => ({ id: c.id, text: c.id, status: 'corroborated', independentSources: c.minSources, evidence: Object.entries(c.evidence).map(([k, t]) => span(k, t)) })),
  ];
  const conflicts = (gold.conflicts ?? []).map((c) => ({
    id: c.id,
    kind: c.kind,
    summary: c.id,
    sides: c.sides.map((side) => ({ value: side.evidence[0], evidence: side.f.flatMap((k) => side.evidence.filter((t) => texts[k].includes(t)).map((t) => span(k, t))) })),
  }));
  const boilerplate = (gold.boilerplate ?? []).map((b) => ({ ...span(b.f, b.evidence), reason: 'gold' }));
  return { schema: 'crosscheck/dossier@1', sources, quotes, claims, conflicts, reuse: [], boilerplate, summary: [] };
}

if (problems.length) {
  for (const p of problems) console.log(p);
  process.exit(1);
}
console.log(`gold ok: ${Object.keys(texts).length} files, ${checked} evidence checks`);
