import { makeArticle } from '../../model/article.js';
import { analyzeArticleTraced } from '../analyze.js';

/** One attribution as a test sees it: the words, who said them, where the text names them, and the pass that decided. */
export interface Seen {
  text: string;
  speaker: string | null;
  span: string | null;
  pass: string;
  direct: boolean;
}

/** Every quote and indirect attribution of `text`, in order. */
export function attributions(text: string): Seen[] {
  const { analysis, passOf } = analyzeArticleTraced(makeArticle({ origin: 'test', kind: 'text', text }));
  return analysis.quotes.map((q) => ({
    text: q.text,
    speaker: q.speaker,
    span: q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : null,
    pass: passOf.get(q) ?? 'none',
    direct: q.direct,
  }));
}

/** The one attribution decided by `pass`, or undefined. */
export function decidedBy(text: string, pass: string): Seen | undefined {
  return attributions(text).find((a) => a.pass === pass);
}
