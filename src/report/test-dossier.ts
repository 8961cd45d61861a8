/**
 * A small, realistic dossier built by hand for the report tests: three short invented reports of one
 * invented event, with quotes, claims, a conflict, reuse and boilerplate, every span located by search
 * so it is right by construction. Tests use it until (and besides) the real pipeline.
 */
import { DOSSIER_SCHEMA, type Dossier, type DossierSource } from '../model/dossier.js';
import type { Evidence } from '../model/span.js';

export const TEXTS = {
  a: 'Harbour bridge closed after crack found\n\nThe city engineer, Dana Reyes, said on Monday that "the bridge will stay closed for at least ten days while we repair the crack." About 40,000 drivers use it daily.\n\nRead more: traffic updates',
  b: 'Bridge shut for repairs\n\nCity engineer Dana Reyes told the Courier the bridge "will stay closed for at least ten days." The crack was found by a cyclist on Sunday. About 40,000 drivers use the bridge every day.',
  c: 'Officials close harbour bridge\n\nThe bridge will be closed for 20 days, engineer Dana Reyes said on Tuesday, calling it "a small crack that we will fix fast". Around 40,000 drivers use it daily.\n\nShare this article',
};

function at(source: string, text: string, needle: string, from = 0): Evidence {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`test dossier: "${needle}" not in ${source}`);
  return { source, start, end: start + needle.length, text: needle };
}

/** The hand-built dossier; `overrides` replace the first source's outlet or title (e.g. with hostile text). */
export function testDossier(overrides: Partial<Record<'outlet' | 'title', string>> = {}): Dossier {
  const { a, b, c } = TEXTS;
  const sources: DossierSource[] = [
    { id: 's0', origin: 'reports/a.txt', outlet: overrides.outlet ?? 'Daily Ledger', title: overrides.title ?? 'Harbour bridge closed after crack found', published: '2025-03-03', text: a },
    { id: 's1', origin: 'reports/b.txt', outlet: 'Courier', title: 'Bridge shut for repairs', published: '2025-03-03T14:00:00Z', text: b },
    { id: 's2', origin: 'reports/c.txt', outlet: null, title: 'Officials close harbour bridge', published: null, text: c },
  ];
  return {
    schema: DOSSIER_SCHEMA,
    sources,
    quotes: [
      {
        id: 'q1',
        speaker: 'Dana Reyes',
        variants: [
          { ...at('s0', a, 'the bridge will stay closed for at least ten days while we repair the crack.'), fidelity: 'verbatim', reference: true, speaker: 'Dana Reyes', cue: 'said' },
          {
            ...at('s1', b, 'will stay closed for at least ten days.'),
            fidelity: 'trimmed',
            reference: false,
            speaker: 'Dana Reyes',
            cue: 'told',
            addressee: 'the Courier',
            diff: [
              { op: 'remove', text: 'the bridge ' },
              { op: 'same', text: 'will stay closed for at least ten days' },
              { op: 'remove', text: ' while we repair the crack' },
              { op: 'same', text: '.' },
            ],
          },
        ],
      },
    ],
    claims: [
      { id: 'c1', text: 'About 40,000 drivers use the bridge daily.', status: 'corroborated', independentSources: 3, evidence: [at('s0', a, 'About 40,000 drivers use it daily.'), at('s1', b, 'About 40,000 drivers use the bridge every day.'), at('s2', c, 'Around 40,000 drivers use it daily.')], sources: ['s0', 's1', 's2'] },
      { id: 'c2', text: 'The bridge will stay closed for at least ten days.', status: 'contested', independentSources: 2, evidence: [at('s0', a, 'the bridge will stay closed for at least ten days'), at('s1', b, 'will stay closed for at least ten days')], sources: ['s0', 's1'] },
      { id: 'c3', text: 'A cyclist found the crack on Sunday.', status: 'single-source', independentSources: 1, evidence: [at('s1', b, 'The crack was found by a cyclist on Sunday.')], sources: ['s1'] },
    ],
    conflicts: [
      {
        id: 'k1',
        kind: 'number',
        summary: 'How long the bridge stays closed: ten days or 20 days.',
        sides: [
          { value: 'at least ten days', evidence: [at('s0', a, 'at least ten days'), at('s1', b, 'at least ten days')] },
          { value: '20 days', evidence: [at('s2', c, 'closed for 20 days')] },
        ],
      },
      {
        id: 'k2',
        kind: 'date',
        summary: 'When the engineer spoke: Monday or Tuesday.',
        sides: [
          { value: 'Monday', evidence: [at('s0', a, 'on Monday')] },
          { value: 'Tuesday', evidence: [at('s2', c, 'on Tuesday')] },
        ],
      },
    ],
    reuse: [
      { a: 's0', b: 's2', score: 0.42, kind: 'light-rewrite', derivedFrom: 's0', passages: [{ a: at('s0', a, 'drivers use it daily.'), b: at('s2', c, 'drivers use it daily.') }] },
      { a: 's0', b: 's1', score: 0.12, kind: 'shared-quotes', derivedFrom: null, passages: [] },
    ],
    boilerplate: [
      { ...at('s0', a, 'Read more: traffic updates'), reason: 'read-more link' },
      { ...at('s2', c, 'Share this article'), reason: 'share prompt' },
    ],
    summary: [{ text: 'About 40,000 drivers use the bridge, which is closed for repairs.', evidence: [at('s0', a, 'About 40,000 drivers use it daily.'), at('s1', b, 'About 40,000 drivers use the bridge every day.')] }],
    provenance: [
      {
        id: 'p1',
        subject: { kind: 'quote', id: 'q1' },
        chain: [
          { actor: 'Dana Reyes', role: 'speaker', evidence: [at('s0', a, 'Dana Reyes'), at('s1', b, 'Dana Reyes')], sources: ['s0', 's1'] },
          { actor: 'the Courier', role: 'channel', evidence: [at('s1', b, 'told the Courier')], sources: ['s1'] },
          { actor: 'Daily Ledger', role: 'outlet', evidence: [], sources: ['s0'] },
        ],
        disputed: false,
      },
    ],
    profiles: [
      {
        source: 's2',
        words: 37,
        quotes: 1,
        claims: 2,
        singleSourceShare: 0,
        hedges: [{ term: 'around', evidence: [at('s2', c, 'Around')] }],
        unsourcedGeneralisations: [],
        loadedLanguage: [{ term: 'fix fast', evidence: [at('s2', c, 'fix fast')], neutral: at('s0', a, 'repair the crack') }],
        engagementBait: [],
        nameSpellings: [],
      },
    ],
  };
}
