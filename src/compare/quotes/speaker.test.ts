import { test } from 'node:test';
import assert from 'node:assert/strict';
import { speakerKey } from './speaker.js';

void test('speaker key: the surname, skipping a generational suffix and a possessive', () => {
  assert.equal(speakerKey('Leon Varga Jr.'), 'Varga');
  assert.equal(speakerKey('Leon Varga III'), 'Varga');
  assert.equal(speakerKey('Leon Varga'), 'Varga');
  assert.equal(speakerKey('Varga’s'), 'Varga');
  assert.equal(speakerKey(null), null);
});
