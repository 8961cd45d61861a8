import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { patterns, verbAfterComma } from './03-trailing.js';

// The test that spares building the inverted pattern must never turn away a sentence it matches:
// any verb form after any comma, with spaces of any kind (or none) around it, in any case.
void test('trailing: a sentence the inverted pattern matches always passes verbAfterComma', () => {
  const p = patterns();
  const re = new RegExp(p.invertedSource, 'd');
  const forms = [...p.forms];
  const gaps = ['', ' ', '  ', '\u00a0', '\n', '\t', '\u2009'];
  fc.assert(
    fc.property(fc.constantFrom(...forms), fc.constantFrom(...gaps), fc.constantFrom(...gaps.slice(1)), fc.boolean(), fc.constantFrom('', ', a professor at the college', '.'), (form, before, after, upper, tail) => {
      const verb = upper ? form.toUpperCase() : form;
      const sentence = `The strike would last a week,${before}${verb}${after}Ruth Ainsley${tail}`;
      return !re.test(sentence) || verbAfterComma(sentence, p.forms);
    }),
    { numRuns: 2000 },
  );
});

void test('trailing: no verb form right after a comma, no inverted pattern', () => {
  const { forms } = patterns();
  assert.ok(verbAfterComma('The strike would last a week, said Ruth Ainsley.', forms));
  assert.ok(!verbAfterComma('The strike, which began on Monday, would last a week.', forms));
  assert.ok(!verbAfterComma('The strike would last a week, Ruth Ainsley said.', forms));
});
