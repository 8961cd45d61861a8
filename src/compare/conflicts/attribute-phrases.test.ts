import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { attributes, foldedTexts, mayHold } from './attribute-phrases.js';
import { docsOf } from '../../testing/source-docs.js';

// The text test that spares building an attribute's phrase regex must never turn away a story the
// regex matches: every phrase, in any case, with ſ for s and the Kelvin sign for k (both match in a
// case-insensitive Unicode regex), hyphens for spaces, next to letters or not.
void test('attribute phrases: a story the phrase regex matches always passes the text test', () => {
  const variants = [(p: string) => p, (p: string) => p.toUpperCase(), (p: string) => p.replace(/s/g, 'ſ'), (p: string) => p.replace(/k/g, '\u212a'), (p: string) => p.replace(/ /g, '-')];
  for (const c of attributes()) {
    const re = new RegExp(c.source, 'giu');
    fc.assert(
      fc.property(fc.constantFrom(...c.valueOf.keys()), fc.nat(variants.length - 1), fc.constantFrom('', ' ', 'é', 'x'), (phrase, v, edge) => {
        const docs = docsOf(`The officer said on Monday that ${edge}${(variants[v] as (p: string) => string)(phrase)}${edge} was the finding.`);
        re.lastIndex = 0;
        return !re.test(docs[0]?.text ?? '') || mayHold(c, foldedTexts(docs));
      }),
      { numRuns: 300 },
    );
  }
});

void test('attribute phrases: a story naming none of an attribute\'s key words builds no regex for it', () => {
  const folded = foldedTexts(docsOf('The council met on Monday and approved the budget.'));
  assert.ok(attributes().some((c) => !mayHold(c, folded)));
});
