import { prng } from './prng.js';

// Input shapes that once made one story take tens of seconds (issue 16): each a function of a seed
// so the bench and the tests build the same bytes. The texts are made up here, never copied.

const NAMES = ['Mara Lind', 'Tomas Reyes', 'Ada Okoro', 'Jun Park', 'Eli Novak', 'Rosa Quint'];
const VERBS = ['said', 'told reporters', 'added', 'warned', 'insisted', 'wrote'];
const WORDS = ['harbour', 'council', 'budget', 'river', 'bridge', 'school', 'tariff', 'storm', 'vote', 'clinic', 'rail', 'permit'];

/** The seeded generator (src/testing/prng.ts): the same seed gives the same text. */
export const rng = prng;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

function sentence(r: () => number, words: number): string {
  const w = Array.from({ length: words }, () => pick(r, WORDS));
  return `${w.join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
}

/** A news-like paragraph with one quote. */
function paragraph(r: () => number): string {
  return `${sentence(r, 12)} “${sentence(r, 14)}” ${pick(r, NAMES)} ${pick(r, VERBS)} on Tuesday. ${sentence(r, 10)}`;
}

/** An HTML page whose article is about `chars` characters of prose. */
export function newsPage(seed: number, chars: number): string {
  const r = rng(seed);
  const ps: string[] = [];
  for (let n = 0; n < chars; ) {
    const p = paragraph(r);
    ps.push(`<p>${p}</p>`);
    n += p.length;
  }
  return `<!doctype html><html><head><title>Harbour plan</title></head><body><nav><a href="/">Home</a></nav><article><h1>Harbour plan</h1>${ps.join('\n')}</article><footer>© Example</footer></body></html>`;
}

/** An article of about `chars` characters where nearly every sentence is a quote. */
export function quoteDenseText(seed: number, chars: number): string {
  const r = rng(seed);
  const out: string[] = [];
  for (let n = 0; n < chars; ) {
    const s = `“${sentence(r, 8)}” ${pick(r, NAMES)} ${pick(r, VERBS)}. “${sentence(r, 6)}”, ${pick(r, NAMES)} ${pick(r, VERBS)}, “${sentence(r, 7)}”`;
    out.push(s);
    n += s.length + 2;
  }
  return out.join('\n\n');
}

/** One line of `chars` characters of prose-like words (no newline). */
export function oneLineText(chars: number): string {
  const unit = 'The council said the harbour plan would cost more than expected and officials agreed. ';
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/** A page of about `chars` characters whose article is spans with quoted attributes holding quotes. */
export function quotedAttributesPage(seed: number, chars: number): string {
  const r = rng(seed);
  const parts: string[] = [];
  for (let n = 0; n < chars; ) {
    const s = `<span title="“${pick(r, WORDS)}” said ${pick(r, NAMES)}" data-q='"${pick(r, WORDS)}"'>“${pick(r, WORDS)} ${pick(r, WORDS)}” ${pick(r, VERBS)}</span> `;
    parts.push(s);
    n += s.length;
  }
  const body: string[] = [];
  for (let i = 0; i < parts.length; i += 40) body.push(`<p>${parts.slice(i, i + 40).join('')}</p>`);
  return `<!doctype html><html><body><article>${body.join('\n')}</article></body></html>`;
}
