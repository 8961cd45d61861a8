import { normaliseBoilerplate, type Article, type BoilerplateSpan } from '../model/article.js';
import { offTopicTail } from './off-topic-tail.js';
import { splicedInsertions } from './splice.js';
import { proseParagraphs, unionOf, wordsOf, type Paragraph } from './story-terms.js';

// Boilerplate only the story as a whole can show: an unrelated story appended to one source, a
// headline spliced into a word. Both compare one source with the others, so they run once every
// source is read, before analysis (src/compare/dossier.ts). Marks are added, never text removed.

interface Reading {
  paragraphs: Paragraph[];
  terms: Set<string>;
}

/** What the passes read of one source: its text and the marks it has. Copies of one page share it. */
function readingKey(article: Article): string {
  return JSON.stringify([article.text, article.boilerplate]);
}

/**
 * The story's articles with the story-level marks added to each one's boilerplate. Copies (same text
 * and marks) are read once (issue 16 item 3): their paragraphs, terms and marks are the same, since a
 * source's marks depend only on its own reading and the story's counts. Each copy still counts.
 */
export function markStoryBoilerplate(articles: readonly Article[]): Article[] {
  const keys = articles.map(readingKey);
  const readings = new Map<string, Reading>();
  const vocabulary = new Set<string>();
  articles.forEach((a, i) => {
    const key = keys[i] ?? '';
    if (readings.has(key)) return;
    const paragraphs = proseParagraphs(a);
    readings.set(key, { paragraphs, terms: unionOf(paragraphs) });
    wordsOf(a.text, vocabulary);
  });
  const total = new Map<string, number>();
  for (const key of keys) for (const t of readings.get(key)?.terms ?? []) total.set(t, (total.get(t) ?? 0) + 1);
  const marksOf = new Map<string, BoilerplateSpan[]>();
  return articles.map((article, i) => {
    const key = keys[i] ?? '';
    let marks = marksOf.get(key);
    if (!marks) {
      const { paragraphs: ps, terms: own } = readings.get(key) ?? { paragraphs: [], terms: new Set<string>() };
      const sourceCount = (t: string): number => (total.get(t) ?? 0) - (own.has(t) ? 1 : 0);
      marks = [...offTopicTail(ps, { otherSources: articles.length - 1, sourceCount }), ...ps.flatMap((p) => splicedInsertions(article.text, p, vocabulary))];
      marksOf.set(key, marks);
    }
    return marks.length ? { ...article, boilerplate: normaliseBoilerplate([...article.boilerplate, ...marks.map((m) => ({ ...m }))]) } : article;
  });
}
