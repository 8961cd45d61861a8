import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { alternation } from './common.js';
import { lexiconLines } from '../lexicon.js';
import { foldText, gated, gatedRegex, keyWords, mayMatch } from './word-gate.js';

/** Every phrase list of a JSON lexicon: its arrays of strings, and the keys of its maps of them. */
function phraseLists(file: string): string[][] {
  const lex = JSON.parse(lexiconLines(file).join('\n')) as Record<string, unknown>;
  const out: string[][] = [];
  for (const v of Object.values(lex)) {
    if (Array.isArray(v)) out.push(v.filter((x): x is string => typeof x === 'string'));
    else if (v && typeof v === 'object') {
      const values = Object.values(v as Record<string, unknown>);
      if (values.every((x) => Array.isArray(x))) out.push((values as string[][]).flat());
    }
  }
  return out.filter((l) => l.length > 0);
}

// The word test that spares building a lexicon regex must never turn away a text the regex
// matches: the phrases of the lexicons gated this way, in any case, with ſ for s and the Kelvin sign
// for k (both match in a case-insensitive Unicode regex), hyphens for spaces, next to letters or not.
void test('word gate: a text a phrase regex matches always passes the word test', () => {
  const variants = [(p: string) => p, (p: string) => p.toUpperCase(), (p: string) => p.replace(/s/g, 'ſ'), (p: string) => p.replace(/k/gi, '\u212a'), (p: string) => p.replace(/ /g, '-'), (p: string) => p.replace(/^./, (c) => c.toUpperCase())];
  for (const file of ['motive.json', 'thing-attributes.json', 'intervener.json', 'reasons.json']) {
    for (const phrases of phraseLists(file)) {
      for (const flags of ['giu', 'gu']) {
        const g = gated(String.raw`(?<![\p{L}-])(?:${alternation(phrases).replace(/ /g, String.raw`[\s-]+`)})(?![\p{L}])`, flags, [phrases]);
        const re = new RegExp(g.source, g.flags);
        fc.assert(
          fc.property(fc.constantFrom(...phrases), fc.nat(variants.length - 1), fc.constantFrom('', ' ', 'é', 'x', '-', 'İ'), (phrase, v, edge) => {
            const text = `The officer said on Monday that ${edge}${(variants[v] as (p: string) => string)(phrase)}${edge} was the finding.`;
            re.lastIndex = 0;
            return !re.test(text) || mayMatch(g, [foldText(text)]);
          }),
          { numRuns: 200 },
        );
      }
    }
  }
});

void test('word gate: every needed part must show; a text without one builds no regex', () => {
  const g = gated(String.raw`\b(?:attack|stabbing)\s+was\s+linked\s+to\b`, 'giu', [['attack', 'stabbing'], ['linked to']]);
  assert.equal(gatedRegex(g, [foldText('The attack came at night.')]), null);
  assert.equal(g.re, null);
  assert.equal(gatedRegex(g, [foldText('It was linked to nothing.')]), null);
  assert.ok(gatedRegex(g, [foldText('The STABBING was LINKED to a feud.')])?.test('The STABBING was LINKED to a feud.'));
  assert.deepEqual(keyWords(['linked to', 'carried-out']), ['linked', 'carried']);
  assert.equal(keyWords(['linked to', '’s']), null);
});
