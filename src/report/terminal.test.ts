import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTerminal } from './terminal.js';
import { testDossier } from './test-dossier.js';
import { hostileDossier } from './test-hostile.js';
import { displayWidth } from './wrap.js';
import { BIDI_CONTROL } from './text.js';

const ESC = '\u001b';
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

void test('every line fits 80 columns by default, and the width given otherwise', () => {
  for (const d of [testDossier(), hostileDossier()]) {
    for (const [width, expected] of [[undefined, 80], [60, 60]] as const) {
      const lines = renderTerminal(d, width === undefined ? {} : { width }).split('\n');
      const wide = lines.filter((l) => displayWidth(l) > expected);
      assert.deepEqual(wide, [], `lines wider than ${expected}`);
    }
  }
});

void test('plain text without colour; colour codes only when asked, with the same visible text', () => {
  const d = testDossier();
  const plain = renderTerminal(d);
  assert.ok(!plain.includes(ESC));
  const coloured = renderTerminal(d, { color: true });
  assert.match(coloured, ANSI);
  assert.equal(coloured.replace(ANSI, ''), plain);
});

void test('shows each section with the findings and fidelity labels in words', () => {
  const d = testDossier();
  const out = renderTerminal(d);
  for (const h of ['At a glance', 'Summary', 'Conflicts (2)', 'Quotes (1)', 'Claims (3)', 'Text reuse (2)']) assert.ok(out.includes(h), h);
  assert.match(out, /\[trimmed\]/);
  assert.match(out, /\[-the bridge-\]/, 'removed words are bracketed, not only coloured');
  for (const k of d.conflicts) for (const side of k.sides) assert.ok(out.includes(side.value), side.value);
  for (const s of d.sources) assert.ok(out.includes(s.id));
});

void test('hostile text cannot emit escape sequences or bidi overrides', () => {
  const out = renderTerminal(hostileDossier());
  assert.ok(!out.includes(ESC));
  assert.doesNotMatch(out, BIDI_CONTROL);
  const controls = [...out].filter((ch) => ch !== '\n' && ((ch.codePointAt(0) ?? 0) < 0x20 || ((ch.codePointAt(0) ?? 0) >= 0x7f && (ch.codePointAt(0) ?? 0) < 0xa0)));
  assert.deepEqual(controls, []);
});
