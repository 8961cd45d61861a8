import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../../model/article.js';
import type { Conflict } from '../../model/dossier.js';
import { analyzeArticle } from '../../nlp/analyze.js';
import { markContested } from '../finish.js';
import { buildSourceDoc } from '../source-doc.js';
import { holdsSingle, mergeDuplicateGroups, saidBroadly } from './dedupe.js';
import { LexicalMatcher } from '../matcher.js';
import { words } from '../text/tokens.js';
import { compareClaims } from './index.js';
import { isStatement, statementOf, type ClaimUnit } from './units.js';

// Texts written for these tests.
const doc = (text: string, i = 0): ReturnType<typeof buildSourceDoc> => {
  const a = makeArticle({ origin: `t${i}.txt`, kind: 'text', text });
  return buildSourceDoc(a, analyzeArticle(a), i);
};
const unitOf = (d: ReturnType<typeof doc>, piece: string): ClaimUnit => {
  const start = d.text.indexOf(piece);
  return { source: d.index, start, end: start + piece.length, words: [], keys: [] };
};

void test('a quote introduction or a clause ending in a colon is no statement; a sentence is', () => {
  const d = doc('The mayor spoke on Monday. In the recording, the mayor can be heard saying "we will rebuild the bridge."\nHe added:\nThe bridge will reopen in May.');
  assert.equal(isStatement(d, unitOf(d, 'The mayor spoke on Monday.')), true);
  assert.equal(isStatement(d, unitOf(d, 'In the recording, the mayor can be heard saying')), false);
  assert.equal(isStatement(d, unitOf(d, 'He added:')), false);
});

void test('a quote introduction closing with a reporting participle states what comes before it', () => {
  const d = doc('Minister Lind then went on to suggest the tape could even be forged, adding: "We have seen many fakes."\nMarek said: "No."\nThe crowd left the square, running: "Go!"');
  const withWords = (piece: string): ClaimUnit => {
    const u = unitOf(d, piece);
    return { ...u, words: words(d.text, u.start, u.end) };
  };
  const intro = withWords('Minister Lind then went on to suggest the tape could even be forged, adding');
  const own = statementOf(d, intro, 5);
  assert.equal(own && d.text.slice(own.start, own.end), 'Minister Lind then went on to suggest the tape could even be forged');
  assert.equal(statementOf(d, withWords('Marek said'), 1), null, 'a bare introduction states nothing');
  assert.equal(statementOf(d, withWords('The crowd left the square, running'), 3), null, 'only reporting participles');
  assert.equal(statementOf(d, intro, 20), null, 'too short a statement is none');
  const whole = withWords('Marek said: "No."');
  assert.equal(statementOf(d, whole, 1), whole, 'a statement is itself');
});

void test('a sentence nearly every other source says in part is no single-source claim', () => {
  // Weighted Dice of two shared keys out of eight each: 0.25, over the 0.2 that counts as "in part".
  const own = ['tape', 'reveal', 'varga', 'threat', 'bridge', 'dinner', 'donor', 'velby'];
  const other = (i: number, shared: string[]): ClaimUnit => ({ source: i, start: 0, end: 1, words: [], keys: [...shared, ...['a', 'b', 'c', 'd', 'e', 'f'].map((k) => `${k}${i}`)] });
  const u: ClaimUnit = { source: 0, start: 0, end: 1, words: [], keys: own };
  const all = [other(1, ['tape', 'varga']), other(2, ['bridge', 'threat']), other(3, ['dinner', 'donor']), other(4, ['velby', 'reveal'])];
  const m = new LexicalMatcher([u, ...all], false);
  assert.ok(all.every((o) => m.similarity(u, o) >= 0.2 && m.similarity(u, o) < 0.4), 'each link is weak');
  assert.equal(saidBroadly(u, all, m, 5), true, 'all four other sources say part of it');
  assert.equal(saidBroadly(u, all.slice(0, 3), m, 5), false, 'three of four is not nearly every source');
  assert.equal(saidBroadly(u, all.slice(0, 2), m, 3), false, 'never fewer than three sources');
});

void test('a sentence holding a single-source clause is marked, a sentence near it is not', () => {
  const span = (source: number, start: number, end: number): ClaimUnit => ({ source, start, end, words: [], keys: [] });
  const holds = holdsSingle([{ units: [span(2, 40, 90)] }]);
  assert.equal(holds(span(2, 0, 120)), true, 'the whole sentence holds the clause');
  assert.equal(holds(span(2, 0, 60)), false, 'a sentence overlapping a little does not');
  assert.equal(holds(span(1, 0, 120)), false, 'another source never does');
});

void test('groups whose evidence mostly overlaps, or that read as one sentence, are one claim', () => {
  const u = (source: number, start: number, end = start + 10): ClaimUnit => ({ source, start, end, words: [], keys: [] });
  const big = [u(0, 0), u(1, 0), u(2, 0)];
  const dup = [u(0, 2, 8), u(1, 3, 9), u(3, 0)];
  const other = [u(0, 50), u(1, 50)];
  const merged = mergeDuplicateGroups([big, dup, other], 3, (g) => g[0] as ClaimUnit);
  assert.equal(merged.length, 2);
  assert.deepEqual(merged[0]?.map((x) => x.source).sort(), [0, 1, 2, 3], 'the duplicate adds its new source');
  assert.deepEqual(merged[1], other);
  // Disjoint evidence (one source in common) whose central sentences state one fact: one claim via sameFact.
  const twin = [u(1, 80), u(2, 80)];
  const same = (a: ClaimUnit, b: ClaimUnit): boolean => a.start === 50 && b.start === 80;
  assert.equal(mergeDuplicateGroups([other, twin], 3, (g) => g[0] as ClaimUnit).length, 2);
  const one = mergeDuplicateGroups([other, twin], 3, (g) => g[0] as ClaimUnit, (a, b) => same(a, b) || same(b, a));
  assert.equal(one.length, 1);
  assert.deepEqual(one[0]?.map((x) => `${x.source}:${x.start}`).sort(), ['0:50', '1:50', '1:80', '2:80']);
});

void test('one fact in three outlets\u2019 words is one corroborated claim; its headline joins it', () => {
  const texts = [
    'Storm closes Vellmar ferry\nThe Vellmar ferry stopped running on Sunday after a storm damaged its landing ramp, the operator said.',
    'Ferry halted by storm damage\nA storm damaged the landing ramp of the Vellmar ferry, which stopped running on Sunday.',
    'The operator of the Vellmar ferry halted the service on Sunday because the storm had damaged the ramp.',
  ];
  const docs = texts.map((t, i) => doc(t, i));
  const stage = compareClaims(docs, { clusters: [], units: [], groups: [] });
  const shared = stage.groups.filter((g) => g.claim.status === 'corroborated');
  assert.equal(shared.length, 1, shared.map((g) => g.claim.text).join(' | '));
  assert.deepEqual(shared[0]?.claim.sources, ['s0', 's1', 's2']);
});

void test('a claim is contested only when a source of it holds another side than another source', () => {
  const docs = [doc('The ferry carried 40 passengers on Sunday when the ramp broke in the storm.', 0), doc('The ferry carried 40 passengers on Sunday when its ramp broke in a storm.', 1)];
  const stage = compareClaims(docs, { clusters: [], units: [], groups: [] });
  const claim = stage.groups.find((g) => g.claim.status === 'corroborated')?.claim;
  assert.ok(claim);
  const ev = (i: number) => claim.evidence[i] as Conflict['sides'][number]['evidence'][number];
  const side = (value: string, e: ReturnType<typeof ev>[]): Conflict['sides'][number] => ({ value, evidence: e });
  const mine: Conflict = { id: 'x', kind: 'number', summary: 's', sides: [side('40', [ev(0)]), side('41', [ev(0)])] };
  const real: Conflict = { id: 'y', kind: 'number', summary: 's', sides: [side('40', [ev(0)]), side('41', [ev(1)])] };
  assert.equal(markContested(stage, [mine])[0]?.status, 'corroborated', 'one source on both sides is no source against');
  assert.equal(markContested({ ...stage, groups: stage.groups.filter((g) => g.claim === claim) }, [real])[0]?.status, 'contested');
});

void test('a figure counting different things is not one fact; an age and its bare figure meet', async () => {
  const { sameCount } = await import('./figures.js');
  const { claimUnits } = await import('./units.js');
  const d = doc('The 40-wagon train stopped at the bridge on Sunday. Nine of the 40 wagons left the rails near Vellmar. A ferry sailed 40 minutes before the crash, the operator said.');
  const units = claimUnits(d);
  const kept = sameCount('40', units).map((u) => d.text.slice(u.start, u.end));
  assert.equal(kept.length, 2, kept.join(' | '));
  assert.ok(kept.every((t) => t.includes('wagon')));
  const age = doc('The 52-year-old skipper steered the ferry home on Monday.');
  assert.ok(claimUnits(age)[0]?.keys.includes('52'), 'an age keys as its bare figure');
  const sums = doc('The town council approved a 12bn-euro harbour loan on Monday. The council also bought euro45 worth of paint for the harbour.');
  const [loan, paint] = claimUnits(sums);
  assert.ok(loan?.keys.includes('12') && paint?.keys.includes('45'), 'a sum glued to its scale or currency keys as its bare figure');
  assert.ok(!claimUnits(d)[0]?.keys.includes('40'), 'a figure bound to a counted word does not');
});

void test('a single-source claim whose content the other sources say is dropped; one with a detail of its own stays', async () => {
  const { dropSaidElsewhere } = await import('./index.js');
  const u = (source: number, keys: string[]): ClaimUnit => ({ source, start: 0, end: 10, words: [], keys });
  const restated = { units: [u(0, ['ferry', 'ramp', 'storm', 'sunday'])] };
  const detail = { units: [u(0, ['ferry', 'ramp', 'welder', 'kessling'])] };
  const others = [u(1, ['storm', 'ramp', 'sunday']), u(2, ['ferry', 'operator'])];
  const all = [...restated.units, ...detail.units, ...others];
  const weight = (k: string): number => (k === 'kessling' ? 3 : 1);
  assert.deepEqual(dropSaidElsewhere([restated, detail], all, weight), [detail]);
  // The same words said only by the claim's own source are no one else's.
  assert.deepEqual(dropSaidElsewhere([restated], [...restated.units, u(0, ['storm', 'ramp', 'sunday', 'ferry'])], weight), [restated]);
});

void test('two outlets giving one distinctive figure for one thing corroborate it', () => {
  // Enough other sentences that the figure is rare in the story, as a story's figures are.
  const filler = (who: string): string =>
    ['harbour', 'bakery', 'library', 'orchard', 'chapel', 'stadium', 'tannery', 'brewery', 'quarry', 'market', 'museum', 'depot']
      .map((place, i) => `The ${place} near ${who} ${['closed early', 'stayed open late', 'lost its roof'][i % 3]} during the week of the snow.`)
      .join(' ');
  const texts = [
    `Rescuers searched the hills above Tarnow. The shepherds said 317 sheep were lost in the blizzard. ${filler('Tarnow')}`,
    `A regional radio station reported snow across the valley. Farmers counted 317 sheep missing after the storm passed. ${filler('Kelm')}`,
  ];
  const docs = texts.map((t, i) => doc(t, i));
  const stage = compareClaims(docs, { clusters: [], units: [], groups: [] });
  const claim = stage.groups.find((g) => g.claim.status === 'corroborated' && g.claim.evidence.every((e) => e.text.includes('317')));
  assert.ok(claim, stage.groups.map((g) => `${g.claim.status}: ${g.claim.text}`).join(' | '));
  assert.deepEqual(claim.claim.sources, ['s0', 's1']);
});

void test('a sentence too long to be one piece of evidence is cut into its clauses', async () => {
  const { claimUnits } = await import('./units.js');
  const long =
    'The ferry operator in Vellmar said on Sunday that the landing ramp had been damaged by the storm that swept the coast overnight, ' +
    'which forced the crew to turn back two crossings carrying more than forty passengers each; the harbour master, who inspected the ramp at dawn, ' +
    'said repairs would take at least a week and that a replacement boat would be brought from the northern yard.';
  assert.ok(long.length > 320);
  const d = doc(`${long} The ferry runs every hour in summer.`);
  const units = claimUnits(d);
  const texts = units.map((u) => d.text.slice(u.start, u.end));
  assert.ok(units.length >= 3, texts.join(' | '));
  assert.ok(units.every((u) => u.end - u.start <= 320), texts.join(' | '));
  assert.ok(texts.some((t) => t.includes('harbour master')) && texts.some((t) => t.includes('ferry operator')), texts.join(' | '));
});
