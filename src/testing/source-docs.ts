import { makeArticle } from '../model/article.js';
import { analyzeArticle } from '../nlp/analyze.js';
import { buildSourceDoc, type SourceDoc } from '../compare/source-doc.js';

/** Source documents of plain texts, one per text, numbered in order (the comparison tests' input). */
export const docsOf = (...texts: string[]): SourceDoc[] =>
  texts.map((text, i) => {
    const a = makeArticle({ origin: `t${i}.txt`, kind: 'text', text });
    return buildSourceDoc(a, analyzeArticle(a), i);
  });
