import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDossier } from '../compare/dossier.js';
import { makeArticle } from '../model/article.js';
import { renderMarkdown } from './markdown.js';
import { renderTerminal } from './terminal.js';

// Thirty identical inputs are one article: the reports list it once, with its copies named in one
// line, and the markdown figures read "30 (1 independent)".

const TEXT = 'Harbour wall gives way\nThe harbour wall at Harbourton gave way in a storm on Monday, the port authority said. Ten boats were damaged.\n';
const copies = Array.from({ length: 30 }, (_, i) => makeArticle({ origin: `/in/copy${String(i + 1).padStart(2, '0')}.txt`, kind: 'text', text: TEXT, meta: { outlet: 'Coast News' } }));
const other = makeArticle({ origin: '/in/other.txt', kind: 'text', text: 'Library fire\nA fire closed the Dunmore library on Sunday night and nobody was hurt, according to fire crews at the scene.\n', meta: { outlet: 'Bay Times' } });
const dossier = buildDossier([...copies, other]);

void test('the terminal report lists thirty identical copies as one source with one line naming them', () => {
  const out = renderTerminal(dossier);
  const glance = out.slice(out.indexOf('At a glance'), out.indexOf('Dates:'));
  assert.equal(glance.match(/Coast News/g)?.length, 1, glance);
  assert.match(glance, /30 copies of one article: copy01\.txt, copy02\.txt, … \(28 more\)/);
  assert.match(glance, /Bay Times/);
  assert.doesNotMatch(glance, /copies of one article[^\n]*\n[^\n]*Bay Times[^\n]*copies/);
});

void test('markdown lists the copies once and spaces the independent count', () => {
  const md = renderMarkdown(dossier);
  const rows = md.split('\n').filter((l) => /^\| s\d+ \| /.test(l));
  assert.equal(rows.length, 2, rows.join('\n'));
  assert.match(rows[0]!, /30 copies of one article: copy01\.txt, copy02\.txt, … \\?\(28 more\\?\)/);
  assert.match(md, /- \*\*Sources:\*\* 31 \(2 independent\)\./);
});

void test('two different articles are two rows with no copies line', () => {
  const out = renderTerminal(buildDossier([copies[0]!, other]));
  assert.doesNotMatch(out, /copies of one article/);
});

void test('a quote in thirty identical copies counts as one rendering in the figures', () => {
  const quoted = 'Harbour wall gives way\nThe harbour wall gave way on Monday. "We have never seen a storm like it," harbour master Ilse Brandt said.\n';
  const many = Array.from({ length: 30 }, (_, i) => makeArticle({ origin: `/in/q${i}.txt`, kind: 'text', text: quoted, meta: { outlet: 'Coast News' } }));
  const second = makeArticle({ origin: '/in/bay.txt', kind: 'text', text: 'Storm breaks harbour wall\n"We have never seen a storm like it," said Ilse Brandt, the harbour master, after the wall fell.\n', meta: { outlet: 'Bay Times' } });
  const d = buildDossier([...many, second]);
  assert.equal(d.quotes.length, 1);
  assert.equal(d.quotes[0]?.variants.length, 31, 'the dossier keeps every rendering');
  assert.match(renderTerminal(d), /Quotes: 1 \(2 renderings/);
});
