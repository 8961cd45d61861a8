import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributions } from '../testing.js';

void test('pronoun-to-recent-subject', () => {
  const text = 'Senator Mara Quist left the chamber early. Reporters followed her outside.\n"I have said all I will say," she said.';
  assert.equal(attributions(text).find((a) => a.direct)?.speaker, 'Mara Quist');
});

void test('descriptor-to-the-person-described', () => {
  const text = 'Club spokesman Ruben Afolabi spoke briefly. "We will publish the figures tomorrow," the spokesman said.';
  assert.equal(attributions(text).find((a) => a.direct)?.speaker, 'Ruben Afolabi');
});

void test('they-names-no-one-person', () => {
  const text = 'Lena Ortiz and Sam Boyd met the strikers. "We are not going back," they said.';
  const q = attributions(text).find((a) => a.direct);
  assert.deepEqual([q?.speaker, q?.span], [null, 'they']);
});

void test('unresolved-descriptor-stays-as-written', () => {
  const q = attributions('"The talks are over," a senior diplomat said.').find((a) => a.direct);
  assert.equal(q?.speaker, 'a senior diplomat');
});

void test('pronoun-to-the-speaker-quoted-since-the-subject', () => {
  const de = 'Die Gemeinde Holmdorf hat den Hafen am Montag geschlossen. „Die Mauer ist zu alt“, sagte Hafenmeisterin Ute Brandt.\n\n„Wir hatten keine Wahl“, sagte sie.';
  assert.match(attributions(de).filter((a) => a.direct)[1]?.speaker ?? '', /Ute Brandt$/);
  const en = 'The Holm Harbour Board closed the quay on Monday. "The wall is too old," said harbour master Ute Brandt.\n\n"We had no choice," she said.';
  assert.equal(attributions(en).filter((a) => a.direct)[1]?.speaker, 'Ute Brandt');
});
