import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lexicons } from '../lexicon.js';
import { descriptorConflicts, mayHoldAppositive } from './descriptor.js';
import { docsOf } from '../../testing/source-docs.js';

// The test that spares building the appositive regex must pass every text that regex reads: each
// title of the lexicon, lower-case, with a comma and a name after it, holds one of the needles.
void test('descriptor: every lower-case title before a comma and a name passes the word test', () => {
  for (const title of lexicons().titles) {
    for (const prefix of ['the ', 'former ', 'the ex-', 'the transport ']) {
      const text = `Officials said ${prefix}${title}, Ruth Ainsley, would speak.`;
      assert.ok(mayHoldAppositive(text), text);
    }
  }
  assert.ok(mayHoldAppositive(`the minister,${' \n'.repeat(20)}Ruth Ainsley`));
  assert.ok(!mayHoldAppositive('The Transport Minister Ruth Ainsley spoke.'));
  assert.ok(!mayHoldAppositive('Peskov, the Kremlin spokesperson, asserts that the talks failed.'));
});

void test('descriptor: the appositive form still counts as a stance', () => {
  const docs = docsOf(
    'The former transport minister, Ruth Ainsley, said the line would reopen.',
    'Transport Minister Ruth Ainsley said the line would reopen.',
    'Transport Minister Ruth Ainsley told reporters the line would reopen.',
  );
  assert.equal(descriptorConflicts(docs).length, 1);
});
