import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDossier } from './test-dossier.js';
import { agreement, chainSteps, claimStances, copyOfFirst, diffRuns, shownReuse, shownVariants, evidenceBySource, referenceFirst, showsDiff, profileFindings, profileViews, provenanceChains, reuseEdges, sourceName, sourceProfiles } from './view.js';

void test('a source on the other side of a conflict contradicts the claim; others are silent', () => {
  const d = testDossier();
  const contested = d.claims.find((c) => c.status === 'contested');
  assert.ok(contested);
  const st = claimStances(d, contested);
  assert.equal(st.get('s0'), 'supports');
  assert.equal(st.get('s1'), 'supports');
  assert.equal(st.get('s2'), 'contradicts');
  const single = d.claims.find((c) => c.status === 'single-source');
  assert.ok(single);
  assert.deepEqual([...claimStances(d, single).values()], ['silent', 'supports', 'silent']);
});

void test('agreement counts claims by status and grades of non-reference variants', () => {
  const a = agreement(testDossier());
  assert.equal(a.claims, 3);
  assert.equal(a.corroborated + a.contested + a.singleSource, 3);
  assert.equal(a.fidelity.trimmed, 1);
  assert.equal(a.fidelity.verbatim, 0, 'the reference is not counted as a verbatim copy');
  assert.equal(a.dates.first, '2025-03-03');
});

void test('reuse edges point from the original to the source that took its text', () => {
  const d = testDossier();
  assert.deepEqual(reuseEdges(d).map((e) => [e.from, e.to, e.directed]), [['s0', 's2', true], ['s0', 's1', false]]);
  d.reuse.push({ a: 's1', b: 's9', score: 1, passages: [] });
  assert.equal(reuseEdges(d).length, 2, 'pairs naming unknown sources are left out');
});

void test('provenance chains and profiles of the expected shape are read; malformed entries are not', () => {
  const d = testDossier();
  assert.equal(provenanceChains(d).length, 1);
  assert.equal(sourceProfiles(d).length, 1);
  Object.assign(d, { provenance: [...(d.provenance ?? []), 'junk', null, { subject: { kind: 'quote', id: 'q1' }, chain: [{ actor: 'x' }] }] });
  assert.equal(provenanceChains(d).length, 1);
  const [p] = sourceProfiles(d);
  assert.ok(p);
  assert.deepEqual(profileFindings(p).map((k) => k.kind), ['hedges', 'loaded language']);
});

void test('profiles of another shape become display rows', () => {
  const d = testDossier();
  Object.assign(d, { profiles: [{ source: 's0', share: 0.456, tags: ['a', 'b'], deep: { k: 1 } }, 42] });
  const v = profileViews(d);
  assert.equal(v.length, 1);
  assert.equal(v[0]?.source, 's0');
  assert.deepEqual(v[0]?.fields, [['share', '0.46'], ['tags', 'a, b'], ['deep', 'k: 1']]);
});

void test('evidence is collected from every field, including ones added later', () => {
  const d = testDossier() as ReturnType<typeof testDossier> & { extra?: unknown };
  d.extra = [{ nested: { source: 's1', start: 0, end: 6, text: 'Bridge' } }];
  const bySource = evidenceBySource(d);
  assert.ok(bySource.get('s1')?.some((e) => e.start === 0 && e.end === 6));
  assert.equal(bySource.get('s9'), undefined);
});

void test('a source is named by outlet, else title, else file name', () => {
  const [a, , c] = testDossier().sources;
  assert.ok(a && c);
  assert.equal(sourceName(a), 'Daily Ledger');
  assert.equal(sourceName(c), 'Officials close harbour bridge');
  assert.equal(sourceName({ ...c, title: null }), 'c.txt');
});

void test('diff runs get one space between word runs, none before closing punctuation', () => {
  const runs = diffRuns([
    { op: 'same', text: 'bomb the' },
    { op: 'remove', text: 'sh*t' },
    { op: 'add', text: 'living daylights' },
    { op: 'same', text: 'out of Moscow' },
    { op: 'same', text: '.' },
  ]);
  assert.equal(runs.map((r) => (r.spaceBefore ? ' ' : '') + r.text).join(''), 'bomb the sh*t living daylights out of Moscow.');
  const spaced = diffRuns([{ op: 'remove', text: 'the bridge ' }, { op: 'same', text: 'will stay' }, { op: 'remove', text: '' }]);
  assert.deepEqual(spaced.map((r) => [r.text, r.spaceBefore]), [['the bridge', false], ['will stay', true]]);
});

void test('the reference variant comes first, the others keep their order', () => {
  const vs = [{ reference: false, n: 1 }, { reference: true, n: 2 }, { reference: false, n: 3 }];
  assert.deepEqual(referenceFirst(vs).map((v) => v.n), [2, 1, 3]);
});

void test('a diff is shown only when it has an addition or removal', () => {
  const base = { source: 's0', start: 0, end: 1, text: 'x', fidelity: 'verbatim' as const, speaker: null };
  assert.equal(showsDiff({ ...base, reference: false, diff: [{ op: 'same', text: 'x' }] }), false);
  assert.equal(showsDiff({ ...base, reference: false, diff: [{ op: 'same', text: 'x' }, { op: 'add', text: 'y' }] }), true);
  assert.equal(showsDiff({ ...base, reference: true, diff: [{ op: 'add', text: 'y' }] }), false);
  assert.equal(showsDiff({ ...base, reference: false }), false);
});

void test('a chain shows its outlet steps as one list of the sources carrying it', () => {
  const [p] = provenanceChains(testDossier());
  assert.ok(p);
  const { steps, carriedBy } = chainSteps(p);
  assert.deepEqual(steps.map((s) => s.role), ['speaker', 'channel']);
  assert.deepEqual(carriedBy, ['s0']);
});

void test('identical copies fold: one rendering and one reuse row per article, with the copies counted; a copy that differs stays its own', () => {
  const sources = ['s0', 's1', 's2', 's3'].map((id) => ({ id, origin: `${id}.txt` })) as unknown as Parameters<typeof copyOfFirst>[0]['sources'];
  const copyOf = copyOfFirst({ sources, warnings: [{ kind: 'identical-inputs', sources: ['s0', 's1', 's2'], message: '' }] });
  assert.deepEqual([...copyOf], [['s1', 's0'], ['s2', 's0']]);
  const v = (source: string, text: string, reference = false): { source: string; text: string; reference: boolean } => ({ source, text, reference });
  const shown = shownVariants([v('s1', 'We will rebuild.'), v('s0', 'We will rebuild.', true), v('s2', 'We will rebuild it.'), v('s3', 'We will rebuild.')], copyOf);
  assert.deepEqual(shown.map((s) => [s.variant.source, s.copies]), [['s0', 1], ['s2', 0], ['s3', 0]], 's2 changed the words: shown; s3 is no copy: shown');
  const r = (a: string, b: string, kind: string, score: number): { a: string; b: string; kind: string; score: number } => ({ a, b, kind, score });
  const rows = shownReuse([r('s0', 's1', 'copy', 1), r('s0', 's2', 'copy', 1), r('s0', 's3', 'light-rewrite', 0.8)], copyOf);
  assert.deepEqual(rows.map((x) => [x.pair.b, x.copies, x.first]), [['s1', 2, 's0'], ['s3', 0, null]]);
});
