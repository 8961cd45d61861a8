import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle } from '../model/article.js';
import { schemaErrors } from '../model/validate.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderTerminal } from '../report/terminal.js';
import { renderHtml } from '../report/html/page.js';
import { extractLine } from '../cli/commands/extract.js';
import { buildDossier } from './dossier.js';

// Two short reports of our own, one in a language the language layer reads and one it does not.
const english = makeArticle({ origin: 'en.txt', kind: 'text', text: 'The bridge over the Sarre was closed on Monday for repairs. "Safety comes first," Mayor Pierre Lambert said on Tuesday.' });
const italian = makeArticle({ origin: 'it.txt', kind: 'text', text: 'Il ponte sul fiume è stato chiuso lunedì per lavori. «La sicurezza viene prima di tutto», ha detto martedì il sindaco Pierre Lambert.' });

void test('each source records its language; an unsupported one carries a plain warning in every report', () => {
  const d = buildDossier([english, italian]);
  assert.deepEqual(schemaErrors('dossier', d), []);
  assert.deepEqual(d.sources.map((s) => [s.language?.code, s.language?.supported]), [['en', true], ['it', false]]);
  assert.equal(d.sources[0]?.language?.note, undefined);
  const note = d.sources[1]?.language?.note ?? '';
  assert.match(note, /language 'it' is not supported/);
  assert.ok(renderMarkdown(d).includes(note));
  assert.ok(renderTerminal(d, { color: false, width: 200 }).includes('warning s1'));
  assert.ok(renderHtml(d).includes('<p class="warning"><b>Warning (s1):</b>'));
  // The Italian quote's speaker is not guessed by English rules.
  assert.ok(d.quotes.every((c) => c.variants.every((v) => v.source !== 's1' || v.speaker === null)));
});

void test('extract records the language and warns about an unsupported one', () => {
  assert.equal(extractLine(english).language, 'en');
  assert.equal(extractLine(english).warnings, undefined);
  const it = extractLine(italian);
  assert.equal(it.language, 'it');
  assert.match(it.warnings?.[0] ?? '', /not supported by the language layer/);
});
