import type { Span } from '../../model/span.js';
import { findQuantities, SENTENCE_CONTEXT, type Quantity } from '../../nlp/quantities/index.js';
import { memoInStory } from '../text/story-memo.js';

// The figures of each sentence, read once per distinct sentence (with the few characters around it
// that findQuantities reads) in a story: copies of one page and wire copy repeat sentences in texts
// that differ elsewhere (issue 15). The figures of the sentences given are those of each sentence on
// its own, in order: figures of different sentences never interact in findQuantities (a list
// shares its verb only within one sentence).

type Stored = Omit<Quantity, 'sentence'>;

/** findQuantities(text, sentences, exclude), each caller given its own copies pointing at its own sentence objects. */
export function quantitiesIn(text: string, sentences: Span[], exclude: Span[]): Quantity[] {
  const out: Quantity[] = [];
  for (const sentence of sentences) {
    const from = Math.max(0, sentence.start - SENTENCE_CONTEXT.before);
    const local = text.slice(from, sentence.end + SENTENCE_CONTEXT.after);
    const own = { start: sentence.start - from, end: sentence.end - from };
    const near = exclude.filter((d) => d.start < sentence.end && sentence.start < d.end).map((d) => ({ start: d.start - from, end: d.end - from }));
    const key = JSON.stringify([local, own.start, own.end, near.map((d) => [d.start, d.end])]);
    const stored = memoInStory('sentenceQuantities', key, (): Stored[] => findQuantities(local, [own], near).map(({ sentence: _, ...q }) => q));
    for (const q of stored) out.push({ ...q, head: [...q.head], span: shifted(q.span, from), figure: shifted(q.figure, from), sentence });
  }
  return out;
}

const shifted = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });
