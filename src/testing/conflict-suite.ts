import { buildDossier } from '../compare/dossier.js';
import { makeArticle } from '../model/article.js';
import type { Conflict, ConflictKind } from '../model/dossier.js';
import type { Span } from '../model/span.js';
import { EDITS, seededRng, type Edit } from './conflict-edits.js';

/**
 * The behavioural conflict suite: each case is one sentence with the sentences around it. An edit of
 * the sentence goes into source B, the original into source A, the context is the same in both (so
 * the two are read as one story), and the dossier is built. A fact-changing edit passes when a
 * conflict of its kind has a side in each source's edited sentence; a fact-keeping edit passes when
 * no conflict touches it.
 */
export interface SuiteCase {
  sentence: string;
  before: string[];
  after: string[];
}

export interface EditTally {
  edit: string;
  expects: ConflictKind | null;
  cases: number;
  passed: number;
  /** A few failures, for reading: the original and the edited sentence. */
  failures: string[];
}

const FAILURES_KEPT = 8;

function storyOf(c: SuiteCase, sentence: string, origin: string): { article: ReturnType<typeof makeArticle>; span: Span } {
  const head = c.before.join(' ');
  const start = head ? head.length + 1 : 0;
  const text = [...c.before, sentence, ...c.after].join(' ');
  return { article: makeArticle({ origin, kind: 'text', text }), span: { start, end: start + sentence.length } };
}

const touches = (c: Conflict, source: string, span: Span): boolean =>
  c.sides.some((side) => side.evidence.some((e) => e.source === source && e.start < span.end && span.start < e.end));

/** Whether the dossier of the original and the edited sentence does what the edit requires, and the conflicts that touch them. */
export function check(edit: Edit, c: SuiteCase, edited: string): { ok: boolean; conflicts: Conflict[] } {
  const a = storyOf(c, c.sentence, 'original.txt');
  const b = storyOf(c, edited, 'edited.txt');
  const conflicts = buildDossier([a.article, b.article]).conflicts.filter((x) => touches(x, 's0', a.span) || touches(x, 's1', b.span));
  if (edit.expects === null) return { ok: conflicts.length === 0, conflicts };
  return { ok: conflicts.some((x) => x.kind === edit.expects && touches(x, 's0', a.span) && touches(x, 's1', b.span)), conflicts };
}

/** Every edit on every case it applies to (at most `perEdit` of them, picked by the seeded PRNG). */
export function runConflictSuite(cases: SuiteCase[], seed: number, perEdit = Infinity, edits: readonly Edit[] = EDITS): EditTally[] {
  return edits.map((edit, i) => {
    const rng = seededRng(seed + i);
    const order = cases.map((c) => ({ c, key: rng() })).sort((x, y) => x.key - y.key).map((x) => x.c);
    const tally: EditTally = { edit: edit.name, expects: edit.expects, cases: 0, passed: 0, failures: [] };
    for (const c of order) {
      if (tally.cases >= perEdit) break;
      const edited = edit.apply(c.sentence, rng);
      if (edited === null || edited === c.sentence) continue;
      tally.cases++;
      const r = check(edit, c, edited);
      if (r.ok) tally.passed++;
      else if (tally.failures.length < FAILURES_KEPT) tally.failures.push(`${c.sentence} => ${edited}${r.conflicts.length ? ` [reported: ${r.conflicts.map((x) => x.summary).join(' | ')}]` : ''}`);
    }
    return tally;
  });
}

/** Pass rate of a tally (1 when no case applied). */
export const rateOf = (t: EditTally): number => (t.cases ? t.passed / t.cases : 1);
