import type { Span } from '../../model/span.js';
import { findQuantities, type Quantity } from '../../nlp/quantities/index.js';
import { memoInStory } from '../text/story-memo.js';

// The figures of one source, read once per distinct text in a story (issue 16 item 3: copies of one
// page). findQuantities is a pure function of the text and the spans' positions.

interface Stored {
  quantity: Omit<Quantity, 'sentence'>;
  /** Index of its sentence in the spans given: callers compare sentences by identity. */
  at: number;
}

/** findQuantities(text, sentences, exclude), each caller given its own copies pointing at its own sentence objects. */
export function quantitiesIn(text: string, sentences: Span[], exclude: Span[]): Quantity[] {
  const key = JSON.stringify([text, sentences.map((s) => [s.start, s.end]), exclude.map((d) => [d.start, d.end])]);
  const stored = memoInStory('findQuantities', key, (): Stored[] =>
    findQuantities(text, sentences, exclude).map(({ sentence, ...quantity }) => ({ quantity, at: sentences.indexOf(sentence) })),
  );
  return structuredClone(stored).map(({ quantity, at }) => ({ ...quantity, sentence: sentences[at] as Span }));
}
