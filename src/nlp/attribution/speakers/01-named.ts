import type { SpeakerPass } from './resolve.js';

/** A name the name finder marked: its canonical form within the article ("Okafor" -> "Maria Okafor"). */
export const named: SpeakerPass = {
  name: 'named',
  resolve: (_c, q) => (q.phrase.kind === 'mention' && q.phrase.mention ? q.phrase.mention.canonical : undefined),
};
