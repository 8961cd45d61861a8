/**
 * A dossier whose every field a report shows holds hostile text: the article of
 * test/fixtures/hostile/article.txt as a source, and hostile strings as outlet, title, origin, speaker,
 * claim, conflict value, reason, profile and provenance labels. Spans are located by search.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOSSIER_SCHEMA, type Dossier } from '../model/dossier.js';
import type { Evidence } from '../model/span.js';
import { REPO_ROOT } from '../testing/paths.js';
import { TEXTS } from './test-dossier.js';

export const HOSTILE_FILE = join(REPO_ROOT, 'test', 'fixtures', 'hostile', 'article.txt');

/** Markup that runs script if it is ever parsed as HTML (each would set window.__pwned or open a dialog). */
export const HOSTILE_META = '"><img src=x onerror="window.__pwned=10;alert(10)"><script>alert(11)</script>\u202Egnp.exe';

function at(source: string, text: string, needle: string): Evidence {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`hostile dossier: "${needle}" not in ${source}`);
  return { source, start, end: start + needle.length, text: needle };
}

export function hostileDossier(): Dossier {
  const h = readFileSync(HOSTILE_FILE, 'utf8');
  const b = TEXTS.b;
  const script = at('s0', h, '<script>window.__pwned = 1; alert("script ran")</script>');
  const img = at('s0', h, '"><img src=x onerror="window.__pwned=2;alert(1)">');
  const link = at('s0', h, '<a href="javascript:alert(3)">here</a>');
  const mdLink = at('s0', h, '[here](javascript:alert(4))');
  const bidiStart = h.indexOf('\u202E');
  const bidi: Evidence = { source: 's0', start: bidiStart, end: bidiStart + 20, text: h.slice(bidiStart, bidiStart + 20) };
  const rest = at('s0', h, '<iframe src="https://example.invalid/"></iframe> <svg onload="alert(6)"></svg>');
  const dossier: Dossier = {
    schema: DOSSIER_SCHEMA,
    sources: [
      { id: 's0', origin: `reports/${HOSTILE_META}.txt`, outlet: HOSTILE_META, title: h.split('\n')[0] ?? '', published: HOSTILE_META, text: h, url: 'javascript:alert(12)', author: HOSTILE_META },
      { id: 's1', origin: 'reports/b.txt', outlet: 'Courier [x](javascript:alert(13))', title: 'Bridge shut for repairs', published: '2025-03-03', text: b },
    ],
    quotes: [
      {
        id: 'q1',
        speaker: HOSTILE_META,
        variants: [
          { ...at('s0', h, 'the budget is balanced'), fidelity: 'verbatim', reference: true, speaker: HOSTILE_META, cue: HOSTILE_META, addressee: HOSTILE_META },
          { ...img, fidelity: 'altered', reference: false, speaker: null, note: HOSTILE_META, diff: [{ op: 'remove', text: 'the budget is balanced' }, { op: 'add', text: img.text }] },
        ],
      },
    ],
    claims: [
      { id: 'c1', text: script.text, status: 'single-source', independentSources: 1, evidence: [script], sources: ['s0'] },
      { id: 'c2', text: link.text + ' ' + mdLink.text, status: 'contested', independentSources: 1, evidence: [link, mdLink] },
    ],
    conflicts: [{ id: 'k1', kind: 'other', summary: HOSTILE_META, sides: [{ value: bidi.text, evidence: [bidi, link] }, { value: HOSTILE_META, evidence: [at('s1', b, 'ten days')] }] }],
    reuse: [{ a: 's0', b: 's1', score: 0.3, passages: [{ a: rest, b: at('s1', b, 'Bridge shut') }], derivedFrom: 's0' }],
    boilerplate: [{ ...rest, reason: HOSTILE_META }],
    summary: [{ text: HOSTILE_META, evidence: [script, at('s1', b, 'Courier')] }],
    provenance: [
      {
        id: 'p1',
        subject: { kind: 'quote', id: 'q1' },
        chain: [
          { actor: HOSTILE_META, role: 'speaker', evidence: [img], sources: ['s0'] },
          { actor: HOSTILE_META, role: 'channel', evidence: [link], sources: ['s0'] },
          { actor: 's0', role: 'outlet', evidence: [], sources: ['s0'] },
        ],
        disputed: true,
        note: HOSTILE_META,
      },
    ],
    profiles: [
      { source: 's0', words: 50, quotes: 1, claims: 2, singleSourceShare: 1, hedges: [{ term: HOSTILE_META, evidence: [script] }], unsourcedGeneralisations: [], loadedLanguage: [{ term: HOSTILE_META, evidence: [img], neutral: at('s1', b, 'Courier') }], engagementBait: [], nameSpellings: [{ name: HOSTILE_META, others: HOSTILE_META, evidence: [link], otherEvidence: [] }] },
    ],
  };
  // A profile of an unknown shape, rendered generically (Object.assign: the model may type profiles strictly).
  Object.assign(dossier, { profiles: [...(dossier.profiles ?? []), { source: 's1', [HOSTILE_META]: HOSTILE_META, nested: { x: HOSTILE_META } }] });
  return dossier;
}
