import { normaliseBoilerplate, type Article } from '../model/article.js';
import { offTopicTail } from './off-topic-tail.js';
import { splicedInsertions } from './splice.js';
import { proseParagraphs, unionOf, wordsOf, type Paragraph } from './story-terms.js';

// Boilerplate only the story as a whole can show: an unrelated story appended to one source, a
// headline spliced into a word. Both compare one source with the others, so they run once every
// source is read, before analysis (src/compare/dossier.ts). Marks are added, never text removed.

/** The story's articles with the story-level marks added to each one's boilerplate. */
export function markStoryBoilerplate(articles: readonly Article[]): Article[] {
  const paragraphs: Paragraph[][] = articles.map((a) => proseParagraphs(a));
  const terms = paragraphs.map((ps) => unionOf(ps));
  const total = new Map<string, number>();
  for (const ts of terms) for (const t of ts) total.set(t, (total.get(t) ?? 0) + 1);
  const vocabulary = new Set<string>();
  for (const a of articles) wordsOf(a.text, vocabulary);
  return articles.map((article, i) => {
    const ps = paragraphs[i] ?? [];
    const own = terms[i] ?? new Set<string>();
    const sourceCount = (t: string): number => (total.get(t) ?? 0) - (own.has(t) ? 1 : 0);
    const marks = [...offTopicTail(ps, { otherSources: articles.length - 1, sourceCount }), ...ps.flatMap((p) => splicedInsertions(article.text, p, vocabulary))];
    return marks.length ? { ...article, boilerplate: normaliseBoilerplate([...article.boilerplate, ...marks]) } : article;
  });
}
