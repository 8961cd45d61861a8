import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordConflicts } from './number-record.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented coaches and teams: one record told two ways, or two records of one person.

void test('two records of one coach over the same stretch are a number conflict', () => {
  const docs = docsOf('Coach Brandt is 101-87 in three-plus seasons with the Varn Rovers.', 'Brandt compiled a 120-71 record in three-plus seasons before he was fired.');
  const [c, ...rest] = recordConflicts(docs);
  assert.equal(rest.length, 0);
  assert.equal(c?.kind, 'number');
  assert.deepEqual(c?.sides.map((s) => s.value).sort(), ['101-87', '120-71']);
});

void test('another team named last, another stretch, or a game score are no dispute', () => {
  assert.deepEqual(recordConflicts(docsOf('Brandt is 101-87 in three-plus seasons with the Rovers.', 'He came from Esterby, where he was 120-71 in three-plus seasons.')), []);
  assert.deepEqual(recordConflicts(docsOf('Brandt is 101-87 in three-plus seasons with the Rovers.', 'Brandt has an overall record of 300-280 across his career.')), []);
  assert.deepEqual(recordConflicts(docsOf('Brandt was 24-21 win in three-plus seasons.', 'Brandt was 30-10 in three-plus seasons.')), []);
});
