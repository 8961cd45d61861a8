// Speed of pairwise text reuse (src/compare/independence/reuse.ts): 100 synthetic sources of 1,000 words,
// a tenth of them light rewrites of another and a few sharing a quotation, as a story with many outlets
// would have. Target: at most 2 s for the whole set (tokens, shingles, alignment, paraphrase checks).
import { buildSourceText } from '../../src/compare/independence/text.js';
import { computeReuse } from '../../src/compare/independence/reuse.js';
import { applyIndependence } from '../../src/compare/independence/index.js';
import { sourcesOnlyDossier, type Dossier } from '../../src/model/dossier.js';
import { makeArticle } from '../../src/model/article.js';

const SOURCES = 100;
const WORDS = 1000;
const VOCABULARY = 6000;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same input. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeTexts(): string[] {
  const rnd = random(42);
  const vocab = Array.from({ length: VOCABULARY }, (_, i) => `w${i.toString(36)}`);
  // Zipf-like: common words much more frequent, as in prose
  const word = (): string => vocab[Math.floor(VOCABULARY * rnd() ** 3)] ?? 'w';
  const sentence = (): string => {
    const n = 12 + Math.floor(rnd() * 14);
    const ws = Array.from({ length: n }, word);
    return ws.join(' ') + '.';
  };
  const quote = `"${Array.from({ length: 20 }, word).join(' ')}," the minister said.`;
  const texts: string[] = [];
  for (let s = 0; s < SOURCES; s++) {
    const base = s % 10 === 9 ? texts[s - 1] : undefined;
    if (base) {
      // a light rewrite: one word in fifteen replaced
      texts.push(base.split(' ').map((w) => (rnd() < 1 / 15 ? word() : w)).join(' '));
      continue;
    }
    const parts: string[] = [];
    let n = 0;
    while (n < WORDS) {
      const x = s % 4 === 0 && parts.length === 3 ? quote : sentence();
      parts.push(x);
      n += x.split(' ').length;
    }
    texts.push(parts.join(' '));
  }
  return texts;
}

export async function run(): Promise<string[]> {
  const texts = makeTexts();
  const lines: string[] = [];
  let best = Infinity;
  let pairs = 0;
  let linked = 0;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    const sources = texts.map((t, i) => buildSourceText(`s${String(i).padStart(3, '0')}`, t, []));
    const reuse = computeReuse(sources);
    const ms = performance.now() - started;
    best = Math.min(best, ms);
    pairs = reuse.length;
    linked = reuse.filter((r) => r.linked).length;
  }
  // the whole stage (reuse, groups, provenance, profiles, summary) on the same sources, for scale
  const dossier: Dossier = sourcesOnlyDossier(texts.map((text, i) => makeArticle({ origin: `s${i}.txt`, kind: 'text', text })));
  const stageStart = performance.now();
  applyIndependence(dossier, []);
  const stageMs = performance.now() - stageStart;
  await Promise.resolve();
  lines.push(`${SOURCES} sources x ${WORDS} words: reuse in ${(best / 1000).toFixed(2)} s (best of 3; target <= 2 s)`);
  lines.push(`${pairs} pairs reported, ${linked} linked (expected ${SOURCES / 10} planted rewrites)`);
  lines.push(`whole independence stage (no claims or quotes): ${(stageMs / 1000).toFixed(2)} s`);
  return lines;
}
